/** Stored jobs and executions as the control plane answers them (JOB-11, JOB-12, JOB-22). */
import type {
  Job,
  JobExecution,
  JobExecutionSummary,
  JobProcessDetails,
  JobSummary,
} from "@aws-sdk/client-iot";
import type { OperationContext } from "../../types.js";
import { thingArn } from "../registry/model.js";
import { type ExecutionDoc, type JobDoc, jobArn } from "./model.js";
import { isRollingOut } from "./rollout.js";

const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));

/** JOB-7: counters of the latest executions; `processingTargets` while a rollout rate paces them (rollout.ts). */
function processDetails(job: JobDoc): JobProcessDetails {
  const c = job.counts;
  return {
    processingTargets: isRollingOut(job) ? job.targets : undefined,
    numberOfCanceledThings: c.CANCELED,
    numberOfSucceededThings: c.SUCCEEDED,
    numberOfFailedThings: c.FAILED,
    numberOfRejectedThings: c.REJECTED,
    numberOfQueuedThings: c.QUEUED,
    numberOfInProgressThings: c.IN_PROGRESS,
    numberOfRemovedThings: c.REMOVED,
    numberOfTimedOutThings: c.TIMED_OUT,
  };
}

/** JOB-12: never the document; `beforeSubstitution` keeps `$default` in package versions. */
export function jobView(ctx: OperationContext, job: JobDoc, beforeSubstitution: boolean): Job {
  return {
    jobArn: jobArn(ctx, job.jobId),
    jobId: job.jobId,
    targetSelection: job.targetSelection,
    status: job.status,
    forceCanceled: job.forceCanceled,
    reasonCode: job.reasonCode,
    comment: job.comment,
    targets: job.targets,
    description: job.description,
    presignedUrlConfig: job.presignedUrlConfig,
    jobExecutionsRolloutConfig: job.jobExecutionsRolloutConfig,
    abortConfig: job.abortConfig,
    createdAt: date(job.createdAt),
    lastUpdatedAt: date(job.lastUpdatedAt),
    completedAt: date(job.completedAt),
    jobProcessDetails: processDetails(job),
    timeoutConfig: job.timeoutConfig,
    namespaceId: job.namespaceId,
    jobTemplateArn: job.jobTemplateArn,
    jobExecutionsRetryConfig: job.jobExecutionsRetryConfig,
    documentParameters: job.documentParameters,
    isConcurrent: isRollingOut(job),
    schedulingConfig: job.schedulingConfig,
    destinationPackageVersions: beforeSubstitution
      ? job.destinationPackageVersions
      : (job.resolvedPackageVersions ?? job.destinationPackageVersions),
  };
}

/** JOB-11 */
export function jobSummary(ctx: OperationContext, job: JobDoc): JobSummary {
  return {
    jobArn: jobArn(ctx, job.jobId),
    jobId: job.jobId,
    thingGroupId: job.thingGroupId,
    targetSelection: job.targetSelection,
    status: job.status,
    createdAt: date(job.createdAt),
    lastUpdatedAt: date(job.lastUpdatedAt),
    completedAt: date(job.completedAt),
    isConcurrent: isRollingOut(job),
  };
}

export function executionSummary(exec: ExecutionDoc): JobExecutionSummary {
  return {
    status: exec.status,
    queuedAt: date(exec.queuedAt),
    startedAt: date(exec.startedAt),
    lastUpdatedAt: date(exec.lastUpdatedAt),
    executionNumber: exec.executionNumber,
    retryAttempt: exec.retryAttempt,
  };
}

/** JOB-23: seconds until the nearest deadline, when a timer runs. */
export function secondsBeforeTimedOut(ctx: OperationContext, exec: ExecutionDoc): number | undefined {
  const deadlines = [exec.inProgressDeadlineMs, exec.stepDeadlineMs].filter((d) => d !== undefined);
  if (exec.status !== "IN_PROGRESS" || deadlines.length === 0) return undefined;
  return Math.max(0, Math.floor((Math.min(...deadlines) - ctx.clock.nowMs()) / 1000));
}

/** JOB-22: the control plane's execution: thing ARN, forceCanceled, details map, no document. */
export function executionView(ctx: OperationContext, exec: ExecutionDoc): JobExecution {
  return {
    jobId: exec.jobId,
    status: exec.status,
    forceCanceled: exec.forceCanceled ?? false,
    statusDetails: { detailsMap: exec.statusDetails ?? {} },
    thingArn: thingArn(ctx, exec.thingName),
    queuedAt: date(exec.queuedAt),
    startedAt: date(exec.startedAt),
    lastUpdatedAt: date(exec.lastUpdatedAt),
    executionNumber: exec.executionNumber,
    versionNumber: exec.versionNumber,
    approximateSecondsBeforeTimedOut: secondsBeforeTimedOut(ctx, exec),
  };
}
