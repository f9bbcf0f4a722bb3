/**
 * Input validation (VAL-1), after the protocol decoders have checked every member's type:
 * required members come from the SDK schema; lengths, ranges, patterns and enums come from each
 * operation's constraint table (validation as data: the SDK schemas carry no such traits).
 * Messages follow AWS's "N validation error(s) detected: Value '...' at '...' failed to
 * satisfy constraint: ..." form.
 */
import type { NormalizedSchema } from "@smithy/core/schema";
import { ownValue } from "../records.js";
import { childPath, InputProblems } from "./input-problems.js";
import { membersOf, requiredMembers } from "./schema.js";

/** Same vocabulary as `constraints` in aws-operations.json. */
export interface Constraint {
  pattern?: string;
  min?: number;
  max?: number;
  minMaxOf?: "length" | "items" | "value";
  enum?: string[];
  /** A float/double member: fractions allowed (integer and long members must be whole numbers). */
  fractional?: boolean;
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
/** Marks a float/double member, whose values may have fractions. */
export const fractional = (c: Constraint = {}): Constraint => ({ ...c, fractional: true });

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

/** Code points of `s` (a length constraint counts characters, not UTF-16 units). */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Why `value` fails constraint `c` (AWS's wording), or undefined when it satisfies it. */
export function constraintProblem(c: Constraint, value: unknown): string | undefined {
  if (c.enum && typeof value === "string" && !c.enum.includes(value))
    return `Member must satisfy enum value set: [${c.enum.join(", ")}]`;
  if (c.min !== undefined || c.max !== undefined) {
    const of = c.minMaxOf ?? "length";
    let size: number | undefined;
    if (of === "length" && typeof value === "string") size = codePoints(value);
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

interface Frame {
  schema: NormalizedSchema;
  value: unknown;
  /** Member path as AWS's messages spell it: `tags.1.Key`. */
  path: string;
  /** The same path in the tables' vocabulary: `tags[].Key`, `attributes{}` (keys), `attributes{}=` (values). */
  pattern: string;
}

const patternOf = (parent: string, member: string): string => (parent ? `${parent}.${member}` : member);

/**
 * Validates the decoded `input` in one walk (iterative: nothing here recurses on client data):
 * required members from the SDK schema, whole numbers for integer/long members (fractions only
 * where the table says `fractional`), and the operation's constraint table at every path.
 * Throws `errorCode` (400) listing every failure, as AWS does (VAL-1).
 */
export function validateInput(
  schema: NormalizedSchema,
  input: Record<string, unknown>,
  constraints: Record<string, Constraint> | undefined,
  errorCode: string,
  status = 400,
): void {
  const table = constraints ?? {};
  const problems = new InputProblems();
  const stack: Frame[] = [{ schema, value: input, path: "", pattern: "" }];
  while (stack.length > 0) {
    const { schema: s, value, path, pattern } = stack.pop()!;
    const c = pattern ? ownValue(table, pattern) : undefined;
    const problem = c ? constraintProblem(c, value) : undefined;
    if (problem) problems.add(path, value, problem);
    const next: Frame[] = [];
    if (s.isStructSchema() && typeof value === "object" && value !== null) {
      const required = requiredMembers(s);
      const obj = value as Record<string, unknown>;
      for (const m of membersOf(s)) {
        const v = obj[m.name];
        const at = childPath(path, m.name);
        if (v !== undefined && v !== null)
          next.push({ schema: m.schema, value: v, path: at, pattern: patternOf(pattern, m.name) });
        else if (required.has(m.name)) problems.add(at, null, "Member must not be null");
      }
    } else if (s.isListSchema() && Array.isArray(value)) {
      const inner = s.getValueSchema();
      for (const [i, v] of value.entries())
        next.push({ schema: inner, value: v, path: childPath(path, i + 1), pattern: `${pattern}[]` });
    } else if (s.isMapSchema() && typeof value === "object" && value !== null) {
      const inner = s.getValueSchema();
      const keyRule = ownValue(table, `${pattern}{}`);
      for (const [k, v] of Object.entries(value)) {
        const keyProblem = keyRule ? constraintProblem(keyRule, k) : undefined;
        if (keyProblem) problems.add(childPath(path, "key"), k, keyProblem);
        next.push({ schema: inner, value: v, path: childPath(path, k), pattern: `${pattern}{}=` });
      }
    } else if (
      s.isNumericSchema() &&
      typeof value === "number" &&
      !c?.fractional &&
      !Number.isSafeInteger(value)
    ) {
      problems.add(path, value, "Member must be a whole number");
    }
    // Reversed, so that the stack visits members in their modelled order.
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
  }
  problems.throwIfAny(errorCode, status);
}
