/**
 * AWS IoT Commands (aws-semantics.md §9): the stored command and execution documents, their ARNs
 * and the lookups every operation shares. Commands are `command/<id>` resources of the IoT control
 * plane; executions are reached by id and target (CMD-8), created by the jobs data plane (CMD-5).
 */
import type {
  CommandExecutionResult,
  CommandExecutionStatus,
  CommandNamespace,
  CommandParameter,
  CommandParameterValue,
  StatusReason,
} from "@aws-sdk/client-iot";
import { ServiceError } from "../../../errors.js";
import type { Collection } from "../../../storage/store.js";
import type { OperationContext } from "../../types.js";
import { collection, iotArn, KIND, parseIotArn } from "../common.js";

/** KIND.command, id = commandId. Times are sandbox-clock epoch ms. */
export interface CommandDoc {
  commandId: string;
  namespace: CommandNamespace;
  displayName?: string;
  description?: string;
  /** The payload bytes as base64, and their MIME type. */
  payload?: { content: string; contentType?: string };
  mandatoryParameters?: CommandParameter[];
  roleArn?: string;
  createdAt: number;
  lastUpdatedAt: number;
  deprecated: boolean;
  /** When `deprecated` last became true (CMD-6 counts 12 hours from it). */
  deprecatedAt?: number;
  pendingDeletion: boolean;
}

/** KIND.commandExecution, id = executionId. */
export interface ExecutionDoc {
  executionId: string;
  commandId: string;
  commandArn: string;
  targetArn: string;
  status: CommandExecutionStatus;
  statusReason?: StatusReason;
  /** Stored as GetCommandExecution answers it: `{S}`, `{B}` or `{BIN}` (base64). */
  result?: Record<string, StoredResult>;
  parameters?: Record<string, CommandParameterValue>;
  executionTimeoutSeconds: number;
  createdAt: number;
  lastUpdatedAt: number;
  startedAt?: number;
  completedAt?: number;
  timeToLive: number;
  clientToken?: string;
}

export type StoredResult = Omit<CommandExecutionResult, "BIN"> & { BIN?: string };

/** KIND.commandClientToken, id = clientToken: what the first request with it asked (CMD-5). */
export interface ClientTokenDoc {
  executionId: string;
  request: string;
}

export const COMMAND_STATUSES = [
  "CREATED",
  "IN_PROGRESS",
  "SUCCEEDED",
  "FAILED",
  "REJECTED",
  "TIMED_OUT",
] as const satisfies readonly CommandExecutionStatus[];

/** CMD-13: the statuses an execution may be deleted in. */
export const FINAL_STATUSES: ReadonlySet<CommandExecutionStatus> = new Set([
  "SUCCEEDED",
  "FAILED",
  "REJECTED",
  "TIMED_OUT",
]);

export const NAMESPACES = ["AWS-IoT", "AWS-IoT-FleetWise"] as const satisfies readonly CommandNamespace[];

export const commands = (ctx: OperationContext): Collection<CommandDoc> =>
  collection<CommandDoc>(ctx, KIND.command);
export const executions = (ctx: OperationContext): Collection<ExecutionDoc> =>
  collection<ExecutionDoc>(ctx, KIND.commandExecution);
export const clientTokens = (ctx: OperationContext): Collection<ClientTokenDoc> =>
  collection<ClientTokenDoc>(ctx, KIND.commandClientToken);

export const commandArn = (ctx: OperationContext, id: string): string => iotArn(ctx, `command/${id}`);

export const validation = (message: string) => new ServiceError("ValidationException", message, {}, 400);
export const notFound = (message: string) => new ServiceError("ResourceNotFoundException", message, {}, 404);
export const conflict = (message: string, resourceId: string) =>
  new ServiceError("ConflictException", message, { resourceId }, 409);

export function requireCommand(ctx: OperationContext, id: string): CommandDoc {
  const doc = commands(ctx).get(id);
  if (!doc) throw notFound(`Command ${id} does not exist.`);
  return doc;
}

/** A `command/<id>` ARN of this account and region, or undefined. */
export function commandIdOfArn(ctx: OperationContext, arn: string): string | undefined {
  const parsed = parseIotArn(ctx, arn);
  return parsed?.type === "command" && /^[a-zA-Z0-9_-]{1,64}$/.test(parsed.id) ? parsed.id : undefined;
}

/** CMD-8: an execution exists only for the target it was started on. */
export function requireExecution(
  ctx: OperationContext,
  executionId: string,
  targetArn: string,
): ExecutionDoc {
  const doc = executions(ctx).get(executionId);
  if (!doc || doc.targetArn !== targetArn)
    throw notFound(`Command execution ${executionId} does not exist for target ${targetArn}.`);
  return doc;
}

/** What an execution's target is: a thing or an MQTT client (CMD-5, CMD-10). */
export type Target = { kind: "things"; name: string } | { kind: "clients"; name: string };

export function targetOfArn(ctx: OperationContext, arn: string): Target | undefined {
  const parsed = parseIotArn(ctx, arn);
  if (parsed?.type === "thing" && !parsed.id.includes("/")) return { kind: "things", name: parsed.id };
  if (parsed?.type === "client" && !parsed.id.includes("/")) return { kind: "clients", name: parsed.id };
  return undefined;
}

export const targetArnOf = (ctx: OperationContext, target: Target): string =>
  iotArn(ctx, `${target.kind === "things" ? "thing" : "client"}/${target.name}`);

/** CMD-10: `json` for application/json, `cbor` for application/cbor, none for anything else. */
export function topicFormat(contentType: string | undefined): "json" | "cbor" | undefined {
  const base = contentType?.split(";")[0].trim().toLowerCase();
  if (base === "application/json") return "json";
  if (base === "application/cbor") return "cbor";
  return undefined;
}

/** `$aws/commands/<things|clients>/<name>/executions/<id>` */
export const executionTopic = (target: Target, executionId: string): string =>
  `$aws/commands/${target.kind}/${target.name}/executions/${executionId}`;
