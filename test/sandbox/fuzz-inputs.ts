/**
 * Fuzz test, part 2: from an operation's input schema (the SDK's, as the gateway reads it) and
 * its constraint table, a valid-looking base input (real resource names where members name
 * resources) and, for every member path, mutations that break its type or a constraint
 * (wrong JSON type, null, too long/short, out of range, fractions, bad enum, bad pattern, deep
 * or huge values, `__proto__` keys), plus structurally broken bodies.
 */
import type { NormalizedSchema } from "@smithy/core/schema";
import { membersOf, type OperationSchema, requiredMembers } from "../../src/sandbox/protocol/schema.js";
import { type Constraint, constraintProblem } from "../../src/sandbox/protocol/validate.js";
import { setOwn } from "../../src/sandbox/records.js";
import type { Protocol } from "../../src/sandbox/services/types.js";
import type { WireInput } from "./fuzz-wire.js";

/** Member values that name real resources, by member name (per service). */
export type KnownValues = Record<string, unknown>;

export interface Mutation {
  label: string;
  /** Where to set `value` (member names, `[]` list item, `{}` map key, `{}=` map value). */
  steps: string[];
  /** undefined: the member is left out. */
  value?: unknown;
  /** The sandbox must answer 4xx (400 unless a path label changed): a type or constraint is broken. */
  mustRefuse: boolean;
}

const MAX_DEPTH = 6;
const BAD_PATTERN = "\u0000 bad value!<>";
/** Header values cannot carry control characters (the client refuses to send them). */
const BAD_HEADER_PATTERN = " bad value!<>{}";
/** Stands for a 5,000-deep JSON array: the wire builder splices the text in (JSON.stringify would overflow). */
export const DEEP_JSON = "\u0000fuzz:deep-json\u0000";
export const deepArrayText = (depth: number): string => "[".repeat(depth) + "]".repeat(depth);
export const DEEP_JSON_TEXT = deepArrayText(5_000);
const CANDIDATES = [
  "fuzz",
  "fuzz-1",
  "fuzz_1",
  "1",
  "a",
  "FUZZ",
  "fuzz.1",
  "fuzz/1",
  "$fuzz",
  "x".repeat(20),
];

/** Where a member sits: the binding of its top-level member, and whether it is that member or a list/map entry. */
interface Where {
  binding: string;
  required: boolean;
  top: boolean;
  item: boolean;
}

const isText = (s: NormalizedSchema) =>
  !s.isStructSchema() && !s.isListSchema() && !s.isMapSchema() && !s.isDocumentSchema();
const satisfies = (c: Constraint | undefined, v: unknown) => !c || constraintProblem(c, v) === undefined;

export class InputFactory {
  constructor(
    private readonly protocol: Protocol,
    private readonly table: Record<string, Constraint>,
    private readonly known: KnownValues,
  ) {}

  private rule(pattern: string): Constraint | undefined {
    return Object.hasOwn(this.table, pattern) ? this.table[pattern] : undefined;
  }

  /** A valid-looking value: known resource names, else the first candidate that satisfies the table. */
  valid(schema: NormalizedSchema, pattern: string, name: string, depth = 0): unknown {
    const known = Object.hasOwn(this.known, name) ? this.known[name] : undefined;
    // A known name applies to a member of the same kind (S3's `Bucket` is also a structure of CreateBucketConfiguration).
    if (known !== undefined && (typeof known === "object") === schema.isStructSchema()) return known;
    const c = this.rule(pattern);
    if (schema.isStructSchema()) {
      const out: WireInput = {};
      if (depth > MAX_DEPTH) return out;
      const required = requiredMembers(schema);
      for (const m of membersOf(schema))
        if (required.has(m.name) || (depth === 0 && Object.hasOwn(this.known, m.name)))
          out[m.name] = this.valid(m.schema, join(pattern, m.name), m.name, depth + 1);
      return out;
    }
    if (schema.isListSchema())
      return depth > MAX_DEPTH ? [] : [this.valid(schema.getValueSchema(), `${pattern}[]`, name, depth + 1)];
    if (schema.isMapSchema())
      return depth > MAX_DEPTH
        ? {}
        : { fuzzkey: this.valid(schema.getValueSchema(), `${pattern}{}=`, name, depth + 1) };
    if (schema.isDocumentSchema()) return {};
    if (schema.isBooleanSchema()) return false;
    if (schema.isNumericSchema())
      return c?.min !== undefined && c.minMaxOf === "value" ? Math.max(c.min, 1) : 1;
    if (schema.isTimestampSchema()) return 1_700_000_000;
    if (schema.isBlobSchema()) return this.protocol === "restJson1" ? "eA==" : "x";
    if (c?.enum) return c.enum[0];
    return CANDIDATES.find((s) => satisfies(c, s)) ?? "fuzz";
  }

