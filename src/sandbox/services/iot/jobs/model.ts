/**
 * AWS IoT Jobs storage (section 7), shared by the control plane (this folder) and the jobs data
 * plane (iot-jobs-data). Scope `<account>:<region>`; kinds and relations in common.ts:
 *
 * - KIND.job, id = jobId → JobDoc: everything DescribeJob returns except the document, plus the
 *   per-status counters of JOB-7 (`counts`), kept incrementally so DescribeJob is O(1).
 * - KIND.jobDocument, id = jobId → the document text (JSON), apart so counter writes stay small.
 * - KIND.jobExecution, id = `<jobId>/<thingName>` → the LATEST ExecutionDoc of the job on the
 *   thing: listing by prefix `<jobId>/` gives a job's executions in thing order (pagination by id);
 *   the latest execution number per (job, thing) is one get. Job ids and thing names never
 *   contain `/`. Counters count exactly these documents (JOB-7: latest per thing).
 * - KIND.jobExecutionHistory, id = `<jobId>/<thingName>/<executionNumber, 10 digits>` → executions
 *   superseded by a newer one (JOB-24 retries, JOB-9 re-joins), still readable by number.
 * - RELATION.thingJobs, a = thingName, b = jobId: a thing's jobs in job id order.
 * - RELATION.continuousJobGroups, a = group name, b = jobId: CONTINUOUS jobs targeting a group (JOB-9).
 *
 * Timestamps are epoch milliseconds on the sandbox clock. Every execution status change goes
 * through `setExecutionStatus` (JOB-20 table, versionNumber, counters, JOB-6 completion, PKG-7,
 * JOB-24) and every change, creation and deletion included, is announced on the bus as
 * `job.execution.changed` (for JOB-30 notifications).
 *
 * For the data plane: `findExecution` / `requireExecution` (latest, or by number),
 * `executionsOfThing` (latest per job) and `pendingExecutionsOfThing` (JOB-22 order),
 * `requireJob` + `jobDocument` (text; substitute with placeholders.ts `resolveDocument` and
 * job-config.ts `jobPlaceholderContext`), `setExecutionStatus` (device updates: check the
 * device-settable statuses and `expectedVersion` first; timers: `stepTimeoutInMinutes`, the
 * `*DeadlineMs` fields, TIMED_OUT), lifecycle.ts `startJob` / `scheduleOf` (SCHEDULED jobs).
 */
import type {
  AbortConfig,
  JobExecutionsRetryConfig,
  JobExecutionsRolloutConfig,
  JobStatus,
  PresignedUrlConfig,
  SchedulingConfig,
  TargetSelection,
  TimeoutConfig,
} from "@aws-sdk/client-iot";
import { EXECUTION_STATUSES, type ExecutionStatus } from "../../../../common/job-statuses.js";
import { ServiceError } from "../../../errors.js";
import type { SandboxEvent } from "../../../events.js";
import type { Collection } from "../../../storage/store.js";
import type { OperationContext } from "../../types.js";
import { collection, iotArn, KIND, notFound, parseIotArn, RELATION, relation, scopeKey } from "../common.js";
import { applyExecutionEffects } from "./effects.js";

export { deleteExecution, purgeJob } from "./removal.js";

export { EXECUTION_STATUSES, type ExecutionStatus } from "../../../../common/job-statuses.js";

/** JOB-20: all but QUEUED and IN_PROGRESS. */
export const isTerminal = (status: ExecutionStatus): boolean =>
  status !== "QUEUED" && status !== "IN_PROGRESS";

/** The rollout, abort, timeout, retry and presigned-URL configurations (JOB-2), as given. */
export interface JobConfigs {
  presignedUrlConfig?: PresignedUrlConfig;
  jobExecutionsRolloutConfig?: JobExecutionsRolloutConfig;
  abortConfig?: AbortConfig;
  timeoutConfig?: TimeoutConfig;
  jobExecutionsRetryConfig?: JobExecutionsRetryConfig;
}

