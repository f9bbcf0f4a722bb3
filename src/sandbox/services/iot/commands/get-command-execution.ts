import type { GetCommandExecutionRequest, GetCommandExecutionResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { executionId, targetArn } from "./constraints.js";
import { requireExecution } from "./model.js";
import { executionView } from "./views.js";

/** CMD-8: unknown id, or an id started on another target → 404; the result unless includeResult=false. */
export const getCommandExecution = defineOperation<GetCommandExecutionRequest, GetCommandExecutionResponse>({
  name: "GetCommandExecution",
  validationError: "ValidationException",
  constraints: { executionId, targetArn },
  handler: (input, ctx) =>
    executionView(requireExecution(ctx, input.executionId!, input.targetArn!), input.includeResult !== false),
});
