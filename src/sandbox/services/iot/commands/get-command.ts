import type { GetCommandRequest, GetCommandResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { commandId } from "./constraints.js";
import { requireCommand } from "./model.js";
import { commandView } from "./views.js";

/** CMD-2: unknown → 404; a command pending deletion still reads back, marked so. */
export const getCommand = defineOperation<GetCommandRequest, GetCommandResponse>({
  name: "GetCommand",
  validationError: "ValidationException",
  constraints: { commandId },
  handler: (input, ctx) => commandView(ctx, requireCommand(ctx, input.commandId!)),
});
