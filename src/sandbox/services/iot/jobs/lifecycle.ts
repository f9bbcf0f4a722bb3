/**
 * A job's start (JOB-4, JOB-5): its executions are created now or, for a SCHEDULED job, when its
 * start time comes (schedule.ts, on the sandbox-clock scheduler); at once, or paced by a rollout
 * rate (rollout.ts). Also the scheduling times (JOB-4).
 */
import type { SchedulingConfig } from "@aws-sdk/client-iot";
import type { OperationContext } from "../../types.js";
import { invalidRequest, RELATION, relation } from "../common.js";
import { type JobDoc, saveJob } from "./model.js";
import { releaseExecutions } from "./rollout.js";
import { expandTargets, resolveTargets } from "./targets.js";

/** `yyyy-MM-ddTHH:mm` (UTC), optionally with seconds and `Z` (StringDateTime). */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)Z?$/;
/** Emulator choice after AWS's documented minimum rollout window. */
export const MIN_SCHEDULE_WINDOW_MS = 30 * 60_000;

/** A StringDateTime as epoch ms, or 400. */
function parseDateTime(value: string, member: string): number {
  const m = DATE_TIME.exec(value);
  const ms = m ? Date.parse(`${m[1]}Z`) : NaN;
  if (Number.isNaN(ms))
    throw invalidRequest(`schedulingConfig.${member} ${value} is not a date-time yyyy-MM-ddTHH:mm.`);
  return ms;
}

/**
 * The start and end times of a stored job's schedulingConfig in epoch ms (for the scheduler:
 * a SCHEDULED job starts at `startMs`; `endBehavior` applies at `endMs`).
 */
export function scheduleOf(job: JobDoc): { startMs?: number; endMs?: number } {
  const c = job.schedulingConfig;
  return {
    startMs: c?.startTime !== undefined ? parseDateTime(c.startTime, "startTime") : undefined,
    endMs: c?.endTime !== undefined ? parseDateTime(c.endTime, "endTime") : undefined,
  };
}

/** JOB-4: the start time in epoch ms when it is in the future (the job is then SCHEDULED). */
export function scheduledStart(
  ctx: OperationContext,
  config: SchedulingConfig | undefined,
): number | undefined {
  if (!config) return undefined;
  const start = config.startTime !== undefined ? parseDateTime(config.startTime, "startTime") : undefined;
  if (config.endTime !== undefined) {
    const end = parseDateTime(config.endTime, "endTime");
    if (end - (start ?? ctx.clock.nowMs()) < MIN_SCHEDULE_WINDOW_MS)
      throw invalidRequest("schedulingConfig.endTime must be at least 30 minutes after startTime.");
  }
  return start !== undefined && start > ctx.clock.nowMs() ? start : undefined;
}

/**
 * JOB-5: IN_PROGRESS with one QUEUED execution per thing the targets reach now; a SNAPSHOT job
 * reaching none completes at once (JOB-6). A target deleted while the job waited is skipped.
 */
export function startJob(ctx: OperationContext, job: JobDoc): void {
  job.status = "IN_PROGRESS";
  job.lastUpdatedAt = ctx.clock.nowMs();
  saveJob(ctx, job);
  const targets = resolveTargets(ctx, job.targets, { skipMissing: true });
  if (job.targetSelection === "CONTINUOUS") {
    const groups = relation(ctx, RELATION.continuousJobGroups);
    for (const g of targets.groups) groups.link(g.thingGroupName, job.jobId);
  }
  releaseExecutions(ctx, job, expandTargets(ctx, targets));
}
