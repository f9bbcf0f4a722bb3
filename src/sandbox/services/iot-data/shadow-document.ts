/**
 * AWS IoT Device Shadow document rules (aws-semantics.md §6: SHD-2..SHD-8, SHD-10, PKG-SHD-1).
 * Pure module: parses/validates update requests, merges them into a stored shadow, builds the
 * response bodies. No HTTP, no storage, no clock (callers pass `nowSeconds`).
 */
import { ServiceError } from "../../errors.js";
import { nestedDeeperThan } from "../../json-depth.js";
import { ownValue, setOwn } from "../../records.js";
import { strictUtf8 } from "../../utf8.js";
import {
  cloneJson,
  computeDelta,
  deltaMetadata,
  isJsonObject,
  type JsonObject,
  type JsonValue,
} from "./shadow-delta.js";

export type { JsonObject, JsonValue } from "./shadow-delta.js";
export { computeDelta, deltaMetadata, isJsonObject, jsonEqual } from "./shadow-delta.js";

/** SHD-6: maximum serialized size (bytes) of `desired` + `reported`, metadata excluded. */
export const MAX_SHADOW_STATE_BYTES = 8192;
/** SHD-2: maximum nesting depth inside `desired` / `reported`. */
export const MAX_SHADOW_NESTING = 6;
/** SHD-2: maximum `clientToken` length in UTF-8 bytes. */
export const MAX_CLIENT_TOKEN_BYTES = 64;
/** PKG-SHD-1: the only keys allowed inside a `$package` shadow entry. */
export const PACKAGE_ENTRY_KEYS: readonly string[] = ["version", "attributes"];

export type ShadowSection = "desired" | "reported";
const SECTIONS: readonly ShadowSection[] = ["desired", "reported"];

/** A shadow as stored: state sections, their metadata (same shape, leaves = `{timestamp}`) and version. */
export interface StoredShadow {
  state: { desired?: JsonObject; reported?: JsonObject };
  metadata: { desired?: JsonObject; reported?: JsonObject };
  version: number;
}

/** A validated update request (SHD-2). A section set to `null` removes the whole section. */
export interface UpdateRequest {
  state: { desired?: JsonObject | null; reported?: JsonObject | null };
  version?: number;
  clientToken?: string;
}

export interface UpdateResult {
  /** The new stored shadow (always present: a shadow emptied of both sections keeps existing). */
  shadow: StoredShadow;
  /** Body of the REST response and of `<prefix>/update/accepted` (SHD-8). */
  accepted: JsonObject;
  /** Body of `<prefix>/update/documents` (SHD-10). */
  documents: JsonObject;
  /** Body of `<prefix>/update/delta`, only when the request had `desired` and the delta is non-empty (SHD-10). */
  delta?: JsonObject;
}

const badRequest = (message: string): ServiceError =>
  new ServiceError("InvalidRequestException", message, {}, 400);

/** True when some array anywhere below `v` contains `null` (SHD-2). */
function hasNullInArray(v: JsonValue): boolean {
  if (Array.isArray(v)) return v.some((el) => el === null || hasNullInArray(el));
  if (isJsonObject(v)) return Object.values(v).some(hasNullInArray);
  return false;
}

/** PKG-SHD-1: each package entry is `null` (remove) or an object with only `version` / `attributes`. */
function checkPackageSection(section: JsonObject): void {
  for (const [pkg, entry] of Object.entries(section)) {
    if (entry === null) continue;
    if (!isJsonObject(entry)) {
      throw badRequest(`Invalid package entry for ${pkg}: it must be an object`);
    }
    const extra = Object.keys(entry).filter((k) => !PACKAGE_ENTRY_KEYS.includes(k));
    if (extra.length > 0) {
      throw badRequest(
        `Invalid package entry for ${pkg}: only version and attributes are allowed (found ${extra.join(", ")})`,
      );
    }
  }
}

/**
 * SHD-2 (+ PKG-SHD-1 when `reservedPackageShadow`): parse and validate a raw update body.
 * Non-UTF-8 → 415 UnsupportedDocumentEncodingException; every other problem → 400
 * InvalidRequestException with AWS's documented message. Top-level keys other than `state`,
 * `version` and `clientToken` are ignored.
 */
