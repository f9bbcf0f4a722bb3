/**
 * The modelled type of a member as the decoders name it in validation messages
 * ("Member must be a boolean"), and the textual scalar parsing shared by labels, query
 * strings, headers, awsQuery parameters and XML text (VAL-1).
 */
import type { NormalizedSchema } from "@smithy/core/schema";
import type { InputProblems } from "./input-problems.js";

export function expectedKind(schema: NormalizedSchema): string {
  if (schema.isStructSchema()) return "a structure";
  if (schema.isListSchema()) return "a list";
  if (schema.isMapSchema()) return "a map";
  if (schema.isDocumentSchema()) return "a document";
  if (schema.isBlobSchema()) return "a blob (base64-encoded bytes)";
  if (schema.isTimestampSchema()) return "a timestamp";
  if (schema.isBooleanSchema()) return "a boolean";
  if (schema.isNumericSchema() || schema.isBigIntegerSchema() || schema.isBigDecimalSchema())
    return "a number";
  return "a string";
}

export const mustBe = (schema: NormalizedSchema): string => `Member must be ${expectedKind(schema)}`;

/** Decimal number text: what a Java parser of Integer/Long/Double accepts (no hex, no blanks). */
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const EPOCH_SECONDS = /^\d+(\.\d+)?$/;

/** A timestamp from epoch seconds or a date text; undefined when it is neither. */
export function parseTimestamp(raw: string | number): Date | undefined {
  const d =
    typeof raw === "number"
      ? new Date(raw * 1000)
      : EPOCH_SECONDS.test(raw)
        ? new Date(Number(raw) * 1000)
        : new Date(raw);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * A scalar member from text (label, query, header, form parameter, XML element). Numbers must be
 * finite decimals, booleans `true`/`false`, timestamps parseable; a failure is added to
 * `problems` and gives undefined.
 */
export function scalarFromText(
  schema: NormalizedSchema,
  raw: string,
  path: string,
  problems: InputProblems,
): unknown {
  if (schema.isNumericSchema()) {
    const n = NUMBER_TEXT.test(raw) ? Number(raw) : Number.NaN;
    if (Number.isFinite(n)) return n;
  } else if (schema.isBooleanSchema()) {
    if (raw === "true") return true;
    if (raw === "false") return false;
  } else if (schema.isTimestampSchema()) {
    const d = parseTimestamp(raw);
    if (d) return d;
  } else if (schema.isBlobSchema()) {
    return Buffer.from(raw, "base64");
  } else if (!schema.isStructSchema() && !schema.isListSchema() && !schema.isMapSchema()) {
    return raw;
  }
  problems.add(path, raw, mustBe(schema));
  return undefined;
}
