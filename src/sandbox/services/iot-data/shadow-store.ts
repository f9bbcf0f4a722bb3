/**
 * The Device Shadow service over the sandbox store (aws-semantics.md §6): load, update, delete
 * and list shadows, keep the tombstone that lets a re-created shadow continue its version (SHD-4),
 * and announce every accepted change on the event bus (SHD-10). Independent of HTTP so the MQTT
 * broker (SHD-20) and jobs (PKG-7) can drive the same shadows.
 */
import { ServiceError } from "../../errors.js";
import type { SandboxEvent } from "../../events.js";
import type { OperationContext } from "../types.js";
import {
  applyUpdate,
  type JsonObject,
  parseUpdateRequest,
  renderGet,
  type StoredShadow,
  type UpdateRequest,
  type UpdateResult,
} from "./shadow-document.js";

/** What the shadow service needs from a request (an OperationContext or a broker's equivalent). */
export type ShadowContext = Pick<OperationContext, "store" | "scope" | "clock" | "events">;

/** PKG-SHD-1: the named shadow reserved for the Software Package Catalog. */
export const PACKAGE_SHADOW = "$package";

/** Collection kinds, scope `<account>:<region>`, id `<thing>\u0000<shadowName>` (classic: empty name). */
export const SHADOW_KIND = {
  document: "shadow.doc",
  /** Version of a deleted shadow, kept so a re-created one continues from it (SHD-4). */
  tombstone: "shadow.tombstone",
} as const;

/** SHD-4: AWS continues the version of a shadow re-created within 48 h of its deletion. */
export const TOMBSTONE_TTL_MS = 48 * 3600 * 1000;

export interface ShadowRecord {
  thingName: string;
  /** Undefined for the classic shadow. */
  shadowName?: string;
  shadow: StoredShadow;
}

interface Tombstone {
  version: number;
  deletedAtMs: number;
}

/** A shadow is addressed by thing + optional name; the classic shadow has no name (SHD-1). */
export interface ShadowRef {
  thingName: string;
  shadowName?: string;
}

/** The shadow a REST request addresses (`thingName` label, optional `name` query parameter). */
export const shadowRefOf = (input: { thingName?: string; shadowName?: string }): ShadowRef => ({
  thingName: input.thingName ?? "",
  shadowName: input.shadowName,
});

/** Thing names never contain NUL, so one thing's shadows are contiguous and sorted by name. */
const SEPARATOR = "\u0000";
export const shadowId = (ref: ShadowRef): string => `${ref.thingName}${SEPARATOR}${ref.shadowName ?? ""}`;
const thingPrefix = (thingName: string): string => `${thingName}${SEPARATOR}`;

const scopeOf = (ctx: ShadowContext): string => `${ctx.scope.accountId}:${ctx.scope.region}`;
const documents = (ctx: ShadowContext) =>
  ctx.store.collection<ShadowRecord>(scopeOf(ctx), SHADOW_KIND.document);
const tombstones = (ctx: ShadowContext) =>
  ctx.store.collection<Tombstone>(scopeOf(ctx), SHADOW_KIND.tombstone);

/** Shadow documents carry whole epoch seconds (SHD-5, SHD-8). */
const nowSeconds = (ctx: ShadowContext): number => Math.floor(ctx.clock.nowMs() / 1000);

/** PKG-SHD-1: the reserved `$package` shadow keeps no metadata. */
const isPackageShadow = (ref: ShadowRef): boolean => ref.shadowName === PACKAGE_SHADOW;

/** SHD-8: 404 with AWS's message, which names the shadow, or the thing for the classic shadow. */
export function shadowNotFound(ref: ShadowRef): ServiceError {
  return new ServiceError(
    "ResourceNotFoundException",
    `No shadow exists with name: '${ref.shadowName ?? ref.thingName}'`,
    {},
    404,
  );
}

export function readShadow(ctx: ShadowContext, ref: ShadowRef): StoredShadow | undefined {
  return documents(ctx).get(shadowId(ref))?.shadow;
}

/** Version a re-created shadow continues from (SHD-4), dropping tombstones older than 48 h. */
function deletedVersion(ctx: ShadowContext, ref: ShadowRef): number | undefined {
  const id = shadowId(ref);
  const tomb = tombstones(ctx).get(id);
  if (tomb === undefined) return undefined;
  if (ctx.clock.nowMs() - tomb.deletedAtMs >= TOMBSTONE_TTL_MS) {
    tombstones(ctx).delete(id);
    return undefined;
  }
  return tomb.version;
}

