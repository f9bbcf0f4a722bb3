/**
 * JOB-30 notifications, from the `job.execution.changed` events of the jobs model (whoever made the
 * change: CreateJob, a device over HTTP or MQTT, CancelJob, a timeout, a thing leaving a group):
 * - `$aws/things/<t>/jobs/notify` `{timestamp, jobs: {IN_PROGRESS?: [...], QUEUED?: [...]}}` when an
 *   execution joins or leaves the thing's pending list or moves from QUEUED to IN_PROGRESS
 *   (ListNotification: IN_PROGRESS first, then by queuedAt; at most 10, JOB-22);
 * - `$aws/things/<t>/jobs/notify-next` `{timestamp, execution?}` when the `$next` execution becomes
 *   another one (NextNotification); without `execution` when nothing is pending any more.
 * Timestamps are epoch ms, execution times epoch seconds (JOB-30). Each is published as any
 * service message is (mqtt.publish): delivered after the change commits, to subscribers only;
 * nothing is computed for a thing whose notification topics no client subscribed to.
 */
import { createOperationContext } from "../../context.js";
import type { ExecutionChange, ExecutionDoc } from "../iot/jobs/model.js";
import { isTerminal, findExecution } from "../iot/jobs/model.js";
import { audienceOf, publishJson } from "../iot-data/mqtt-answer.js";
import type { OperationContext, ServiceDeps } from "../types.js";
import { executionOf, MAX_PENDING, selectNext, summaryOf, visibleJob, visiblePending } from "./executions.js";
import { jobsTopicPrefix, mqttExecution } from "./jobs-topic.js";
import { scopeOf } from "./timers.js";

const keyOf = (e: ExecutionDoc | undefined): string | undefined => e && `${e.jobId}/${e.executionNumber}`;

/** The pending list before `change`: the same list with the changed execution as it was. */
function pendingBefore(ctx: OperationContext, change: ExecutionChange, now: ExecutionDoc[]): ExecutionDoc[] {
  const others = now.filter((e) => e.jobId !== change.jobId);
  if (change.from === undefined || isTerminal(change.from)) return others;
  const exec = findExecution(ctx, change.jobId, change.thingName, change.executionNumber);
  if (!exec) return others;
  return [...others, { ...exec, status: change.from }].sort(
    (a, b) => a.queuedAt - b.queuedAt || (a.jobId < b.jobId ? -1 : a.jobId > b.jobId ? 1 : 0),
  );
}

function notifyList(ctx: OperationContext, scope: string, thingName: string, pending: ExecutionDoc[]): void {
  const listed = [
    ...pending.filter((e) => e.status === "IN_PROGRESS"),
    ...pending.filter((e) => e.status === "QUEUED"),
  ].slice(0, MAX_PENDING);
  const jobs: Record<string, object[]> = {};
  for (const e of listed) (jobs[e.status] ??= []).push(summaryOf(e));
  publishJson(ctx, scope, `${jobsTopicPrefix(thingName)}/notify`, {
    timestamp: ctx.clock.nowMs(),
    jobs,
  });
}

function notifyNext(
  ctx: OperationContext,
  scope: string,
  thingName: string,
  next: ExecutionDoc | undefined,
): void {
  const job = next && visibleJob(ctx, next.jobId);
  const execution = next && job ? mqttExecution(executionOf(ctx, job, next, true)) : undefined;
  publishJson(ctx, scope, `${jobsTopicPrefix(thingName)}/notify-next`, {
    timestamp: ctx.clock.nowMs(),
    ...(execution ? { execution } : {}),
  });
}

function follow(deps: ServiceDeps, change: ExecutionChange): void {
  const wasPending = change.deleted
    ? !isTerminal(change.to)
    : change.from !== undefined && !isTerminal(change.from);
  const isPending = !change.deleted && !isTerminal(change.to);
  if (!wasPending && !isPending) return;
  if (wasPending && isPending && change.from === change.to) return;
  // Nothing is read nor built for topics no client subscribed to (a 10,000-thing rollout).
  const prefix = jobsTopicPrefix(change.thingName);
  const audience = audienceOf(deps.runtime);
  const listed = audience.reaches(`${prefix}/notify`);
  const told = audience.reaches(`${prefix}/notify-next`);
  if (!listed && !told) return;
  const ctx = createOperationContext(deps, {
    scope: scopeOf(change.scope),
    origin: { kind: "internal", name: "job-notifications" },
  });
  const pending = visiblePending(ctx, change.thingName);
  if (listed) notifyList(ctx, change.scope, change.thingName, pending);
  if (!told) return;
  const next = selectNext(pending);
  // A deleted execution can no longer be read: whether it was `$next` is unknown, so tell anyway.
  if (change.deleted || keyOf(selectNext(pendingBefore(ctx, change, pending))) !== keyOf(next))
    notifyNext(ctx, change.scope, change.thingName, next);
}

export function startJobNotifications(deps: ServiceDeps): void {
  deps.events.on((e) => {
    if (e.type === "job.execution.changed") follow(deps, e);
  });
}
