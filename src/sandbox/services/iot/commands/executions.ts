/**
 * How a command execution's status moves (CMD-7) and what each move sets off: timestamps, the
 * timeout timer, and the status event (CMD-12). The device's reports (response-topic.ts) and the
 * timeout (timers.ts) both go through `moveExecution`.
 */
import type { CommandExecutionStatus, StatusReason } from "@aws-sdk/client-iot";
import type { OperationContext } from "../../types.js";
import { scopeKey } from "../common.js";
import { executions, type ExecutionDoc, FINAL_STATUSES, type StoredResult } from "./model.js";
import { EXECUTION_TIMEOUT } from "./timer-kinds.js";

/** Statuses a device reports (CMD-11); CREATED is the service's own. */
export const REPORTABLE: ReadonlySet<string> = new Set([
  "IN_PROGRESS",
  "SUCCEEDED",
  "FAILED",
  "REJECTED",
  "TIMED_OUT",
]);

/** Final statuses a device may still report after the service timed the execution out (CMD-7). */
const AFTER_TIMEOUT: ReadonlySet<CommandExecutionStatus> = new Set(["SUCCEEDED", "FAILED", "REJECTED"]);

/** CMD-7: why `from` cannot become `to`, or undefined when it can. */
export function transitionProblem(
  from: CommandExecutionStatus,
  to: CommandExecutionStatus,
): string | undefined {
  if (from === "CREATED") return undefined;
  if (from === "IN_PROGRESS") return to === "CREATED" ? "CREATED is not a reportable status" : undefined;
  if (from === "TIMED_OUT" && AFTER_TIMEOUT.has(to)) return undefined;
  return `The command execution is ${from}: it cannot become ${to}`;
}

export interface Report {
  status: CommandExecutionStatus;
  statusReason?: StatusReason;
  result?: Record<string, StoredResult>;
}

/** Applies a checked transition and stores the execution; emits the status event when the status changed. */
export function moveExecution(ctx: OperationContext, doc: ExecutionDoc, report: Report): ExecutionDoc {
  const now = ctx.clock.nowMs();
  const changed = doc.status !== report.status;
  const next: ExecutionDoc = { ...doc, status: report.status, lastUpdatedAt: now };
  if (report.statusReason) next.statusReason = report.statusReason;
  if (report.result) next.result = { ...doc.result, ...report.result };
  if (report.status === "IN_PROGRESS") next.startedAt ??= now;
  // A device that answers after the timeout did complete then: completedAt says when (CMD-7).
  if (FINAL_STATUSES.has(report.status) && (next.completedAt === undefined || doc.status === "TIMED_OUT"))
    next.completedAt = now;
  executions(ctx).put(doc.executionId, next);
  if (FINAL_STATUSES.has(report.status)) ctx.scheduler.cancel(ctx.scope, EXECUTION_TIMEOUT, doc.executionId);
  if (changed) emitStatusEvent(ctx, next);
  return next;
}

/** CMD-12: `$aws/events/commandExecution/<commandId>/<status>`. */
export function emitStatusEvent(ctx: OperationContext, doc: ExecutionDoc): void {
  const event = {
    executionId: doc.executionId,
    status: doc.status,
    ...(doc.statusReason ? { statusReason: doc.statusReason } : {}),
    eventType: "COMMAND_EXECUTION",
    commandArn: doc.commandArn,
    targetArn: doc.targetArn,
    timestamp: doc.lastUpdatedAt,
  };
  ctx.events.emit({
    type: "mqtt.publish",
    scope: scopeKey(ctx),
    topic: `$aws/events/commandExecution/${doc.commandId}/${doc.status}`,
    payload: Buffer.from(JSON.stringify(event), "utf8"),
    qos: 0,
    retain: false,
  });
}
