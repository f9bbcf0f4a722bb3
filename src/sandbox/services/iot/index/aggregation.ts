/**
 * Aggregations over the documents a query matches (AGG-1): the field must be a managed or a
 * custom field of the index, and its declared type decides how values are read.
 */
import type { Field } from "@aws-sdk/client-iot";
import { ServiceError } from "../../../errors.js";
import { ownValue } from "../../../records.js";
import type { OperationContext } from "../../types.js";
import { managedGroupFields, managedThingFields, readIndexingSettings } from "../registry/indexing.js";
import type { FieldIndex } from "./field-index.js";
import { postingIn, popcount } from "./field-index.js";
import { GROUPS_INDEX, THINGS_INDEX } from "./index-status.js";
import { isAttributeField, jsonNumberValue, type TypedValues } from "./query-match.js";
import { canonicalField } from "./query-syntax.js";
import { type QueryInput, type QueryResult, runQuery } from "./search.js";

export type FieldType = "Number" | "String" | "Boolean";

/** GetStatistics' default (AGG-1), also used by the other optional aggregation fields. */
export const DEFAULT_AGGREGATION_FIELD = "registry.version";

export function invalidAggregation(message: string): ServiceError {
  return new ServiceError("InvalidAggregationException", message, {}, 400);
}

const GROUP_ALIASES: Record<string, string> = { description: "thingGroupDescription" };

/** A managed field name with `*` for one path segment (`shadow.name.*.version`). */
const fieldPattern = (name: string): RegExp =>
  new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, "\\$&").replaceAll("*", "[^.]+")}$`);

/** AGG-1: the document field and type behind an aggregation field name, or 400. */
export function aggregationField(
  ctx: OperationContext,
  indexName: string,
  name: string,
): { path: string; type: FieldType } {
  const cfg = readIndexingSettings(ctx);
  const groups = indexName === GROUPS_INDEX;
  const fields: Field[] = groups
    ? [...managedGroupFields(cfg.group), ...(cfg.group.customFields ?? [])]
    : [...managedThingFields(cfg.thing), ...(cfg.thing.customFields ?? [])];
  const path = groups ? (ownValue(GROUP_ALIASES, name) ?? name) : canonicalField(name);
  const found = fields.find(
    (f) =>
      f.name !== undefined &&
      (f.name === name || fieldPattern(f.name).test(name) || canonicalField(f.name) === path),
  );
  if (!found?.type)
    throw invalidAggregation(
      `${name} is not a managed or custom field of ${groups ? GROUPS_INDEX : THINGS_INDEX}; add it as a custom field with UpdateIndexingConfiguration.`,
    );
  return { path, type: found.type as FieldType };
}

export type AggregatedValue = string | number | boolean;

/** One value of the field per matching document and value, read as the declared type. */
export interface ValueVisitor {
  (docKey: number | string, value: AggregatedValue, display: string): void;
}

function typedFromField(f: FieldIndex, type: FieldType, bits: Uint32Array, visit: ValueVisitor): void {
  if (type === "Number") {
    for (const [n, p] of f.num) for (const id of postingIn(p, bits)) visit(id, n, String(n));
    if (!f.attribute)
      for (const [s, p] of f.str) {
        const n = jsonNumberValue(s);
        if (n !== undefined) for (const id of postingIn(p, bits)) visit(id, n, String(n));
      }
  } else if (type === "Boolean") {
    for (const [b, p] of f.bool) for (const id of postingIn(p, bits)) visit(id, b, String(b));
    for (const [s, p] of f.str)
      if (s === "true" || s === "false") for (const id of postingIn(p, bits)) visit(id, s === "true", s);
  } else {
    for (const [s, p] of f.str) for (const id of postingIn(p, bits)) visit(id, s, f.displayOf(s));
    if (!f.attribute)
      for (const [n, p] of f.num) for (const id of postingIn(p, bits)) visit(id, String(n), String(n));
    for (const [b, p] of f.bool) for (const id of postingIn(p, bits)) visit(id, String(b), String(b));
  }
}

function typedFromValues(
  key: string,
  field: string,
  v: TypedValues,
  type: FieldType,
  visit: ValueVisitor,
): void {
  const attribute = isAttributeField(field);
  if (type === "Number") {
    for (const n of v.num) visit(key, n, String(n));
    if (!attribute)
      for (const s of v.str) {
        const n = jsonNumberValue(s);
        if (n !== undefined) visit(key, n, String(n));
      }
  } else if (type === "Boolean") {
    for (const b of v.bool) visit(key, b, String(b));
    for (const s of v.str) if (s === "true" || s === "false") visit(key, s === "true", s);
  } else {
    v.str.forEach((s, i) => visit(key, s, v.original[i]));
    if (!attribute) for (const n of v.num) visit(key, String(n), String(n));
    for (const b of v.bool) visit(key, String(b), String(b));
  }
}

export interface Aggregation {
  type: FieldType;
  /** Number of documents the query matched. */
  matched: number;
  forEach(visit: ValueVisitor): void;
}

export interface AggregationInput extends QueryInput {
  aggregationField?: string;
}

/** Runs the query and reads the aggregation field of what it matched. */
export function aggregate(ctx: OperationContext, input: AggregationInput): Aggregation {
  const indexName = input.indexName ?? THINGS_INDEX;
  const result: QueryResult = runQuery(ctx, input);
  const { path, type } = aggregationField(
    ctx,
    indexName,
    input.aggregationField ?? DEFAULT_AGGREGATION_FIELD,
  );
  if (result.kind === "things") {
    return {
      type,
      matched: popcount(result.bits),
      forEach: (visit) => {
        const f = result.index.fields.get(path);
        if (f) typedFromField(f, type, result.bits, visit);
      },
    };
  }
  return {
    type,
    matched: result.groups.length,
    forEach: (visit) => {
      for (const g of result.groups) {
        const v = g.values.get(path);
        if (v) typedFromValues(g.name, path, v, type, visit);
      }
    },
  };
}
