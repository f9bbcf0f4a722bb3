/**
 * The device's view of its job executions (JOB-22): which are pending and in what order, which
 * one `$next` names, and how an execution reads on the wire (timestamps in epoch seconds).
 */
import type { JobExecution, JobExecutionSummary } from "@aws-sdk/client-iot-jobs-data-plane";
import { notFound } from "../iot/common.js";
import {
  type ExecutionDoc,
  findExecution,
  type JobDoc,
  jobs,
  pendingExecutionsOfThing,
} from "../iot/jobs/model.js";
import { requireThing } from "../iot/registry/model.js";
import type { OperationContext } from "../types.js";
import { deviceDocument } from "./document.js";

/** JOB-22: GetPendingJobExecutions lists at most this many executions. */
export const MAX_PENDING = 10;

const seconds = (ms: number) => Math.floor(ms / 1000);

/** A job devices still see: JOB-10, a job being deleted no longer reports its executions. */
export function visibleJob(ctx: OperationContext, jobId: string): JobDoc | undefined {
  const job = jobs(ctx).get(jobId);
  return job && job.status !== "DELETION_IN_PROGRESS" ? job : undefined;
}

/** The thing's QUEUED and IN_PROGRESS executions, oldest queuedAt first, of jobs devices still see. */
export function pendingExecutions(ctx: OperationContext, thingName: string): ExecutionDoc[] {
  requireThing(ctx, thingName);
  return visiblePending(ctx, thingName);
}

/** The same, for a thing that may be gone (notifications follow executions of deleted things too). */
export const visiblePending = (ctx: OperationContext, thingName: string): ExecutionDoc[] =>
  pendingExecutionsOfThing(ctx, thingName).filter((e) => visibleJob(ctx, e.jobId));

/** JOB-22 `$next` among `pending` (oldest queuedAt first): the first IN_PROGRESS execution, else the first QUEUED one. */
export const selectNext = (pending: ExecutionDoc[]): ExecutionDoc | undefined =>
  pending.find((e) => e.status === "IN_PROGRESS") ?? pending.find((e) => e.status === "QUEUED");

/** JOB-22 `$next`: the oldest IN_PROGRESS execution, else the oldest QUEUED one. */
export function nextExecution(ctx: OperationContext, thingName: string): ExecutionDoc | undefined {
  return selectNext(pendingExecutions(ctx, thingName));
}

/** The execution of a job on a thing (latest, or by number), or 404 as AWS says it. */
export function requireDeviceExecution(
  ctx: OperationContext,
  jobId: string,
  thingName: string,
  executionNumber?: number,
): { job: JobDoc; exec: ExecutionDoc } {
  const job = visibleJob(ctx, jobId);
  const exec = job && findExecution(ctx, jobId, thingName, executionNumber);
  if (!job || !exec)
    throw notFound(
      `Job execution of job ${jobId} on thing ${thingName}${executionNumber !== undefined ? ` with execution number ${executionNumber}` : ""} cannot be found.`,
    );
  return { job, exec };
}

/** JOB-23: the nearest of the in-progress and step deadlines, epoch ms. */
export function deadlineOf(exec: ExecutionDoc): number | undefined {
  const d = [exec.inProgressDeadlineMs, exec.stepDeadlineMs].filter((v): v is number => v !== undefined);
  return d.length > 0 ? Math.min(...d) : undefined;
}

export function summaryOf(exec: ExecutionDoc): JobExecutionSummary {
  return {
    jobId: exec.jobId,
    queuedAt: seconds(exec.queuedAt),
    startedAt: exec.startedAt === undefined ? undefined : seconds(exec.startedAt),
    lastUpdatedAt: seconds(exec.lastUpdatedAt),
    versionNumber: exec.versionNumber,
    executionNumber: exec.executionNumber,
  };
}

/** JOB-22: an execution as devices read it; `withDocument` adds the resolved document (JOB-25). */
export function executionOf(
  ctx: OperationContext,
  job: JobDoc,
  exec: ExecutionDoc,
  withDocument: boolean,
): JobExecution {
  const deadline = exec.status === "IN_PROGRESS" ? deadlineOf(exec) : undefined;
  return {
    jobId: exec.jobId,
    thingName: exec.thingName,
    status: exec.status,
    statusDetails: exec.statusDetails,
    queuedAt: seconds(exec.queuedAt),
    startedAt: exec.startedAt === undefined ? undefined : seconds(exec.startedAt),
    lastUpdatedAt: seconds(exec.lastUpdatedAt),
    approximateSecondsBeforeTimedOut:
      deadline === undefined ? undefined : Math.max(0, Math.ceil((deadline - ctx.clock.nowMs()) / 1000)),
    versionNumber: exec.versionNumber,
    executionNumber: exec.executionNumber,
    jobDocument: withDocument ? deviceDocument(ctx, job) : undefined,
  };
}
