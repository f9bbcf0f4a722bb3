import type { DeleteCommandRequest, DeleteCommandResponse } from "@aws-sdk/client-iot";
import type { OperationContext } from "../../types.js";
import { defineOperation } from "../../types.js";
import { deleteTags } from "../common.js";
import { commandId } from "./constraints.js";
import { commandArn, commands } from "./model.js";
import { COMMAND_PURGE } from "./timer-kinds.js";

/** CMD-6: how long a command stays deprecated before it can be deleted at once (AWS's maximum timeout). */
export const DEPRECATION_HOLD_MS = 12 * 60 * 60 * 1000;

/**
 * CMD-6: the HTTP status is the result. Deprecated for at least 12 hours → gone now, 204;
 * otherwise pending deletion, 202, and removed when the 12 hours (from the deprecation, or from
 * now for a command in use) have passed on the sandbox clock. Unknown id → 204 (no NotFound is modelled).
 */
export const deleteCommand = defineOperation<DeleteCommandRequest, DeleteCommandResponse>({
  name: "DeleteCommand",
  validationError: "ValidationException",
  constraints: { commandId },
  handler: (input, ctx) => {
    const doc = commands(ctx).get(input.commandId!);
    if (!doc) return { statusCode: 204 };
    const now = ctx.clock.nowMs();
    const holdEnds =
      (doc.deprecated && doc.deprecatedAt !== undefined ? doc.deprecatedAt : now) + DEPRECATION_HOLD_MS;
    if (doc.deprecated && holdEnds <= now) {
      removeCommand(ctx, doc.commandId);
      return { statusCode: 204 };
    }
    if (!doc.pendingDeletion) {
      doc.pendingDeletion = true;
      doc.lastUpdatedAt = now;
      commands(ctx).put(doc.commandId, doc);
      ctx.scheduler.at(ctx.scope, COMMAND_PURGE, doc.commandId, holdEnds, {
        commandId: doc.commandId,
        createdAt: doc.createdAt,
      });
    }
    return { statusCode: 202 };
  },
});

/** The command and its tags; its executions keep their own lifetime (CMD-13). */
export function removeCommand(ctx: OperationContext, id: string): void {
  commands(ctx).delete(id);
  deleteTags(ctx, commandArn(ctx, id));
  ctx.scheduler.cancel(ctx.scope, COMMAND_PURGE, id);
}
