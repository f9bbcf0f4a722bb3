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
 *
 * Things that join a CONTINUOUS job later (a group they join, AssociateTargetsWithJob) wait in
 * the same line at the same rate (releaseJoining): a job notifies at most its rate a minute,
 * whoever the things are. A CONTINUOUS job's rollout record stays while the job lives, so the
 * minute of its last batch is known when the next thing joins; a thing released after it left
 * the targets gets nothing.
 */
import type { JobExecutionsRolloutConfig } from "@aws-sdk/client-iot";
import type { FiredTimer } from "../../../scheduler.js";
import type { OperationContext } from "../../types.js";
import { collection, KIND } from "../common.js";
import { checkCompletion, type JobDoc, jobs, queueExecution, saveJob } from "./model.js";
import { queueWhereMissing, stillTargeted } from "./joining.js";
import { ROLLOUT_TICK } from "./timer-kinds.js";

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
  /** When the last batch went out (sandbox-clock epoch ms); the next may go a minute later. */
  lastBatchMs?: number;
}

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
  releaseBatch(ctx, job, newRollout(job, cfg, thingNames), ctx.clock.nowMs());
}

function newRollout(job: JobDoc, cfg: JobExecutionsRolloutConfig, waiting: string[]): RolloutDoc {
  return {
    jobId: job.jobId,
    jobCreatedAt: job.createdAt,
    waiting,
    rate: Math.min(cfg.exponentialRate?.baseRatePerMinute ?? ceiling(cfg), ceiling(cfg)),
    notified: 0,
    sinceIncrease: { notified: 0, succeeded: job.counts.SUCCEEDED },
  };
}

/**
 * JOB-9 at the rollout rate: things the targets of a CONTINUOUS job reach now (a join, new
 * targets) get their execution at once when the job has no rate, else in the job's line: in
 * this minute's batch when the last one is a minute old, or when the next batch is due.
 */
export function releaseJoining(ctx: OperationContext, job: JobDoc, thingNames: string[]): void {
  const cfg = job.jobExecutionsRolloutConfig;
  if (!isPaced(cfg)) {
    for (const thingName of thingNames) queueWhereMissing(ctx, job, thingName);
    return;
  }
  if (thingNames.length === 0) return;
  const stored = rollouts(ctx).get(job.jobId);
  const doc = stored?.jobCreatedAt === job.createdAt ? stored : newRollout(job, cfg, []);
  const waiting = new Set(doc.waiting);
  for (const thingName of thingNames)
    if (!waiting.has(thingName)) {
      waiting.add(thingName);
      doc.waiting.push(thingName);
    }
  const now = ctx.clock.nowMs();
  const next = doc.lastBatchMs === undefined ? now : doc.lastBatchMs + MINUTE_MS;
  const ticking = ctx.scheduler.dueOf(ctx.scope, ROLLOUT_TICK, job.jobId) !== undefined;
  if (!ticking && next <= now) releaseBatch(ctx, job, doc, now);
  else {
    setWaiting(ctx, job, doc);
    if (!ticking) ctx.scheduler.at(ctx.scope, ROLLOUT_TICK, job.jobId, next, { jobId: job.jobId });
  }
}

/**
 * One minute's batch, at the rate the criteria met so far allow; the next one is due a minute after
 * this one was (so one clock advance catches up on every minute it skipped).
 */
function releaseBatch(ctx: OperationContext, job: JobDoc, doc: RolloutDoc, atMs: number): void {
  const cfg = job.jobExecutionsRolloutConfig!;
  increaseRate(cfg, job, doc);
  const batch = doc.waiting.splice(0, Math.max(1, Math.floor(doc.rate)));
  for (const thingName of batch) {
    if (job.targetSelection !== "CONTINUOUS") queueExecution(ctx, job, thingName);
    else if (stillTargeted(ctx, job, thingName)) queueWhereMissing(ctx, job, thingName);
  }
  doc.notified += batch.length;
  doc.lastBatchMs = atMs;
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
  // A CONTINUOUS job keeps its record: the minute of its last batch paces the next joiners.
  if (job.targetSelection === "CONTINUOUS") rollouts(ctx).put(job.jobId, doc);
  else rollouts(ctx).delete(job.jobId);
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
