/**
 * Jobs following the registry (JOB-9, THG-5). `startJobs`, the IoT service's start hook for
 * jobs, subscribes to the event bus after fleet indexing, so dynamic memberships are current:
 * - `thing.changed` (static membership changes, and `dynamicMembership` ones from fleet
 *   indexing, DYN-2): a thing the targets of a CONTINUOUS job IN_PROGRESS now reach gets a
 *   QUEUED execution unless it has a pending one; one they no longer reach has its pending
 *   execution REMOVED;
 * - `thing.deleted`: every pending execution of the thing, any job, becomes REMOVED (THG-5).
 * Listeners run inside the emitting request's transaction (events.ts).
 */
import { createOperationContext } from "../../../context.js";
import type { SandboxEvent } from "../../../events.js";
import type { OperationContext, ServiceDeps } from "../../types.js";
import { RELATION, relation } from "../common.js";
import { thingArn, things } from "../registry/model.js";
import {
  type ExecutionDoc,
  executionsOfThing,
  findExecution,
  isTerminal,
  type JobDoc,
  jobIdsOfThing,
  jobs,
  saveExecution,
  setExecutionStatus,
} from "./model.js";
import { releaseJoining } from "./rollout.js";
import { groupsReaching, targetsReach } from "./targets.js";

/** JOB-9: the thing left the job's targets: a pending execution is REMOVED, an ended one remembered. */
function leave(ctx: OperationContext, job: JobDoc, exec: ExecutionDoc): void {
  if (!isTerminal(exec.status)) setExecutionStatus(ctx, job, exec, "REMOVED");
  else if (!exec.outOfTarget) {
    exec.outOfTarget = true;
    saveExecution(ctx, exec);
  }
}

function thingChanged(ctx: OperationContext, thingName: string): void {
  const ofThing = jobIdsOfThing(ctx, thingName);
  const byGroup = relation(ctx, RELATION.continuousJobGroups);
  // No job has this thing and no CONTINUOUS job targets a group: nothing can join or leave, and
  // every registry change of a fleet without jobs (the common case) costs two lookups.
  if (ofThing.length === 0 && byGroup.isEmpty()) return;
  if (!things(ctx).has(thingName)) return;
  const reaching = groupsReaching(ctx, thingName);
  const candidates = new Set(ofThing);
  for (const group of reaching) for (const jobId of byGroup.targets(group)) candidates.add(jobId);
  const arn = thingArn(ctx, thingName);
  for (const jobId of candidates) {
    const job = jobs(ctx).get(jobId);
    if (job?.targetSelection !== "CONTINUOUS" || job.status !== "IN_PROGRESS") continue;
    if (targetsReach(job.targets, arn, reaching)) releaseJoining(ctx, job, [thingName]);
    else {
      const exec = findExecution(ctx, jobId, thingName);
      if (exec) leave(ctx, job, exec);
    }
  }
}

/** THG-5 */
function thingDeleted(ctx: OperationContext, thingName: string): void {
  for (const exec of executionsOfThing(ctx, thingName)) {
    if (isTerminal(exec.status)) continue;
    const job = jobs(ctx).get(exec.jobId);
    if (job) setExecutionStatus(ctx, job, exec, "REMOVED");
  }
}

function follow(base: OperationContext, e: SandboxEvent): void {
  if (e.type !== "thing.changed" && e.type !== "thing.deleted") return;
  const cut = e.scope.indexOf(":");
  const ctx: OperationContext = {
    ...base,
    scope: { accountId: e.scope.slice(0, cut), region: e.scope.slice(cut + 1) },
  };
  try {
    ctx.store.transaction(() => (e.type === "thing.deleted" ? thingDeleted : thingChanged)(ctx, e.thingName));
  } catch (err) {
    // The registry change stands; the jobs it should have touched are reported, not failed with it.
    process.stderr.write(`iotdm sandbox: jobs could not follow ${e.type}: ${String(err)}\n`);
  }
}

/** The IoT service's start hook for jobs (see above); after startFleetIndex. */
export function startJobs(deps: ServiceDeps): void {
  const base = createOperationContext(deps, {
    scope: { accountId: "", region: "" },
    requestId: "jobs",
    origin: { kind: "internal", name: "jobs" },
  });
  deps.events.on((e) => follow(base, e));
}