  /** Required members, members naming known resources, and a structure payload (so that broken bodies have a body to break). */
  base(op: OperationSchema): WireInput {
    const input = this.valid(op.input, "", "") as WireInput;
    const payload = membersOf(op.input).find(
      (m) => m.binding.kind === "payload" && m.schema.isStructSchema(),
    );
    if (payload && input[payload.name] === undefined)
      input[payload.name] = this.valid(payload.schema, payload.name, payload.name);
    return input;
  }

  /** Every member path under the input with its mutations (`pick` chooses which to keep). */
  mutations(op: OperationSchema, pick: <T>(xs: T[], n: number) => T[]): Mutation[] {
    const out: Mutation[] = [];
    const visit = (
      schema: NormalizedSchema,
      steps: string[],
      pattern: string,
      where: Where,
      depth: number,
    ) => {
      if (depth > MAX_DEPTH) return;
      const [first, ...rest] = this.memberMutations(schema, pattern, where);
      for (const m of first ? [first, ...pick(rest, 2)] : [])
        out.push({ ...m, steps, label: `${pattern}: ${m.label}` });
      const nested = { ...where, top: false };
      if (schema.isStructSchema()) {
        const req = requiredMembers(schema);
        for (const m of membersOf(schema))
          visit(
            m.schema,
            [...steps, m.name],
            join(pattern, m.name),
            { ...nested, required: req.has(m.name), item: false },
            depth + 1,
          );
      } else if (schema.isListSchema()) {
        visit(
          schema.getValueSchema(),
          [...steps, "[]"],
          `${pattern}[]`,
          { ...nested, required: true, item: true },
          depth + 1,
        );
      } else if (schema.isMapSchema()) {
        const keyRule = this.rule(`${pattern}{}`);
        const badKey = where.binding === "prefixHeaders" ? BAD_HEADER_PATTERN.trim() : BAD_PATTERN;
        if (keyRule)
          out.push({
            label: `${pattern}{}: bad key`,
            steps: [...steps, "{}"],
            value: badKey,
            mustRefuse: !satisfies(keyRule, badKey),
          });
        visit(
          schema.getValueSchema(),
          [...steps, "{}="],
          `${pattern}{}=`,
          { ...nested, required: true, item: true },
          depth + 1,
        );
      }
    };
    const req = requiredMembers(op.input);
    for (const m of membersOf(op.input)) {
      const b = m.binding;
      // Transport headers are the HTTP layer's, and a blob or text payload is the whole body (see brokenBodies).
      if (b.kind === "header" && b.name === "content-length") continue;
      if (b.kind === "payload" && !m.schema.isStructSchema()) continue;
      visit(
        m.schema,
        [m.name],
        m.name,
        { binding: b.kind, required: req.has(m.name), top: true, item: false },
        0,
      );
    }
    return out;
  }

  /** The mutations of one member, the wrong-type one first. */
  private memberMutations(
    schema: NormalizedSchema,
    pattern: string,
    where: Where,
  ): Array<Omit<Mutation, "steps">> {
    const { binding, required } = where;
    const c = this.rule(pattern);
    const inBody = binding === "body" || binding === "payload";
    const json = this.protocol === "restJson1" && inBody;
    const xml = this.protocol === "restXml" && inBody;
    const out: Array<Omit<Mutation, "steps">> = [];
    const add = (label: string, value: unknown, mustRefuse: boolean) =>
      out.push({ label, value, mustRefuse });
    // Wrong types: JSON can carry any; text (headers, query, form, XML) only for non-strings.
    if (json) add("wrong JSON type", wrongJsonType(schema), !schema.isDocumentSchema());
    else if (schema.isNumericSchema() || schema.isBooleanSchema() || schema.isTimestampSchema())
      add("not parseable", schema.isTimestampSchema() ? "not-a-date" : "maybe", binding !== "label");
    else if (xml && isText(schema)) add("element where text is expected", { nested: "x" }, true);
    else if (xml && schema.isStructSchema()) add("text where elements are expected", "text", true);
    if (json && !schema.isDocumentSchema()) add("deeply nested", DEEP_JSON, true);
    if (binding !== "label") {
      // Left out (JSON: null). Outside JSON a left-out list item is just a shorter list, and S3
      // picks another operation for a missing header or query key (UploadPart -> PutObject).
      const refused = required && (json || (!where.item && (inBody || this.protocol !== "restXml")));
      add("null", json && !where.top ? null : undefined, refused);
    }
    if (schema.isNumericSchema() && !c?.fractional) add("fraction", json ? 1.5 : "1.5", binding !== "label");
    if (c) this.constraintMutations(schema, c, binding, add);
    if (isText(schema) && !c?.max && inBody && !schema.isBlobSchema()) add("huge", "h".repeat(70_000), false);
    if (json && schema.isMapSchema()) {
      const value = this.valid(schema.getValueSchema(), `${pattern}{}=`, "");
      add("__proto__ key", JSON.parse(`{"__proto__": ${JSON.stringify(value)}}`), false);
    }
    if (json && schema.isStructSchema())
      add("__proto__ member", JSON.parse('{"__proto__": {"x": 1}}'), false);
    return out;
  }

