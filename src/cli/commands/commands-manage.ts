/**
 * `iotdm commands` create, list, describe and delete: their questions (each with a flag) and what
 * they show. The workflow logic is in workshop/commands/.
 */
import { Declined, ExplainedError } from "../../io/errors.js";
import type { IoHost } from "../../io/host.js";
import { type MessageKey, t } from "../../io/i18n.js";
import { input, type Parsed } from "../../io/input.js";
import { columnWidths, tableRow } from "../../io/table.js";
import {
  type CommandProblem,
  type CommandSpec,
  DEFAULT_PAYLOAD,
  descriptionProblem,
  idProblem,
  isProblem,
  parsePayload,
  VEHICLE_COMMANDS,
  type VehicleCommandId,
} from "../../workshop/commands/catalog.js";
import {
  type CommandDetail,
  type CommandRow,
  type CommandState,
  commandIdOf,
  createCommand,
  deleteCommand,
  describeCommand,
  listCommands,
} from "../../workshop/commands/manage.js";
import type { Session } from "../session.js";
import type { CommandsFlags } from "./commands.js";

const PROBLEM_KEYS: Record<CommandProblem["kind"], MessageKey> = {
  badId: "commands.create.problem.badId",
  badDescription: "commands.create.problem.badDescription",
  badPayload: "commands.create.problem.badPayload",
  payloadTooLarge: "commands.create.problem.payloadTooLarge",
};

const asProblem = (
  p: CommandProblem,
): { problem: { key: MessageKey; vars: Record<string, string | number> } } => {
  const { kind, ...vars } = p;
  return { problem: { key: PROBLEM_KEYS[kind], vars } };
};

export const when = (d: Date | undefined): string =>
  d ? `${d.toISOString().slice(0, 19).replace("T", " ")} UTC` : "—";

const VEHICLE_KEYS: Record<VehicleCommandId, MessageKey> = {
  "vehicle-lock": "commands.vehicle.lock",
  "vehicle-unlock": "commands.vehicle.unlock",
  "start-engine": "commands.vehicle.startEngine",
  "stop-engine": "commands.vehicle.stopEngine",
  "set-climate": "commands.vehicle.setClimate",
  "activate-horn": "commands.vehicle.horn",
};
const vehicleDescription = (id: VehicleCommandId) => t(VEHICLE_KEYS[id]);

const STATE_KEYS: Record<CommandState, MessageKey> = {
  ACTIVE: "commands.state.ACTIVE",
  DEPRECATED: "commands.state.DEPRECATED",
  PENDING_DELETION: "commands.state.PENDING_DELETION",
};
export const stateText = (state: CommandState) => t(STATE_KEYS[state]);

const isAwsError = (e: unknown, name: string) => e instanceof Error && e.name === name;

/** What to create: a vehicle command (by flag or menu) or a custom one, every answer checked. */
async function specOf(host: IoHost, flags: CommandsFlags): Promise<CommandSpec> {
  const kinds = [...VEHICLE_COMMANDS.map((c) => c.id), "custom"] as const;
  const kind = await input(host, {
    flag: "--vehicle",
    given: flags.vehicle ?? (flags.commandId !== undefined ? "custom" : undefined),
    parse: (raw): Parsed<string> =>
      (kinds as readonly string[]).includes(raw.trim())
        ? { value: raw.trim() }
        : { problem: { key: "commands.create.badVehicle", vars: { value: raw, values: kinds.join(", ") } } },
    prompt: { key: "commands.create.choose" },
    choices: [
      ...VEHICLE_COMMANDS.map((c) => ({
        value: c.id as string,
        label: `${c.id}: ${vehicleDescription(c.id)}`,
      })),
      { value: "custom", label: t("commands.create.custom") },
    ],
  });
  const vehicle = VEHICLE_COMMANDS.find((c) => c.id === kind);
  if (vehicle) {
    const spec = {
      commandId: vehicle.id,
      description: vehicleDescription(vehicle.id),
      payload: { ...vehicle.payload },
    };
    host.say("success", "commands.create.using", { id: spec.commandId, description: spec.description });
    host.say("detail", "commands.create.payloadLine", { payload: JSON.stringify(spec.payload) });
    return spec;
  }
  const commandId = await input(host, {
    flag: "--command-id",
    given: flags.commandId,
    parse: (raw): Parsed<string> => {
      const p = idProblem(raw.trim());
      return p ? asProblem(p) : { value: raw.trim() };
    },
    prompt: { key: "commands.create.idPrompt" },
  });
  const description = await input(host, {
    flag: "--description",
    given: flags.description,
    parse: (raw): Parsed<string> => {
      const p = descriptionProblem(raw);
      return p ? asProblem(p) : { value: raw.trim() };
    },
    prompt: { key: "commands.create.descriptionPrompt" },
  });
  if (flags.payload === undefined) host.say("detail", "commands.create.payloadHint");
  const example = JSON.stringify(DEFAULT_PAYLOAD);
  const payload = await input(host, {
    flag: "--payload",
    given: flags.payload,
    parse: (raw): Parsed<Record<string, unknown>> => {
      const p = parsePayload(raw);
      return isProblem(p) ? asProblem(p) : { value: p };
    },
    prompt: { key: "commands.create.payloadPrompt", vars: { example } },
    default: example,
  });
  return { commandId, description, payload };
}

