/**
 * `iotdm commands` create, list, describe and delete (features.md 11, the quirks' intent):
 * every page of commands with their real state (Q-37: the summary has no description, so none
 * is invented), a payload decoded for display, and DeleteCommand's 202/204 told apart.
 */
import {
  type CommandNamespace,
  CreateCommandCommand,
  DeleteCommandCommand,
  GetCommandCommand,
  ListCommandsCommand,
} from "@aws-sdk/client-iot";
import { allPages } from "../../aws/parallel.js";
import type { AwsSession } from "../../aws/session.js";
import { workshopTags } from "../tags.js";
import type { CommandSpec } from "./catalog.js";

export type CommandState = "ACTIVE" | "DEPRECATED" | "PENDING_DELETION";

export interface CommandRow {
  commandId: string;
  commandArn: string;
  displayName?: string;
  state: CommandState;
  createdAt?: Date;
}

export interface CommandDetail extends CommandRow {
  description?: string;
  namespace?: CommandNamespace;
  contentType?: string;
  /** The payload as text (UTF-8), and parsed when it is JSON. */
  payloadText?: string;
  payloadJson?: unknown;
  lastUpdatedAt?: Date;
}

export const stateOf = (c: { deprecated?: boolean; pendingDeletion?: boolean }): CommandState =>
  c.pendingDeletion ? "PENDING_DELETION" : c.deprecated ? "DEPRECATED" : "ACTIVE";

/** Command ids from an ARN or a name (the text after the last `/`). */
export const commandIdOf = (arnOrName: string): string =>
  arnOrName.trim().slice(arnOrName.trim().lastIndexOf("/") + 1);

export async function createCommand(session: AwsSession, spec: CommandSpec): Promise<{ commandArn: string }> {
  const out = await session.clients.iot.send(
    new CreateCommandCommand({
      commandId: spec.commandId,
      displayName: spec.commandId.slice(0, 64),
      description: spec.description,
      namespace: "AWS-IoT",
      payload: {
        content: new TextEncoder().encode(JSON.stringify(spec.payload)),
        contentType: "application/json",
      },
      tags: workshopTags("manage-commands"),
    }),
  );
  return { commandArn: out.commandArn ?? "" };
}

/** Every command, newest first. */
export async function listCommands(session: AwsSession): Promise<CommandRow[]> {
  const iot = session.clients.iot;
  const all = await allPages(
    (nextToken) => iot.send(new ListCommandsCommand({ maxResults: 100, nextToken, sortOrder: "DESCENDING" })),
    (p) => p.commands,
    (p) => p.nextToken,
  );
  return all.map((c) => ({
    commandId: c.commandId ?? "",
    commandArn: c.commandArn ?? "",
    displayName: c.displayName,
    state: stateOf(c),
    createdAt: c.createdAt,
  }));
}

export async function describeCommand(session: AwsSession, commandId: string): Promise<CommandDetail> {
  const c = await session.clients.iot.send(new GetCommandCommand({ commandId }));
  const detail: CommandDetail = {
    commandId: c.commandId ?? commandId,
    commandArn: c.commandArn ?? "",
    displayName: c.displayName,
    description: c.description,
    namespace: c.namespace,
    state: stateOf(c),
    createdAt: c.createdAt,
    lastUpdatedAt: c.lastUpdatedAt,
    contentType: c.payload?.contentType,
  };
  if (c.payload?.content) {
    detail.payloadText = new TextDecoder().decode(c.payload.content);
    try {
      detail.payloadJson = JSON.parse(detail.payloadText);
    } catch {
      // Not JSON: shown as text.
    }
  }
  return detail;
}

/** CMD-6: `deleted` (204) or `pendingDeletion` (202: AWS removes it after its 12-hour timeout). */
export async function deleteCommand(
  session: AwsSession,
  commandId: string,
): Promise<"deleted" | "pendingDeletion"> {
  const out = await session.clients.iot.send(new DeleteCommandCommand({ commandId }));
  return out.statusCode === 202 || out.$metadata.httpStatusCode === 202 ? "pendingDeletion" : "deleted";
}