export function parseUpdateRequest(body: Buffer, opts: { reservedPackageShadow: boolean }): UpdateRequest {
  const text = strictUtf8(body);
  if (text === undefined)
    throw new ServiceError(
      "UnsupportedDocumentEncodingException",
      "Unsupported documented encoding; supported encoding is UTF-8",
      {},
      415,
    );
  let doc: JsonValue;
  try {
    doc = JSON.parse(text) as JsonValue;
  } catch {
    throw badRequest("Invalid JSON");
  }
  if (!isJsonObject(doc)) throw badRequest("Invalid JSON");
  if (!Object.hasOwn(doc, "state")) throw badRequest("Missing required node: state");
  const rawState = doc["state"];
  if (!isJsonObject(rawState)) throw badRequest("State node must be an object");
  for (const key of Object.keys(rawState)) {
    if (key !== "desired" && key !== "reported") throw badRequest("State contains an invalid node");
  }
  const state: UpdateRequest["state"] = {};
  for (const section of SECTIONS) {
    if (!Object.hasOwn(rawState, section)) continue;
    const value = rawState[section];
    if (value !== null && !isJsonObject(value)) {
      throw badRequest(
        section === "desired" ? "Desired node must be an object" : "Reported node must be an object",
      );
    }
    state[section] = value;
  }
  const req: UpdateRequest = { state };
  if (Object.hasOwn(doc, "version")) {
    const version = doc["version"];
    if (typeof version !== "number" || !Number.isFinite(version)) throw badRequest("Invalid version");
    req.version = version;
  }
  if (Object.hasOwn(doc, "clientToken")) {
    const token = doc["clientToken"];
    if (typeof token !== "string" || Buffer.byteLength(token, "utf8") > MAX_CLIENT_TOKEN_BYTES) {
      throw badRequest("Invalid clientToken");
    }
    req.clientToken = token;
  }
  for (const section of SECTIONS) {
    const value = state[section];
    if (value === undefined || value === null) continue;
    // Measured without recursion: JSON.parse accepts a document nested 100,000 deep.
    if (nestedDeeperThan(value, MAX_SHADOW_NESTING)) {
      throw badRequest("JSON contains too many levels of nesting; maximum is 6");
    }
    // AWS documents no specific message for null inside arrays; it is rejected as invalid JSON.
    if (hasNullInArray(value)) throw badRequest("Invalid JSON");
    if (opts.reservedPackageShadow) checkPackageSection(value);
  }
  return req;
}

/**
 * SHD-5: metadata of a written value. Leaves (including `null` deletions in request echoes)
 * get `{"timestamp": now}`; arrays get one entry per element; objects recurse.
 */
export function metadataFor(value: JsonValue, nowSeconds: number): JsonValue {
  if (Array.isArray(value)) return value.map((el) => metadataFor(el, nowSeconds));
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, metadataFor(v, nowSeconds));
    return out;
  }
  return { timestamp: nowSeconds };
}

/**
 * SHD-3/SHD-5: merge `update` into `current` (and its metadata). Objects merge key by key,
 * scalars and arrays replace, `null` deletes (with its metadata); objects emptied by deletions disappear.
 */
function mergeSection(
  current: JsonObject | undefined,
  currentMeta: JsonObject | undefined,
  update: JsonObject,
  nowSeconds: number,
): { state: JsonObject; metadata: JsonObject } {
  // Keys are the client's: setOwn keeps `__proto__` a key like any other.
  const state: JsonObject = { ...current };
  const metadata: JsonObject = { ...currentMeta };
  for (const [key, value] of Object.entries(update)) {
    if (value === null) {
      delete state[key];
      delete metadata[key];
    } else if (isJsonObject(value)) {
      const prev = ownValue(state, key);
      const prevMeta = ownValue(metadata, key);
      const merged = isJsonObject(prev)
        ? mergeSection(prev, isJsonObject(prevMeta) ? prevMeta : undefined, value, nowSeconds)
        : mergeSection(undefined, undefined, value, nowSeconds);
      // An object emptied by this update's deletions disappears; an explicit `{}` is stored as is.
      if (Object.keys(merged.state).length === 0 && Object.keys(value).length > 0) {
        delete state[key];
        delete metadata[key];
      } else {
        setOwn(state, key, merged.state);
        setOwn(metadata, key, merged.metadata);
      }
    } else {
      setOwn(state, key, cloneJson(value));
      setOwn(metadata, key, metadataFor(value, nowSeconds));
    }
  }
  return { state, metadata };
}

/** SHD-6: UTF-8 size of the serialized desired + reported sections. */
export function stateSizeBytes(state: StoredShadow["state"]): number {
  let size = 0;
  for (const section of SECTIONS) {
    const value = state[section];
    if (value !== undefined) size += Buffer.byteLength(JSON.stringify(value), "utf8");
  }
  return size;
}

/** `{state, metadata?, version}` snapshot used in `update/documents` (desired/reported only). */
function snapshot(shadow: StoredShadow, omitMetadata: boolean): JsonObject {
  const out: JsonObject = { state: cloneJson(sectionsOf(shadow.state)) };
  if (!omitMetadata) out["metadata"] = cloneJson(sectionsOf(shadow.metadata));
  out["version"] = shadow.version;
  return out;
}

