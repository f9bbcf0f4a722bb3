import type { UpdateCommandRequest, UpdateCommandResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { commandId, description, displayName } from "./constraints.js";
import { commands, conflict, requireCommand } from "./model.js";

/**
 * CMD-3/CMD-4: display name, description and the deprecation flag (false makes the command
 * available again); the payload cannot change. Unknown → 404; pending deletion → 409.
 */
export const updateCommand = defineOperation<UpdateCommandRequest, UpdateCommandResponse>({
  name: "UpdateCommand",
  validationError: "ValidationException",
  constraints: { commandId, displayName, description },
  handler: (input, ctx) => {
    const doc = requireCommand(ctx, input.commandId!);
    if (doc.pendingDeletion)
      throw conflict(`Command ${doc.commandId} is pending deletion and cannot be updated.`, doc.commandId);
    const now = ctx.clock.nowMs();
    if (input.displayName !== undefined) doc.displayName = input.displayName;
    if (input.description !== undefined) doc.description = input.description;
    if (input.deprecated !== undefined && input.deprecated !== doc.deprecated) {
      doc.deprecated = input.deprecated;
      if (input.deprecated) doc.deprecatedAt = now;
      else delete doc.deprecatedAt;
    }
    doc.lastUpdatedAt = now;
    commands(ctx).put(doc.commandId, doc);
    return {
      commandId: doc.commandId,
      displayName: doc.displayName,
      description: doc.description,
      deprecated: doc.deprecated,
      lastUpdatedAt: new Date(now),
    };
  },
});