  private constraintMutations(
    schema: NormalizedSchema,
    c: Constraint,
    binding: string,
    add: (label: string, value: unknown, mustRefuse: boolean) => void,
  ): void {
    const refused = (v: unknown) => !satisfies(c, v);
    const bad = binding === "header" || binding === "prefixHeaders" ? BAD_HEADER_PATTERN : BAD_PATTERN;
    if (c.enum) add("not in the enum", "NOT_AN_ENUM_VALUE", refused("NOT_AN_ENUM_VALUE"));
    if (c.pattern) add("breaks the pattern", bad, refused(bad));
    const of = c.minMaxOf ?? "length";
    if (of === "value" && schema.isNumericSchema()) {
      const text = this.protocol !== "restJson1" || binding === "header" || binding === "query";
      const num = (n: number) => (text ? String(n) : n);
      if (c.max !== undefined) add("above the range", num(c.max + 1), true);
      if (c.min !== undefined) add("below the range", num(c.min - 1), true);
    } else if (of === "length" && isText(schema)) {
      if (c.max !== undefined && c.max < 100_000) add("too long", "l".repeat(c.max + 1), true);
      if (c.min !== undefined && c.min > 0 && binding !== "label") add("too short", "", refused(""));
    } else if (of === "items" && c.max !== undefined && c.max < 1_000) {
      const item = this.valid(
        schema.isListSchema() || schema.isMapSchema() ? schema.getValueSchema() : schema,
        "",
        "",
      );
      const many = schema.isMapSchema()
        ? Object.fromEntries(Array.from({ length: c.max + 1 }, (_, i) => [`k${i}`, item]))
        : Array.from({ length: c.max + 1 }, () => item);
      add("too many items", many, true);
    }
  }
}

const join = (parent: string, member: string) => (parent ? `${parent}.${member}` : member);

function wrongJsonType(schema: NormalizedSchema): unknown {
  if (schema.isStructSchema()) return "x";
  if (schema.isListSchema()) return { notA: "list" };
  if (schema.isMapSchema()) return ["not", "a", "map"];
  if (schema.isNumericSchema() || schema.isTimestampSchema()) return "5";
  if (schema.isBooleanSchema()) return "yes";
  if (schema.isBlobSchema()) return "!!not base64!!";
  return 5;
}

/** Sets the mutation's value at its steps in a copy of `base`, building valid containers on the way. */
export function applyMutation(
  factory: InputFactory,
  schema: NormalizedSchema,
  base: WireInput,
  mutation: Mutation,
): WireInput {
  const root = structuredClone(base);
  let container: Record<string, unknown> = root;
  let s = schema;
  let pattern = "";
  for (const [i, step] of mutation.steps.entries()) {
    if (step === "{}") {
      // The bad value is a key of the map.
      const value = factory.valid(s.getValueSchema(), `${pattern}{}=`, "");
      for (const k of Object.keys(container)) delete container[k];
      setOwn(container, String(mutation.value), value);
      return root;
    }
    const inner = step === "[]" || step === "{}=" ? s.getValueSchema() : memberSchema(s, step);
    pattern = step === "[]" || step === "{}=" ? `${pattern}${step}` : join(pattern, step);
    const key = step === "[]" ? "0" : step === "{}=" ? (Object.keys(container)[0] ?? "fuzzkey") : step;
    if (i === mutation.steps.length - 1) {
      if (mutation.value === undefined) delete container[key];
      else setOwn(container, key, mutation.value);
      return root;
    }
    const next = mutation.steps[i + 1];
    let child = container[key];
    if (next === "[]") child = [factory.valid(inner.getValueSchema(), `${pattern}[]`, "")];
    else if (next === "{}" || next === "{}=")
      child = { fuzzkey: factory.valid(inner.getValueSchema(), `${pattern}{}=`, "") };
    else if (typeof child !== "object" || child === null || Array.isArray(child))
      child = factory.valid(inner, pattern, step);
    container[key] = child;
    container = child as Record<string, unknown>;
    s = inner;
  }
  return root;
}

function memberSchema(schema: NormalizedSchema, name: string): NormalizedSchema {
  const m = membersOf(schema).find((x) => x.name === name);
  if (!m) throw new Error(`no member ${name}`);
  return m.schema;
}
