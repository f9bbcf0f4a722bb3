/**
 * The commands' time-driven rules on the sandbox scheduler: a pending deletion ends (CMD-6), an
 * execution without a final status times out (CMD-7), an execution expires (CMD-13).
 */
import type { ServiceDeps } from "../../types.js";
import { removeExecution } from "./delete-command-execution.js";
import { removeCommand } from "./delete-command.js";
import { moveExecution } from "./executions.js";
import { commands, executions } from "./model.js";
import { COMMAND_PURGE, EXECUTION_EXPIRY, EXECUTION_TIMEOUT } from "./timer-kinds.js";

export function startCommandTimers(deps: ServiceDeps): void {
  deps.scheduler.on(COMMAND_PURGE, (ctx, ref) => {
    const doc = commands(ctx).get(ref.commandId);
    if (doc?.pendingDeletion && doc.createdAt === ref.createdAt) removeCommand(ctx, ref.commandId);
  });
  deps.scheduler.on(EXECUTION_TIMEOUT, (ctx, { executionId }) => {
    const doc = executions(ctx).get(executionId);
    if (doc && (doc.status === "CREATED" || doc.status === "IN_PROGRESS"))
      moveExecution(ctx, doc, { status: "TIMED_OUT" });
  });
  deps.scheduler.on(EXECUTION_EXPIRY, (ctx, { executionId }) => {
    if (executions(ctx).has(executionId)) removeExecution(ctx, executionId);
  });
}
