/**
 * `iotdm commands` (features.md 11): the six vehicle commands a learner can create in one step,
 * and the checks a custom command passes before it is sent (AWS's own limits, CMD-1: the
 * reference's 128-character names and 10 KB payloads were looser or stricter than AWS).
 */

/** The predefined commands: static JSON payloads for a connected car. */
export const VEHICLE_COMMANDS = [
  { id: "vehicle-lock", payload: { action: "lock" } },
  { id: "vehicle-unlock", payload: { action: "unlock" } },
  { id: "start-engine", payload: { action: "start" } },
  { id: "stop-engine", payload: { action: "stop" } },
  { id: "set-climate", payload: { action: "setClimate" } },
  { id: "activate-horn", payload: { action: "horn" } },
] as const;

export type VehicleCommandId = (typeof VEHICLE_COMMANDS)[number]["id"];

/** CommandId: letters, digits, '_' and '-', at most 64 (here also starting with a letter or digit). */
export const COMMAND_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** CommandDescription's length. */
export const MAX_DESCRIPTION = 2028;
/** AWS IoT Commands' payload limit (32 KB). */
export const MAX_PAYLOAD_BYTES = 32 * 1024;
/** The payload of a custom command when none is given. */
export const DEFAULT_PAYLOAD = { action: "customAction" };

export type CommandProblem =
  | { kind: "badId"; id: string }
  | { kind: "badDescription"; max: number }
  | { kind: "badPayload" }
  | { kind: "payloadTooLarge"; size: number; max: number };

export interface CommandSpec {
  commandId: string;
  description: string;
  /** A JSON object: sent as its UTF-8 bytes, content type application/json. */
  payload: Record<string, unknown>;
}

export const idProblem = (id: string): CommandProblem | undefined =>
  COMMAND_ID.test(id) ? undefined : { kind: "badId", id };

export const descriptionProblem = (d: string): CommandProblem | undefined =>
  d.trim().length >= 1 && d.length <= MAX_DESCRIPTION && !/\p{C}/u.test(d)
    ? undefined
    : { kind: "badDescription", max: MAX_DESCRIPTION };

/** A payload typed by the user: a JSON object within AWS's size, else the problem. */
export function parsePayload(text: string): Record<string, unknown> | CommandProblem {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: "badPayload" };
  }
  if (
    typeof parsed !== "object" ||
    parsed === null ||
    Array.isArray(parsed) ||
    Object.keys(parsed).length === 0
  )
    return { kind: "badPayload" };
  const size = Buffer.byteLength(JSON.stringify(parsed), "utf8");
  if (size > MAX_PAYLOAD_BYTES) return { kind: "payloadTooLarge", size, max: MAX_PAYLOAD_BYTES };
  return parsed as Record<string, unknown>;
}

export const isProblem = (v: unknown): v is CommandProblem =>
  typeof v === "object" && v !== null && "kind" in v && typeof (v as { kind: unknown }).kind === "string";
