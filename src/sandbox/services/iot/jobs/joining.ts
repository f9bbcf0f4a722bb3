/**
 * A thing joining a CONTINUOUS job (JOB-9): what queues its execution, and the check made again
 * when a rollout rate released it later (rollout.ts), since it may have left the targets meanwhile.
 */
import type { OperationContext } from "../../types.js";
import { thingArn, things } from "../registry/model.js";
import { findExecution, isTerminal, type JobDoc, queueExecution } from "./model.js";
import { groupsReaching, targetsReach } from "./targets.js";

/**
 * JOB-9: queues an execution for a thing the job's targets reach, unless its latest one is
 * pending, or ended while the thing stayed a target (a finished thing does not run again).
 */
export function queueWhereMissing(ctx: OperationContext, job: JobDoc, thingName: string): void {
  const latest = findExecution(ctx, job.jobId, thingName);
  if (latest && !isTerminal(latest.status)) return;
  if (latest && latest.status !== "REMOVED" && !latest.outOfTarget) return;
  queueExecution(ctx, job, thingName);
}

/** The thing still exists and the job's targets still reach it. */
export function stillTargeted(ctx: OperationContext, job: JobDoc, thingName: string): boolean {
  if (!things(ctx).has(thingName)) return false;
  return targetsReach(job.targets, thingArn(ctx, thingName), groupsReaching(ctx, thingName));
}
