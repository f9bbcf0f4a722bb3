/**
 * Scheduled jobs (JOB-4 `schedulingConfig`) on the sandbox-clock scheduler: a SCHEDULED job starts
 * at its `startTime` (IN_PROGRESS, executions created then, lifecycle.ts startJob); at `endTime`
 * the `endBehavior` applies to a job still running: STOP_ROLLOUT (the default) releases no more
 * executions, CANCEL cancels the job as CancelJob would, FORCE_CANCEL with force.
 */
import type { OperationContext } from "../../types.js";
import { cancelJob } from "./effects.js";
import { scheduleOf, startJob } from "./lifecycle.js";
import { type JobDoc, jobs } from "./model.js";
import { JOB_END, JOB_START, type JobRef } from "./timer-kinds.js";
import { stopRollout } from "./rollout.js";

/** CreateJob: the timers of a job's start (when it is SCHEDULED, `startMs`) and end. */
export function scheduleJob(ctx: OperationContext, job: JobDoc, startMs: number | undefined): void {
  const ref = { jobId: job.jobId, createdAt: job.createdAt };
  if (startMs !== undefined) ctx.scheduler.at(ctx.scope, JOB_START, job.jobId, startMs, ref);
  const { endMs } = scheduleOf(job);
  if (endMs !== undefined) ctx.scheduler.at(ctx.scope, JOB_END, job.jobId, endMs, ref);
}

const sameJob = (ctx: OperationContext, ref: JobRef): JobDoc | undefined => {
  const job = jobs(ctx).get(ref.jobId);
  return job?.createdAt === ref.createdAt ? job : undefined;
};

export function onScheduledStart(ctx: OperationContext, ref: JobRef): void {
  const job = sameJob(ctx, ref);
  if (job?.status === "SCHEDULED") startJob(ctx, job);
}

export function onScheduledEnd(ctx: OperationContext, ref: JobRef): void {
  const job = sameJob(ctx, ref);
  if (job?.status !== "IN_PROGRESS" && job?.status !== "SCHEDULED") return;
  const behavior = job.schedulingConfig?.endBehavior ?? "STOP_ROLLOUT";
  if (behavior === "CANCEL" || behavior === "FORCE_CANCEL")
    cancelJob(ctx, job, { force: behavior === "FORCE_CANCEL" });
  stopRollout(ctx, job);
}
