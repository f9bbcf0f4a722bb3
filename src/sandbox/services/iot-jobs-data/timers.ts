/**
 * JOB-23 on the sandbox scheduler: an IN_PROGRESS execution with an in-progress or step deadline
 * has one timer, due at the nearest deadline; when it fires and the deadline has passed, the
 * execution becomes TIMED_OUT through the model (counters, JOB-24 retry and abort, JOB-6).
 * The timer follows every execution change from the bus, so whoever changes an execution
 * (device, CancelJob, a thing leaving a group) never has to know about it.
 */
import { createOperationContext } from "../../context.js";
import type { SandboxEvent } from "../../events.js";
import { type FiredTimer, timerKind } from "../../scheduler.js";
import { executionId, findExecution, jobs, setExecutionStatus } from "../iot/jobs/model.js";
import { onPurgeDue } from "../iot/jobs/removal.js";
import { onRolloutTick } from "../iot/jobs/rollout.js";
import { onScheduledEnd, onScheduledStart } from "../iot/jobs/schedule.js";
import { JOB_END, JOB_PURGE, JOB_START, ROLLOUT_TICK } from "../iot/jobs/timer-kinds.js";
import type { OperationContext, RequestScope, ServiceDeps } from "../types.js";
import { deadlineOf } from "./executions.js";

interface TimeoutPayload {
  jobId: string;
  thingName: string;
  executionNumber: number;
}

/** id = `<jobId>/<thingName>` */
export const EXECUTION_TIMEOUT = timerKind<TimeoutPayload>("iot.jobs.executionTimeout");

/** The scope an event's `<account>:<region>` key names. */
export const scopeOf = (key: string): RequestScope => {
  const cut = key.indexOf(":");
  return { accountId: key.slice(0, cut), region: key.slice(cut + 1) };
};

type ExecutionChanged = Extract<SandboxEvent, { type: "job.execution.changed" }>;

/** Sets, moves or cancels the execution's timer after a change (inside the changer's transaction). */
function follow(deps: ServiceDeps, e: ExecutionChanged): void {
  const scope = scopeOf(e.scope);
  const id = executionId(e.jobId, e.thingName);
  const ctx = createOperationContext(deps, { scope, origin: { kind: "internal", name: "job-timeouts" } });
  const exec = e.to === "IN_PROGRESS" ? findExecution(ctx, e.jobId, e.thingName) : undefined;
  const deadline = exec && deadlineOf(exec);
  if (exec === undefined || deadline === undefined) deps.scheduler.cancel(scope, EXECUTION_TIMEOUT, id);
  else
    deps.scheduler.at(scope, EXECUTION_TIMEOUT, id, deadline, {
      jobId: e.jobId,
      thingName: e.thingName,
      executionNumber: exec.executionNumber,
    });
}

/** JOB-23: the deadline passed; an execution that moved on meanwhile is left alone. */
function timeOut(ctx: OperationContext, p: TimeoutPayload, timer: FiredTimer): void {
  const job = jobs(ctx).get(p.jobId);
  const exec = findExecution(ctx, p.jobId, p.thingName);
  if (!job || job.status === "DELETION_IN_PROGRESS") return;
  if (exec?.executionNumber !== p.executionNumber || exec.status !== "IN_PROGRESS") return;
  const deadline = deadlineOf(exec);
  if (deadline === undefined) return;
  if (deadline > ctx.clock.nowMs()) {
    ctx.scheduler.at(ctx.scope, EXECUTION_TIMEOUT, timer.id, deadline, p);
    return;
  }
  setExecutionStatus(ctx, job, exec, "TIMED_OUT");
}

/** The jobs' time-driven rules on the scheduler: JOB-23 here, rollout rates and scheduled jobs (iot/jobs). */
export function startJobTimers(deps: ServiceDeps): void {
  deps.scheduler.on(EXECUTION_TIMEOUT, timeOut);
  deps.scheduler.on(ROLLOUT_TICK, onRolloutTick);
  deps.scheduler.on(JOB_START, onScheduledStart);
  deps.scheduler.on(JOB_END, onScheduledEnd);
  deps.scheduler.on(JOB_PURGE, onPurgeDue);
  deps.events.on((e) => {
    if (e.type === "job.execution.changed") follow(deps, e);
  });
}
