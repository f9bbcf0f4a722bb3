import type { DeleteCommandExecutionRequest, DeleteCommandExecutionResponse } from "@aws-sdk/client-iot";
import type { OperationContext } from "../../types.js";
import { defineOperation } from "../../types.js";
import { executionId, targetArn } from "./constraints.js";
import { clientTokens, executions, FINAL_STATUSES, validation } from "./model.js";
import { EXECUTION_EXPIRY, EXECUTION_TIMEOUT } from "./timer-kinds.js";

/**
 * CMD-13: only an execution in a final status (SUCCEEDED, FAILED, REJECTED, TIMED_OUT) may be
 * deleted, else 400. An execution that does not exist for the target is already gone: success,
 * as no NotFound error is modelled.
 */
export const deleteCommandExecution = defineOperation<
  DeleteCommandExecutionRequest,
  DeleteCommandExecutionResponse
>({
  name: "DeleteCommandExecution",
  validationError: "ValidationException",
  constraints: { executionId, targetArn },
  handler: (input, ctx) => {
    const doc = executions(ctx).get(input.executionId!);
    if (!doc || doc.targetArn !== input.targetArn) return {};
    if (!FINAL_STATUSES.has(doc.status))
      throw validation(
        `Command execution ${doc.executionId} is ${doc.status}: only SUCCEEDED, FAILED, REJECTED or TIMED_OUT executions can be deleted.`,
      );
    removeExecution(ctx, doc.executionId);
    return {};
  },
});

export function removeExecution(ctx: OperationContext, id: string): void {
  const token = executions(ctx).get(id)?.clientToken;
  if (token !== undefined) clientTokens(ctx).delete(token);
  executions(ctx).delete(id);
  ctx.scheduler.cancel(ctx.scope, EXECUTION_TIMEOUT, id);
  ctx.scheduler.cancel(ctx.scope, EXECUTION_EXPIRY, id);
}