function emit(ctx: ShadowContext, ref: ShadowRef, topicSuffix: string, payload: JsonObject): void {
  const event: SandboxEvent = {
    type: "shadow.updated",
    scope: scopeOf(ctx),
    thingName: ref.thingName,
    topicSuffix,
    payload,
  };
  if (ref.shadowName !== undefined) event.shadowName = ref.shadowName;
  ctx.events.emit(event);
}

/**
 * Applies an already validated update (SHD-3..SHD-6), stores it and publishes the SHD-10
 * documents. Used by the REST API, the MQTT `update` topic and jobs (PKG-7).
 */
export function applyShadowUpdate(ctx: ShadowContext, ref: ShadowRef, req: UpdateRequest): UpdateResult {
  const id = shadowId(ref);
  const current = readShadow(ctx, ref);
  const result = applyUpdate(current, req, nowSeconds(ctx), {
    omitMetadata: isPackageShadow(ref),
    deletedVersion: current === undefined ? deletedVersion(ctx, ref) : undefined,
  });
  const record: ShadowRecord = { thingName: ref.thingName, shadow: result.shadow };
  if (ref.shadowName !== undefined) record.shadowName = ref.shadowName;
  documents(ctx).put(id, record);
  tombstones(ctx).delete(id);
  emit(ctx, ref, "update/accepted", result.accepted);
  emit(ctx, ref, "update/documents", result.documents);
  if (result.delta !== undefined) emit(ctx, ref, "update/delta", result.delta);
  return result;
}

/** SHD-2 + SHD-3..SHD-10 from a raw request body; returns the accepted document (SHD-8). */
export function updateShadow(ctx: ShadowContext, ref: ShadowRef, body: Buffer): JsonObject {
  const req = parseUpdateRequest(body, { reservedPackageShadow: isPackageShadow(ref) });
  return applyShadowUpdate(ctx, ref, req).accepted;
}

/** SHD-8 GetThingShadow document, or 404. */
export function getShadowDocument(ctx: ShadowContext, ref: ShadowRef): JsonObject {
  const shadow = readShadow(ctx, ref);
  if (shadow === undefined) throw shadowNotFound(ref);
  return renderGet(shadow, nowSeconds(ctx), { omitMetadata: isPackageShadow(ref) });
}

/**
 * SHD-8 delete: `{version, timestamp}` of the removed shadow, or 404. The thing need not exist.
 * The version is kept as a tombstone so a re-created shadow continues from it (SHD-4).
 * `clientToken` (MQTT requests, SHD-20) is echoed in the body.
 */
export function deleteShadow(ctx: ShadowContext, ref: ShadowRef, clientToken?: string): JsonObject {
  const id = shadowId(ref);
  const shadow = readShadow(ctx, ref);
  if (shadow === undefined) throw shadowNotFound(ref);
  documents(ctx).delete(id);
  tombstones(ctx).put(id, { version: shadow.version, deletedAtMs: ctx.clock.nowMs() });
  const payload: JsonObject = { version: shadow.version, timestamp: nowSeconds(ctx) };
  if (clientToken !== undefined) payload["clientToken"] = clientToken;
  const event: SandboxEvent = {
    type: "shadow.deleted",
    scope: scopeOf(ctx),
    thingName: ref.thingName,
    payload,
  };
  if (ref.shadowName !== undefined) event.shadowName = ref.shadowName;
  ctx.events.emit(event);
  return payload;
}

/**
 * SHD-9: the named shadows of a thing (never the classic one), in name order, at most
 * `limit`, after the name `after`; `more` tells whether another page exists.
 */
export function listNamedShadows(
  ctx: ShadowContext,
  thingName: string,
  opts: { after?: string; limit: number },
): { names: string[]; more: boolean } {
  const prefix = thingPrefix(thingName);
  // The classic shadow's id equals the prefix; starting strictly after it skips it.
  const after = `${prefix}${opts.after ?? ""}`;
  const rows = documents(ctx).list({ prefix, after, limit: opts.limit + 1 });
  const names = rows.map((r) => r.id.slice(prefix.length));
  return { names: names.slice(0, opts.limit), more: names.length > opts.limit };
}

/** Every shadow of a thing, classic first then named in name order (for the fleet index, IDX-5). */
export function shadowsOfThing(ctx: ShadowContext, thingName: string): ShadowRecord[] {
  return documents(ctx)
    .list({ prefix: thingPrefix(thingName) })
    .map((r) => r.doc);
}
