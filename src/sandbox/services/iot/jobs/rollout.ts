/**
 * Rollout rates (JOB-2 `jobExecutionsRolloutConfig`, JOB-5 "executions created over time"): a job
 * with a rate gets its executions in batches, one per minute of the sandbox clock, through the
 * scheduler; things not yet reached have no execution, so devices do not see them and the
 * counters do not count them. While things wait, the job reports them as rolling out
 * (`unreleased`: DescribeJob's `processingTargets` and `isConcurrent`, and no JOB-6 completion).
 *
 * `maximumPerMinute` alone: that many per minute. `exponentialRate`: `baseRatePerMinute` first,
 * multiplied by `incrementFactor` each time `rateIncreaseCriteria` is met again (that many more
 * things notified, or succeeded, since the last increase), never above `maximumPerMinute` when
 * given (else 1000, the largest rate AWS takes).
 */
import type { JobExecutionsRolloutConfig } from "@aws-sdk/client-iot";
import { type FiredTimer, timerKind } from "../../../scheduler.js";
import type { OperationContext } from "../../types.js";
import { collection, KIND } from "../common.js";
import { checkCompletion, type JobDoc, jobs, queueExecution, saveJob } from "./model.js";

interface RolloutDoc {
  jobId: string;
  /** The job's createdAt: a job deleted and created again under the same id is another rollout. */
  jobCreatedAt: number;
  /** Things still waiting for their execution, in release order. */
  waiting: string[];
  /** Executions per minute now (fractional while growing). */
  rate: number;
  notified: number;
  /** Notified things and the job's succeeded counter at the last rate increase. */
  sinceIncrease: { notified: number; succeeded: number };
}

/** id = job id */
export const ROLLOUT_TICK = timerKind<{ jobId: string }>("iot.jobs.rollout");

const MINUTE_MS = 60_000;

/** JOB-7 `processingTargets`, JOB-4 `isConcurrent`: things wait, and the job still rolls out. */
export const isRollingOut = (job: JobDoc): boolean =>
  (job.unreleased ?? 0) > 0 && job.status === "IN_PROGRESS";
/** JOB-2: the largest rate AWS accepts. */
const MAX_RATE = 1000;

const rollouts = (ctx: OperationContext) => collection<RolloutDoc>(ctx, KIND.jobRollout);

const isPaced = (cfg: JobExecutionsRolloutConfig | undefined): cfg is JobExecutionsRolloutConfig =>
  cfg?.maximumPerMinute !== undefined || cfg?.exponentialRate !== undefined;

const ceiling = (cfg: JobExecutionsRolloutConfig) => cfg.maximumPerMinute ?? MAX_RATE;

/**
 * JOB-5: one QUEUED execution per thing, at once or, with a rollout rate, the first batch now and
 * the others a batch a minute. Then the JOB-6 completion check (a job that reaches none completes).
 */
export function releaseExecutions(ctx: OperationContext, job: JobDoc, thingNames: string[]): void {
  const cfg = job.jobExecutionsRolloutConfig;
  if (!isPaced(cfg) || thingNames.length === 0) {
    for (const thingName of thingNames) queueExecution(ctx, job, thingName);
    checkCompletion(ctx, job);
    return;
  }
  const rate = Math.min(cfg.exponentialRate?.baseRatePerMinute ?? ceiling(cfg), ceiling(cfg));
  const doc: RolloutDoc = {
    jobId: job.jobId,
    jobCreatedAt: job.createdAt,
    waiting: thingNames,
    rate,
    notified: 0,
    sinceIncrease: { notified: 0, succeeded: job.counts.SUCCEEDED },
  };
  releaseBatch(ctx, job, doc, ctx.clock.nowMs());
}

/**
 * One minute's batch, at the rate the criteria met so far allow; the next one is due a minute after
 * this one was (so one clock advance catches up on every minute it skipped).
 */
function releaseBatch(ctx: OperationContext, job: JobDoc, doc: RolloutDoc, atMs: number): void {
  const cfg = job.jobExecutionsRolloutConfig!;
  increaseRate(cfg, job, doc);
  const batch = doc.waiting.splice(0, Math.max(1, Math.floor(doc.rate)));
  for (const thingName of batch) queueExecution(ctx, job, thingName);
  doc.notified += batch.length;
  setWaiting(ctx, job, doc);
  if (doc.waiting.length > 0)
    ctx.scheduler.at(ctx.scope, ROLLOUT_TICK, job.jobId, atMs + MINUTE_MS, { jobId: job.jobId });
}

function increaseRate(cfg: JobExecutionsRolloutConfig, job: JobDoc, doc: RolloutDoc): void {
  const exp = cfg.exponentialRate;
  const criteria = exp?.rateIncreaseCriteria;
  if (!exp || !criteria) return;
  const notified = doc.notified - doc.sinceIncrease.notified;
  const succeeded = job.counts.SUCCEEDED - doc.sinceIncrease.succeeded;
  const met =
    (criteria.numberOfNotifiedThings !== undefined && notified >= criteria.numberOfNotifiedThings) ||
    (criteria.numberOfSucceededThings !== undefined && succeeded >= criteria.numberOfSucceededThings);
  if (!met) return;
  doc.rate = Math.min(doc.rate * (exp.incrementFactor ?? 1), ceiling(cfg));
  doc.sinceIncrease = { notified: doc.notified, succeeded: job.counts.SUCCEEDED };
}

/** Stores what still waits and tells the job; nothing waiting: the rollout is over (JOB-6 may follow). */
function setWaiting(ctx: OperationContext, job: JobDoc, doc: RolloutDoc): void {
  if (doc.waiting.length > 0) {
    rollouts(ctx).put(job.jobId, doc);
    job.unreleased = doc.waiting.length;
    saveJob(ctx, job);
    return;
  }
  rollouts(ctx).delete(job.jobId);
  delete job.unreleased;
  saveJob(ctx, job);
  checkCompletion(ctx, job);
}

/**
 * The rollout ends with things still waiting (schedulingConfig endBehavior STOP_ROLLOUT, or the job
 * was canceled or is being deleted): they never get an execution.
 */
export function stopRollout(ctx: OperationContext, job: JobDoc): void {
  const doc = rollouts(ctx).get(job.jobId);
  if (!doc) return;
  doc.waiting = [];
  ctx.scheduler.cancel(ctx.scope, ROLLOUT_TICK, job.jobId);
  setWaiting(ctx, job, doc);
}

export function onRolloutTick(ctx: OperationContext, { jobId }: { jobId: string }, timer: FiredTimer): void {
  const job = jobs(ctx).get(jobId);
  const doc = rollouts(ctx).get(jobId);
  if (!doc) return;
  if (!job || job.createdAt !== doc.jobCreatedAt) {
    rollouts(ctx).delete(jobId);
    return;
  }
  if (job.status !== "IN_PROGRESS") stopRollout(ctx, job);
  else releaseBatch(ctx, job, doc, timer.dueMs);
}