export interface JobDoc extends JobConfigs {
  jobId: string;
  targetSelection: TargetSelection;
  status: JobStatus;
  /** Target ARNs as given (JOB-1). */
  targets: string[];
  description?: string;
  /** JOB-1: the S3 URL the document was read from, when it came from S3. */
  documentSource?: string;
  schedulingConfig?: SchedulingConfig;
  /** JOB-3/JOB-12: ARNs as given (`$default` kept: DescribeJob with beforeSubstitution). */
  destinationPackageVersions?: string[];
  /** The same with `$default` resolved to the version name at creation (DescribeJob's default). */
  resolvedPackageVersions?: string[];
  namespaceId?: string;
  jobTemplateArn?: string;
  documentParameters?: Record<string, string>;
  /** JOB-11: the id of the first thing-group target, if any. */
  thingGroupId?: string;
  forceCanceled?: boolean;
  reasonCode?: string;
  comment?: string;
  createdAt: number;
  lastUpdatedAt: number;
  completedAt?: number;
  /** JOB-7: latest executions per status. */
  counts: Record<ExecutionStatus, number>;
  /** JOB-5 rollout rate: things still waiting for their execution (rollout.ts); absent when none. */
  unreleased?: number;
}

export interface ExecutionDoc {
  jobId: string;
  thingName: string;
  /** ID-3: 1, 2, ... per (job, thing). */
  executionNumber: number;
  status: ExecutionStatus;
  statusDetails?: Record<string, string>;
  queuedAt: number;
  startedAt?: number;
  lastUpdatedAt: number;
  /** JOB-5: 1 at creation, +1 per status change. */
  versionNumber: number;
  forceCanceled?: boolean;
  /** JOB-24: 0 for the first execution, +1 per retry. */
  retryAttempt: number;
  /** JOB-23 timers, epoch ms: set on entering IN_PROGRESS (timeoutConfig) and by step timeouts. */
  inProgressDeadlineMs?: number;
  stepDeadlineMs?: number;
  /** JOB-9: the thing left every target of the CONTINUOUS job after this execution ended. */
  outOfTarget?: boolean;
}

/** The bus event every execution change emits (creation: `from` undefined). */
export type ExecutionChange = Extract<SandboxEvent, { type: "job.execution.changed" }>;

export const jobs = (ctx: OperationContext): Collection<JobDoc> => collection<JobDoc>(ctx, KIND.job);
export const jobDocuments = (ctx: OperationContext): Collection<string> =>
  collection<string>(ctx, KIND.jobDocument);
export const executions = (ctx: OperationContext): Collection<ExecutionDoc> =>
  collection<ExecutionDoc>(ctx, KIND.jobExecution);
export const executionHistory = (ctx: OperationContext): Collection<ExecutionDoc> =>
  collection<ExecutionDoc>(ctx, KIND.jobExecutionHistory);

export const jobArn = (ctx: OperationContext, jobId: string): string => iotArn(ctx, `job/${jobId}`);
export const executionId = (jobId: string, thingName: string): string => `${jobId}/${thingName}`;
export const historyId = (jobId: string, thingName: string, executionNumber: number): string =>
  `${jobId}/${thingName}/${String(executionNumber).padStart(10, "0")}`;

export const emptyCounts = (): Record<ExecutionStatus, number> =>
  Object.fromEntries(EXECUTION_STATUSES.map((s) => [s, 0])) as Record<ExecutionStatus, number>;

export function requireJob(ctx: OperationContext, jobId: string): JobDoc {
  const job = jobs(ctx).get(jobId);
  if (!job) throw notFound(`Job ${jobId} cannot be found.`);
  return job;
}

/** A job by its ARN (this account and region), or 404. */
export function jobByArn(ctx: OperationContext, arn: string): JobDoc {
  const parsed = parseIotArn(ctx, arn);
  if (parsed?.type !== "job" || parsed.id.includes("/")) throw notFound(`Job ${arn} cannot be found.`);
  return requireJob(ctx, parsed.id);
}

export function saveJob(ctx: OperationContext, job: JobDoc): void {
  jobs(ctx).put(job.jobId, job);
}

export const jobDocument = (ctx: OperationContext, jobId: string): string =>
  jobDocuments(ctx).get(jobId) ?? "{}";

/** The latest execution, or the one numbered `executionNumber` (latest or superseded). */
export function findExecution(
  ctx: OperationContext,
  jobId: string,
  thingName: string,
  executionNumber?: number,
): ExecutionDoc | undefined {
  const latest = executions(ctx).get(executionId(jobId, thingName));
  if (executionNumber === undefined || latest?.executionNumber === executionNumber) return latest;
  return executionHistory(ctx).get(historyId(jobId, thingName, executionNumber));
}