export async function createAction(host: IoHost, session: Session, flags: CommandsFlags): Promise<void> {
  await host.learn("commands.learn.whatAreCommands");
  await host.learn("commands.learn.staticPayloads");
  const spec = await specOf(host, flags);
  try {
    const { commandArn } = await createCommand(session, spec);
    host.say("success", "commands.create.done", { id: spec.commandId });
    host.say("detail", "commands.create.arn", { arn: commandArn });
    host.result({
      commandId: spec.commandId,
      commandArn,
      description: spec.description,
      payload: spec.payload,
    });
  } catch (e) {
    if (isAwsError(e, "ConflictException"))
      throw new ExplainedError("CommandExists", "commands.create.exists", { id: spec.commandId });
    throw e;
  }
}

function showCommands(host: IoHost, rows: CommandRow[]): void {
  if (rows.length === 0) {
    host.say("info", "commands.list.none");
    return;
  }
  host.say("title", "commands.list.header");
  const table = [
    [t("commands.list.columns.id"), t("commands.list.columns.state"), t("commands.list.columns.created")],
    ...rows.map((r) => [r.commandId, stateText(r.state), when(r.createdAt)]),
  ];
  const widths = columnWidths(table);
  table.forEach((cells, i) => host.line(i === 0 ? "step" : "plain", tableRow(cells, widths)));
  host.say("detail", "commands.list.total", { count: rows.length });
}

export async function listAction(host: IoHost, session: Session): Promise<void> {
  const rows = await listCommands(session);
  showCommands(host, rows);
  host.result({ commands: rows });
}

/** --command-id (an id or an ARN), else one picked from the commands listed. */
export async function commandIdFrom(
  host: IoHost,
  session: Session,
  flags: CommandsFlags,
): Promise<string | undefined> {
  if (flags.commandId !== undefined) return commandIdOf(flags.commandId);
  const rows = await listCommands(session);
  if (rows.length === 0) {
    host.say("info", "commands.list.none");
    return undefined;
  }
  const picked = await input(host, {
    flag: "--command-id",
    given: undefined,
    parse: (raw): Parsed<string> =>
      raw.trim() === "" ? { problem: { key: "commands.idRequired" } } : { value: commandIdOf(raw) },
    prompt: { key: "commands.pick" },
    choices: rows.map((r) => ({
      value: r.commandId,
      label: `${r.commandId} (${stateText(r.state)})`,
    })),
  });
  return picked;
}

/** GetCommand, with a missing command explained. */
export async function requireCommand(session: Session, commandId: string): Promise<CommandDetail> {
  try {
    return await describeCommand(session, commandId);
  } catch (e) {
    if (isAwsError(e, "ResourceNotFoundException"))
      throw new ExplainedError("CommandNotFound", "commands.notFound", { id: commandId });
    throw e;
  }
}

function showCommand(host: IoHost, d: CommandDetail): void {
  host.say("title", "commands.describe.title", { id: d.commandId });
  if (d.displayName) host.say("plain", "commands.describe.displayName", { value: d.displayName });
  if (d.description) host.say("plain", "commands.describe.descriptionLine", { value: d.description });
  host.say("plain", "commands.describe.namespace", { value: d.namespace ?? "AWS-IoT" });
  host.say("plain", "commands.describe.stateLine", { value: stateText(d.state) });
  host.say("plain", "commands.describe.created", { value: when(d.createdAt) });
  host.say("plain", "commands.describe.updated", { value: when(d.lastUpdatedAt) });
  host.line("plain", `   ARN: ${d.commandArn}`);
  if (d.payloadText === undefined) {
    host.say("plain", "commands.describe.noPayload");
    return;
  }
  if (d.contentType) host.say("plain", "commands.describe.contentType", { value: d.contentType });
  host.say("plain", "commands.describe.payload");
  const text = d.payloadJson !== undefined ? JSON.stringify(d.payloadJson, null, 2) : d.payloadText;
  for (const l of text.split("\n")) host.line("detail", `      ${l}`);
}

export async function describeAction(host: IoHost, session: Session, flags: CommandsFlags): Promise<void> {
  const commandId = await commandIdFrom(host, session, flags);
  if (commandId === undefined) return;
  const d = await requireCommand(session, commandId);
  showCommand(host, d);
  host.result({ command: d });
}

export async function deleteAction(host: IoHost, session: Session, flags: CommandsFlags): Promise<void> {
  const commandId = await commandIdFrom(host, session, flags);
  if (commandId === undefined) return;
  const d = await requireCommand(session, commandId);
  showCommand(host, d);
  const ok = await host.prompts.typed({
    key: "commands.delete.confirm",
    vars: { id: commandId },
    flag: "--yes",
    token: "DELETE",
  });
  if (!ok) {
    host.say("info", "commands.delete.kept", { id: commandId });
    throw new Declined();
  }
  const outcome = await deleteCommand(session, commandId);
  host.say("success", outcome === "deleted" ? "commands.delete.deleted" : "commands.delete.pending", {
    id: commandId,
  });
  host.result({ commandId, outcome });
}
