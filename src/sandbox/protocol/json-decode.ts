/**
 * restJson1 request bodies: JSON text -> the SDK's input values, decoded and type-checked in
 * one walk over the schema (VAL-1). A value whose JSON type does not fit its member is reported
 * with its path and never passed on; map keys land in prototype-free objects, so `__proto__`
 * is a key like any other.
 */
import type { NormalizedSchema } from "@smithy/core/schema";
import { newRecord } from "../records.js";
import { strictUtf8 } from "../utf8.js";
import { childPath, type InputProblems } from "./input-problems.js";
import { mustBe, parseTimestamp } from "./member-kinds.js";
import { type MemberInfo, membersOf } from "./schema.js";

/**
 * Deeper than any modelled input shape: the walk follows the schema, so only a recursive shape
 * or a document could go further, and client JSON can nest 100,000 deep.
 */
const MAX_DEPTH = 32;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The JSON name of a body member (`jsonName`, else the member name). */
const jsonKey = (m: MemberInfo): string => (m.binding.kind === "body" ? m.binding.name : m.name);

/** JSON value -> typed value (timestamps from epoch seconds or text, blobs from base64); undefined on a problem. */
export function decodeJsonValue(
  schema: NormalizedSchema,
  value: unknown,
  path: string,
  problems: InputProblems,
  depth = 0,
): unknown {
  if (depth > MAX_DEPTH) {
    problems.add(path, value, `Member must not be nested more than ${MAX_DEPTH} levels deep`);
    return undefined;
  }
  if (schema.isStructSchema()) {
    if (!isObject(value)) return wrongType(schema, value, path, problems);
    return decodeJsonMembers(membersOf(schema), value, path, problems, depth, {});
  }
  if (schema.isListSchema()) {
    if (!Array.isArray(value)) return wrongType(schema, value, path, problems);
    const inner = schema.getValueSchema();
    return value.map((v, i) => element(inner, v, childPath(path, i + 1), problems, depth));
  }
  if (schema.isMapSchema()) {
    if (!isObject(value)) return wrongType(schema, value, path, problems);
    const inner = schema.getValueSchema();
    const out = newRecord<unknown>();
    for (const [k, v] of Object.entries(value))
      out[k] = element(inner, v, childPath(path, k), problems, depth);
    return out;
  }
  if (schema.isDocumentSchema()) return value;
  if (schema.isTimestampSchema()) {
    const d = typeof value === "number" || typeof value === "string" ? parseTimestamp(value) : undefined;
    return d ?? wrongType(schema, value, path, problems);
  }
  if (schema.isBlobSchema()) {
    if (typeof value === "string" && BASE64.test(value)) return Buffer.from(value, "base64");
    return wrongType(schema, value, path, problems);
  }
  if (schema.isBooleanSchema())
    return typeof value === "boolean" ? value : wrongType(schema, value, path, problems);
  if (schema.isNumericSchema() || schema.isBigIntegerSchema() || schema.isBigDecimalSchema())
    return typeof value === "number" && Number.isFinite(value)
      ? value
      : wrongType(schema, value, path, problems);
  return typeof value === "string" ? value : wrongType(schema, value, path, problems);
}

/**
 * The members of a structure from a JSON object into `out` (absent and `null` members are left
 * out: AWS reads a JSON null as "not given").
 */
export function decodeJsonMembers(
  members: MemberInfo[],
  obj: Record<string, unknown>,
  path: string,
  problems: InputProblems,
  depth: number,
  out: Record<string, unknown>,
): Record<string, unknown> {
  for (const m of members) {
    const key = jsonKey(m);
    if (!Object.hasOwn(obj, key)) continue;
    const v = obj[key];
    if (v === null || v === undefined) continue;
    const decoded = decodeJsonValue(m.schema, v, childPath(path, m.name), problems, depth + 1);
    if (decoded !== undefined) out[m.name] = decoded;
  }
  return out;
}

/** List and map entries: the models' lists and maps are not sparse, so a null entry is refused. */
function element(
  schema: NormalizedSchema,
  value: unknown,
  path: string,
  problems: InputProblems,
  depth: number,
): unknown {
  if (value === null || value === undefined) {
    problems.add(path, null, "Member must not be null");
    return undefined;
  }
  return decodeJsonValue(schema, value, path, problems, depth + 1);
}

function wrongType(
  schema: NormalizedSchema,
  value: unknown,
  path: string,
  problems: InputProblems,
): undefined {
  problems.add(path, value, mustBe(schema));
  return undefined;
}

/** The request body as JSON: UTF-8 that parses; otherwise a general problem and undefined. */
export function parseJsonBody(body: Buffer, problems: InputProblems): unknown {
  const text = strictUtf8(body)?.trim();
  if (text === undefined) {
    problems.addGeneral("The request body is not valid UTF-8");
    return undefined;
  }
  if (text === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    problems.addGeneral("Could not parse the request body as JSON");
    return undefined;
  }
}