export function requireExecution(
  ctx: OperationContext,
  jobId: string,
  thingName: string,
  executionNumber?: number,
): ExecutionDoc {
  const exec = findExecution(ctx, jobId, thingName, executionNumber);
  if (!exec)
    throw notFound(
      `Job execution of job ${jobId} on thing ${thingName}${executionNumber !== undefined ? ` with execution number ${executionNumber}` : ""} cannot be found.`,
    );
  return exec;
}

/** A job's latest executions in thing order, after the thing `after`, at most `limit`. */
export function executionsOfJob(
  ctx: OperationContext,
  jobId: string,
  opts: { afterThing?: string; limit?: number } = {},
): ExecutionDoc[] {
  const prefix = `${jobId}/`;
  return executions(ctx)
    .list({
      prefix,
      after: opts.afterThing !== undefined ? prefix + opts.afterThing : undefined,
      limit: opts.limit,
    })
    .map((e) => e.doc);
}

/** A thing's job ids in job id order, after `afterJob`, at most `limit`. */
export const jobIdsOfThing = (
  ctx: OperationContext,
  thingName: string,
  afterJob = "",
  limit = -1,
): string[] => relation(ctx, RELATION.thingJobs).targets(thingName, afterJob, limit);

/** A thing's latest executions (one per job) in job id order. */
export function executionsOfThing(ctx: OperationContext, thingName: string): ExecutionDoc[] {
  const all = executions(ctx);
  return jobIdsOfThing(ctx, thingName).flatMap((jobId) => all.get(executionId(jobId, thingName)) ?? []);
}

/**
 * JOB-22: the thing's pending (QUEUED or IN_PROGRESS) latest executions, oldest `queuedAt` first
 * (ties by job id); the caller applies AWS's limit of 10.
 */
export function pendingExecutionsOfThing(ctx: OperationContext, thingName: string): ExecutionDoc[] {
  return executionsOfThing(ctx, thingName)
    .filter((e) => !isTerminal(e.status))
    .sort((a, b) => a.queuedAt - b.queuedAt || (a.jobId < b.jobId ? -1 : a.jobId > b.jobId ? 1 : 0));
}

export function saveExecution(ctx: OperationContext, exec: ExecutionDoc): void {
  executions(ctx).put(executionId(exec.jobId, exec.thingName), exec);
}

/** Emits `job.execution.changed` for `exec` (after a creation, a change or a deletion). */
export function announceExecution(
  ctx: OperationContext,
  exec: ExecutionDoc,
  from: ExecutionStatus | undefined,
  deleted = false,
): void {
  const e: ExecutionChange = {
    type: "job.execution.changed",
    scope: scopeKey(ctx),
    jobId: exec.jobId,
    thingName: exec.thingName,
    executionNumber: exec.executionNumber,
    to: exec.status,
  };
  if (from !== undefined) e.from = from;
  if (deleted) e.deleted = true;
  ctx.events.emit(e);
}

/**
 * JOB-5 / JOB-9 / JOB-24: a new QUEUED execution of `job` on the thing. An existing latest
 * execution moves to the history and the new one takes the next number; counters follow
 * (the superseded one no longer counts). `retryAttempt` is the previous one's + 1 for a retry,
 * else 0. Saves `job`.
 */
export function queueExecution(
  ctx: OperationContext,
  job: JobDoc,
  thingName: string,
  opts: { retry?: boolean } = {},
): ExecutionDoc {
  const now = ctx.clock.nowMs();
  const previous = executions(ctx).get(executionId(job.jobId, thingName));
  if (previous) {
    executionHistory(ctx).put(historyId(job.jobId, thingName, previous.executionNumber), previous);
    job.counts[previous.status] -= 1;
  }
  const exec: ExecutionDoc = {
    jobId: job.jobId,
    thingName,
    executionNumber: (previous?.executionNumber ?? 0) + 1,
    status: "QUEUED",
    queuedAt: now,
    lastUpdatedAt: now,
    versionNumber: 1,
    retryAttempt: opts.retry && previous ? previous.retryAttempt + 1 : 0,
  };
  saveExecution(ctx, exec);
  relation(ctx, RELATION.thingJobs).link(thingName, job.jobId);
  job.counts.QUEUED += 1;
  job.lastUpdatedAt = now;
  saveJob(ctx, job);
  announceExecution(ctx, exec, undefined);
  return exec;
}

