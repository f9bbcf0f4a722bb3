/**
 * JSON helpers and the `delta` computation of the Device Shadow service (SHD-7).
 * Pure functions: no I/O, no clock. Client keys are set with setOwn (`__proto__` stays data).
 */
import { ownValue, setOwn } from "../../records.js";

/** Any JSON value as produced by `JSON.parse`. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
/** A JSON object (never an array, never null). */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** True for a JSON object (not an array, not null). */
export const isJsonObject = (v: unknown): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Deep copy of a JSON value (the stored shadow never aliases request bodies). */
export const cloneJson = <T extends JsonValue>(v: T): T => structuredClone(v);

/** Structural equality: objects compare key by key (order-independent), arrays element by element. */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((el, i) => jsonEqual(el, b[i]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/**
 * SHD-7: the delta between `desired` and `reported`. Every desired key that is absent from
 * `reported` or has a different value is included; nested objects recurse and keep their path
 * from the root; arrays (and scalars) are compared and copied whole; keys only present in
 * `reported` never appear. Returns `undefined` when there is no difference (or no desired state).
 */
export function computeDelta(desired: unknown, reported: unknown): JsonObject | undefined {
  if (!isJsonObject(desired)) return undefined;
  const rep = isJsonObject(reported) ? reported : undefined;
  const delta: JsonObject = {};
  for (const [key, want] of Object.entries(desired)) {
    const has = rep !== undefined && Object.hasOwn(rep, key);
    const got = has ? rep[key] : undefined;
    if (!has) {
      setOwn(delta, key, cloneJson(want));
    } else if (isJsonObject(want) && isJsonObject(got)) {
      const sub = computeDelta(want, got);
      if (sub !== undefined) setOwn(delta, key, sub);
    } else if (!jsonEqual(want, got)) {
      setOwn(delta, key, cloneJson(want));
    }
  }
  return Object.keys(delta).length > 0 ? delta : undefined;
}

/**
 * SHD-7: the metadata of a delta mirrors the desired metadata, restricted to the keys present
 * in the delta (objects recurse along the delta's keys; arrays and leaves are copied whole).
 */
export function deltaMetadata(delta: JsonObject, desiredMetadata: JsonObject | undefined): JsonObject {
  const out: JsonObject = {};
  if (desiredMetadata === undefined) return out;
  for (const [key, value] of Object.entries(delta)) {
    const meta = ownValue(desiredMetadata, key);
    if (meta === undefined) continue;
    setOwn(
      out,
      key,
      isJsonObject(value) && isJsonObject(meta) ? deltaMetadata(value, meta) : cloneJson(meta),
    );
  }
  return out;
}
