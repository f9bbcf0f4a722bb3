/** How commands and executions read back (GetCommand, ListCommands, the execution APIs). */
import type {
  CommandExecutionSummary,
  CommandSummary,
  GetCommandExecutionResponse,
  GetCommandResponse,
} from "@aws-sdk/client-iot";
import type { OperationContext } from "../../types.js";
import { type CommandDoc, commandArn, type ExecutionDoc } from "./model.js";

const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));

/** CMD-2 */
export function commandView(ctx: OperationContext, doc: CommandDoc): GetCommandResponse {
  return {
    commandId: doc.commandId,
    commandArn: commandArn(ctx, doc.commandId),
    namespace: doc.namespace,
    displayName: doc.displayName,
    description: doc.description,
    mandatoryParameters: doc.mandatoryParameters,
    payload: doc.payload && {
      content: Buffer.from(doc.payload.content, "base64"),
      contentType: doc.payload.contentType,
    },
    roleArn: doc.roleArn,
    createdAt: date(doc.createdAt),
    lastUpdatedAt: date(doc.lastUpdatedAt),
    deprecated: doc.deprecated,
    pendingDeletion: doc.pendingDeletion,
  };
}

export function commandSummary(ctx: OperationContext, doc: CommandDoc): CommandSummary {
  return {
    commandArn: commandArn(ctx, doc.commandId),
    commandId: doc.commandId,
    displayName: doc.displayName,
    deprecated: doc.deprecated,
    createdAt: date(doc.createdAt),
    lastUpdatedAt: date(doc.lastUpdatedAt),
    pendingDeletion: doc.pendingDeletion,
  };
}

/** CMD-8; the result only when asked for (`includeResult` not false). */
export function executionView(doc: ExecutionDoc, includeResult: boolean): GetCommandExecutionResponse {
  return {
    executionId: doc.executionId,
    commandArn: doc.commandArn,
    targetArn: doc.targetArn,
    status: doc.status,
    statusReason: doc.statusReason,
    result:
      includeResult && doc.result
        ? Object.fromEntries(
            Object.entries(doc.result).map(([k, v]) => [
              k,
              { ...v, BIN: v.BIN === undefined ? undefined : Buffer.from(v.BIN, "base64") },
            ]),
          )
        : undefined,
    parameters: doc.parameters,
    executionTimeoutSeconds: doc.executionTimeoutSeconds,
    createdAt: date(doc.createdAt),
    lastUpdatedAt: date(doc.lastUpdatedAt),
    startedAt: date(doc.startedAt),
    completedAt: date(doc.completedAt),
    timeToLive: date(doc.timeToLive),
  };
}

/** CMD-9 */
export function executionSummary(doc: ExecutionDoc): CommandExecutionSummary {
  return {
    commandArn: doc.commandArn,
    executionId: doc.executionId,
    targetArn: doc.targetArn,
    status: doc.status,
    createdAt: date(doc.createdAt),
    startedAt: date(doc.startedAt),
    completedAt: date(doc.completedAt),
  };
}