/** JOB-20: the statuses each status may move to (device-driven and service-driven together). */
const TRANSITIONS: Record<ExecutionStatus, readonly ExecutionStatus[]> = {
  QUEUED: ["IN_PROGRESS", "SUCCEEDED", "FAILED", "REJECTED", "CANCELED", "REMOVED"],
  IN_PROGRESS: ["IN_PROGRESS", "SUCCEEDED", "FAILED", "REJECTED", "CANCELED", "REMOVED", "TIMED_OUT"],
  SUCCEEDED: [],
  FAILED: [],
  TIMED_OUT: [],
  REJECTED: [],
  REMOVED: [],
  CANCELED: [],
};

export const canTransition = (from: ExecutionStatus, to: ExecutionStatus): boolean =>
  TRANSITIONS[from].includes(to);

export const invalidTransition = (message: string): ServiceError =>
  new ServiceError("InvalidStateTransitionException", message, {}, 409);

export interface StatusChangeOptions {
  /** Replaces the execution's statusDetails when given (JOB-21). */
  statusDetails?: Record<string, string>;
  /** JOB-23: (re)sets the step timer, never past the in-progress deadline. */
  stepTimeoutInMinutes?: number;
  /** JOB-8 / CancelJobExecution with force on an IN_PROGRESS execution. */
  forceCanceled?: boolean;
  /**
   * Run the follow-ups of a terminal status (PKG-7, JOB-24 retry and abort) and the JOB-6
   * completion check; default true. CancelJob turns them off while it cancels executions itself.
   */
  effects?: boolean;
}

/**
 * The one way an execution changes status (JOB-20): refuses what the table forbids with 409
 * InvalidStateTransitionException; bumps versionNumber and lastUpdatedAt; sets startedAt on the
 * first IN_PROGRESS and the JOB-23 deadlines; keeps the job's counters (JOB-7); then, unless
 * `effects` is false, PKG-7, JOB-24 and the JOB-6 completion check (effects.ts). Mutates and
 * saves `job` and `exec`; `exec` must be the job's latest execution on the thing.
 */
export function setExecutionStatus(
  ctx: OperationContext,
  job: JobDoc,
  exec: ExecutionDoc,
  to: ExecutionStatus,
  opts: StatusChangeOptions = {},
): ExecutionDoc {
  const from = exec.status;
  if (!canTransition(from, to))
    throw invalidTransition(
      `Job execution of job ${exec.jobId} on thing ${exec.thingName} cannot change from ${from} to ${to}.`,
    );
  const now = ctx.clock.nowMs();
  exec.status = to;
  exec.versionNumber += 1;
  exec.lastUpdatedAt = now;
  if (opts.statusDetails !== undefined) exec.statusDetails = opts.statusDetails;
  if (opts.forceCanceled) exec.forceCanceled = true;
  if (to === "IN_PROGRESS") {
    if (exec.startedAt === undefined) {
      exec.startedAt = now;
      const minutes = job.timeoutConfig?.inProgressTimeoutInMinutes;
      if (minutes !== undefined) exec.inProgressDeadlineMs = now + minutes * 60_000;
    }
    // UpdateJobExecution's -1 cancels the step timer (JOB-23).
    if (opts.stepTimeoutInMinutes === -1) delete exec.stepDeadlineMs;
    else if (opts.stepTimeoutInMinutes !== undefined) {
      const step = now + opts.stepTimeoutInMinutes * 60_000;
      exec.stepDeadlineMs = Math.min(step, exec.inProgressDeadlineMs ?? step);
    }
  } else if (isTerminal(to)) {
    delete exec.inProgressDeadlineMs;
    delete exec.stepDeadlineMs;
  }
  saveExecution(ctx, exec);
  job.counts[from] -= 1;
  job.counts[to] += 1;
  job.lastUpdatedAt = now;
  saveJob(ctx, job);
  announceExecution(ctx, exec, from);
  if (opts.effects !== false) applyExecutionEffects(ctx, job, exec, from);
  return exec;
}

/** JOB-6: a SNAPSHOT job IN_PROGRESS whose latest executions are all terminal completes. Saves `job`. */
export function checkCompletion(ctx: OperationContext, job: JobDoc): void {
  if (job.targetSelection !== "SNAPSHOT" || job.status !== "IN_PROGRESS") return;
  if (job.counts.QUEUED + job.counts.IN_PROGRESS + (job.unreleased ?? 0) > 0) return;
  const now = ctx.clock.nowMs();
  job.status = "COMPLETED";
  job.completedAt = now;
  job.lastUpdatedAt = now;
  saveJob(ctx, job);
}