function sectionsOf(src: { desired?: JsonObject; reported?: JsonObject }): JsonObject {
  const out: JsonObject = {};
  for (const section of SECTIONS) {
    const value = src[section];
    if (value !== undefined) out[section] = value;
  }
  return out;
}

function withClientToken(body: JsonObject, clientToken: string | undefined): JsonObject {
  if (clientToken !== undefined) body["clientToken"] = clientToken;
  return body;
}

/**
 * Apply a validated update (SHD-3..SHD-6) and build the SHD-8/SHD-10 bodies.
 * `current` undefined = no shadow; `deletedVersion` = version of a previously deleted shadow
 * (the re-created shadow continues from it, SHD-4). Throws 409 ConflictException on a version
 * mismatch and 413 RequestEntityTooLargeException when the resulting state exceeds 8 KB.
 * `omitMetadata` (PKG-SHD-1, `$package`) keeps metadata out of the stored shadow and the bodies.
 */
export function applyUpdate(
  current: StoredShadow | undefined,
  req: UpdateRequest,
  nowSeconds: number,
  opts: { omitMetadata?: boolean; deletedVersion?: number } = {},
): UpdateResult {
  const omitMetadata = opts.omitMetadata === true;
  const baseVersion = current?.version ?? opts.deletedVersion ?? 0;
  if (req.version !== undefined && req.version !== baseVersion) {
    throw new ServiceError("ConflictException", "Version conflict", {}, 409);
  }
  const next: StoredShadow = {
    state: current ? cloneJson(sectionsOf(current.state)) : {},
    metadata: current && !omitMetadata ? cloneJson(sectionsOf(current.metadata)) : {},
    version: baseVersion + 1,
  };
  for (const section of SECTIONS) {
    const update = req.state[section];
    if (update === undefined) continue;
    if (update === null) {
      delete next.state[section];
      delete next.metadata[section];
      continue;
    }
    const merged = mergeSection(next.state[section], next.metadata[section], update, nowSeconds);
    if (Object.keys(merged.state).length === 0) {
      delete next.state[section];
      delete next.metadata[section];
    } else {
      next.state[section] = merged.state;
      if (!omitMetadata) next.metadata[section] = merged.metadata;
    }
  }
  if (stateSizeBytes(next.state) > MAX_SHADOW_STATE_BYTES) {
    throw new ServiceError(
      "RequestEntityTooLargeException",
      "The payload exceeds the maximum size allowed",
      {},
      413,
    );
  }

  const requestState: JsonObject = {};
  for (const section of SECTIONS) {
    const value = req.state[section];
    if (value !== undefined) requestState[section] = cloneJson(value);
  }
  const accepted: JsonObject = { state: requestState };
  if (!omitMetadata) accepted["metadata"] = metadataFor(requestState, nowSeconds);
  accepted["version"] = next.version;
  accepted["timestamp"] = nowSeconds;
  withClientToken(accepted, req.clientToken);

  const documents: JsonObject = {};
  if (current !== undefined) documents["previous"] = snapshot(current, omitMetadata);
  documents["current"] = snapshot(next, omitMetadata);
  documents["timestamp"] = nowSeconds;
  withClientToken(documents, req.clientToken);

  const result: UpdateResult = { shadow: next, accepted, documents };
  if (isJsonObject(req.state.desired)) {
    const deltaState = computeDelta(next.state.desired, next.state.reported);
    if (deltaState !== undefined) {
      const delta: JsonObject = { state: deltaState };
      if (!omitMetadata) delta["metadata"] = deltaMetadata(deltaState, next.metadata.desired);
      delta["version"] = next.version;
      delta["timestamp"] = nowSeconds;
      result.delta = withClientToken(delta, req.clientToken);
    }
  }
  return result;
}

/**
 * SHD-8: GetThingShadow body `{"state":{desired?,reported?,delta?},"metadata":{desired?,reported?},
 * "version","timestamp"}`. AWS shows no delta metadata in the get response. `omitMetadata`
 * (PKG-SHD-1) drops the `metadata` member.
 */
export function renderGet(
  shadow: StoredShadow,
  nowSeconds: number,
  opts: { omitMetadata?: boolean } = {},
): JsonObject {
  const state = cloneJson(sectionsOf(shadow.state));
  const delta = computeDelta(shadow.state.desired, shadow.state.reported);
  if (delta !== undefined) state["delta"] = delta;
  const out: JsonObject = { state };
  if (opts.omitMetadata !== true) out["metadata"] = cloneJson(sectionsOf(shadow.metadata));
  out["version"] = shadow.version;
  out["timestamp"] = nowSeconds;
  return out;
}
