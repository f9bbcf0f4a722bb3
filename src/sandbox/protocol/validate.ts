/**
 * Input validation (VAL-1): required members come from the SDK schema; lengths, ranges,
 * patterns and enums come from each operation's constraint table (validation as data).
 * Messages follow AWS's "N validation error(s) detected: Value '...' at '...' failed to
 * satisfy constraint: ..." form.
 */
import type { NormalizedSchema } from "@smithy/core/schema";
import { ServiceError } from "../errors.js";
import { membersOf, requiredMembers } from "./schema.js";

/** Same vocabulary as `constraints` in aws-operations.json. */
export interface Constraint {
  pattern?: string;
  min?: number;
  max?: number;
  minMaxOf?: "length" | "items" | "value";
  enum?: string[];
}

export const len = (min: number, max: number, pattern?: string): Constraint => ({
  min,
  max,
  minMaxOf: "length",
  ...(pattern ? { pattern } : {}),
});
export const range = (min: number, max: number): Constraint => ({ min, max, minMaxOf: "value" });
export const items = (min: number, max: number): Constraint => ({ min, max, minMaxOf: "items" });
export const oneOf = (...values: string[]): Constraint => ({ enum: values });

const regexCache = new Map<string, RegExp>();
/** The models' patterns are Java regexes: their POSIX classes are ASCII-only, which JS spells out. */
function toJsPattern(pattern: string): string {
  return pattern
    .replaceAll("\\p{Graph}", "\\x21-\\x7E")
    .replaceAll("\\p{Upper}", "A-Z")
    .replaceAll("\\p{Lower}", "a-z")
    .replaceAll("\\p{Digit}", "0-9")
    .replaceAll("\\p{Alnum}", "A-Za-z0-9")
    .replaceAll("\\p{Punct}", "!-/:-@\\[-`{-~");
}

function regex(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    const js = toJsPattern(pattern);
    try {
      re = new RegExp(js, "u");
    } catch {
      re = new RegExp(js);
    }
    regexCache.set(pattern, re);
  }
  return re;
}

/** Collects the missing required members, depth-first, as dotted paths. */
function missingRequired(schema: NormalizedSchema, value: unknown, path: string, out: string[]): void {
  if (value === undefined || value === null) return;
  if (schema.isStructSchema() && typeof value === "object") {
    const req = requiredMembers(schema);
    const obj = value as Record<string, unknown>;
    for (const m of membersOf(schema)) {
      const v = obj[m.name];
      const p = path ? `${path}.${m.name}` : m.name;
      if (req.has(m.name) && (v === undefined || v === null)) out.push(p);
      else if (
        v !== undefined &&
        v !== null &&
        (m.schema.isStructSchema() || m.schema.isListSchema() || m.schema.isMapSchema())
      )
        missingRequired(m.schema, v, p, out);
    }
  } else if (schema.isListSchema() && Array.isArray(value)) {
    const inner = schema.getValueSchema();
    if (inner.isStructSchema())
      for (const [i, v] of value.entries()) missingRequired(inner, v, `${path}.${i + 1}`, out);
  } else if (schema.isMapSchema() && typeof value === "object") {
    const inner = schema.getValueSchema();
    if (inner.isStructSchema())
      for (const [k, v] of Object.entries(value as object)) missingRequired(inner, v, `${path}.${k}`, out);
  }
}

/** Values found at a constraint path such as `tags[].Key` or `attributePayload.attributes{}=`. */
function valuesAt(root: unknown, path: string): Array<{ at: string; value: unknown }> {
  let current: Array<{ at: string; value: unknown }> = [{ at: "", value: root }];
  const steps = path.split(".").flatMap((s) => {
    const m = /^([^[{]*)(\[\]|\{\}=?)?$/.exec(s);
    if (!m) return [s];
    return m[2] ? [m[1], m[2]] : [m[1]];
  });
  for (const step of steps) {
    const next: Array<{ at: string; value: unknown }> = [];
    for (const { at, value } of current) {
      if (value === undefined || value === null) continue;
      if (step === "[]") {
        if (Array.isArray(value))
          for (const [i, v] of value.entries()) next.push({ at: `${at}.${i + 1}`, value: v });
      } else if (step === "{}") {
        if (typeof value === "object")
          for (const k of Object.keys(value)) next.push({ at: `${at}.key`, value: k });
      } else if (step === "{}=") {
        if (typeof value === "object")
          for (const [k, v] of Object.entries(value as object)) next.push({ at: `${at}.${k}`, value: v });
      } else if (typeof value === "object" && !Array.isArray(value)) {
        next.push({ at: at ? `${at}.${step}` : step, value: (value as Record<string, unknown>)[step] });
      }
    }
    current = next;
  }
  return current.filter((c) => c.value !== undefined && c.value !== null);
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value) || (typeof value === "object" && value !== null)) return JSON.stringify(value);
  return String(value);
}

function check(c: Constraint, value: unknown): string | undefined {
  if (c.enum && typeof value === "string" && !c.enum.includes(value))
    return `Member must satisfy enum value set: [${c.enum.join(", ")}]`;
  if (c.min !== undefined || c.max !== undefined) {
    const of = c.minMaxOf ?? "length";
    let size: number | undefined;
    if (of === "length" && typeof value === "string") size = [...value].length;
    else if (of === "length" && Buffer.isBuffer(value)) size = value.length;
    else if (of === "items" && Array.isArray(value)) size = value.length;
    else if (of === "items" && typeof value === "object" && value !== null) size = Object.keys(value).length;
    else if (of === "value" && typeof value === "number") size = value;
    if (size !== undefined) {
      const what = of === "value" ? "value" : of === "items" ? "length" : "length";
      if (c.min !== undefined && size < c.min)
        return `Member must have ${what} greater than or equal to ${c.min}`;
      if (c.max !== undefined && size > c.max)
        return `Member must have ${what} less than or equal to ${c.max}`;
    }
  }
  if (c.pattern && typeof value === "string" && !regex(c.pattern).test(value))
    return `Member must satisfy regular expression pattern: ${c.pattern}`;
  return undefined;
}

/**
 * Validates `input` against the schema's required members and the constraint table;
 * throws `errorCode` (400) listing every failure, as AWS does.
 */
export function validateInput(
  schema: NormalizedSchema,
  input: Record<string, unknown>,
  constraints: Record<string, Constraint> | undefined,
  errorCode: string,
  status = 400,
): void {
  const missing: string[] = [];
  missingRequired(schema, input, "", missing);
  const failures: string[] = missing.map(
    (p) => `Value null at '${p}' failed to satisfy constraint: Member must not be null`,
  );
  for (const [path, c] of Object.entries(constraints ?? {})) {
    for (const { at, value } of valuesAt(input, path)) {
      const problem = check(c, value);
      if (problem)
        failures.push(`Value '${describe(value)}' at '${at}' failed to satisfy constraint: ${problem}`);
    }
  }
  if (failures.length === 0) return;
  const n = failures.length;
  throw new ServiceError(
    errorCode,
    `${n} validation error${n > 1 ? "s" : ""} detected: ${failures.join("; ")}`,
    {},
    status,
  );
}
