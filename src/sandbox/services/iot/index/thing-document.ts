/**
 * The index document of one thing (IDX-5, IDX-11): what the enabled data sources contribute,
 * kept compact (the shadow part as the JSON text SearchIndex returns), its typed field values
 * (Q-1, IDX-6), and its loading from the store, one thing or all of them.
 */
import type { ThingDocument } from "@aws-sdk/client-iot";
import { setOwn } from "../../../records.js";
import type { OperationContext } from "../../types.js";
import type { JsonObject, JsonValue, StoredShadow } from "../../iot-data/shadow-document.js";
import { computeDelta } from "../../iot-data/shadow-document.js";
import { type ShadowRecord, SHADOW_KIND } from "../../iot-data/shadow-store.js";
import { RELATION, relation, scopeKey } from "../common.js";
import type { IndexingSettings } from "../registry/indexing.js";
import { type ThingDoc, thingGroups, things } from "../registry/model.js";
import { type ConnectivityState, connectivityStates, NEVER_CONNECTED } from "./connectivity.js";
import { DocValuesBuilder, type DocValues, emitValue, type ValueSink } from "./query-match.js";

export type ThingIndexing = IndexingSettings["thing"];

export interface IndexedThing {
  name: string;
  id: string;
  type?: string;
  /** Static and dynamic groups, in name order (IDX-5). */
  groups: string[];
  attributes: Record<string, string>;
  version: number;
  /** IDX-11: the indexed shadows as the JSON text SearchIndex returns; absent when none is indexed. */
  shadow?: string;
  connectivity?: ConnectivityState;
}

export const shadowIndexed = (cfg: ThingIndexing, shadowName: string | undefined): boolean =>
  shadowName === undefined
    ? cfg.thingIndexingMode === "REGISTRY_AND_SHADOW"
    : cfg.namedShadowIndexingMode === "ON" && (cfg.filter?.namedShadowNames ?? []).includes(shadowName);

const nonEmpty = (o: JsonObject | undefined): o is JsonObject => o !== undefined && Object.keys(o).length > 0;

/** IDX-11: one shadow's sections as AWS indexes them, with the computed delta. */
function shadowSections(s: StoredShadow): JsonObject {
  const out: JsonObject = {};
  if (s.state.reported) out.reported = s.state.reported;
  if (s.state.desired) out.desired = s.state.desired;
  const delta = computeDelta(s.state.desired, s.state.reported);
  if (delta) out.delta = delta;
  const metadata: JsonObject = {};
  if (nonEmpty(s.metadata.reported)) metadata.reported = s.metadata.reported;
  if (nonEmpty(s.metadata.desired)) metadata.desired = s.metadata.desired;
  if (nonEmpty(metadata)) out.metadata = metadata;
  out.hasDelta = delta !== undefined;
  out.version = s.version;
  return out;
}

/** IDX-11: the indexed shadows as one object, the classic one at the top, named ones under `name`. */
function shadowObject(cfg: ThingIndexing, shadows: ShadowRecord[]): JsonObject | undefined {
  let doc: JsonObject | undefined;
  const named: JsonObject = {};
  for (const r of shadows) {
    if (!shadowIndexed(cfg, r.shadowName)) continue;
    if (r.shadowName === undefined) doc = shadowSections(r.shadow);
    else setOwn(named, r.shadowName, shadowSections(r.shadow));
  }
  if (nonEmpty(named)) doc = { ...(doc ?? {}), name: named };
  return doc;
}

export interface ThingSources {
  thing: Pick<ThingDoc, "thingName" | "thingId" | "thingTypeName" | "attributes" | "version">;
  groups: string[];
  shadows: ShadowRecord[];
  connectivity?: ConnectivityState;
}

/**
 * V8 returns JSON.stringify's result as a rope of small pieces; reading one character flattens
 * it into one compact string, which for 100k kept documents saves ~15 MB.
 */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

/** A document with its shadow part still parsed, so indexing it needs no second parse. */
export interface LoadedThing {
  doc: IndexedThing;
  shadow?: JsonObject;
}

export function indexedThing(cfg: ThingIndexing, src: ThingSources): LoadedThing {
  const doc: IndexedThing = {
    name: src.thing.thingName,
    id: src.thing.thingId,
    groups: src.groups,
    attributes: src.thing.attributes,
    version: src.thing.version,
  };
  if (src.thing.thingTypeName !== undefined) doc.type = src.thing.thingTypeName;
  const shadow = shadowObject(cfg, src.shadows);
  if (shadow !== undefined) doc.shadow = flat(JSON.stringify(shadow));
  if (cfg.thingConnectivityIndexingMode === "STATUS") doc.connectivity = src.connectivity ?? NEVER_CONNECTED;
  return { doc, shadow };
}

const shadowDocs = (ctx: OperationContext) =>
  ctx.store.collection<ShadowRecord>(scopeKey(ctx), SHADOW_KIND.document);

/** The shadow names IDX-5 indexes, the classic shadow as undefined. */
function indexedShadowNames(cfg: ThingIndexing): Array<string | undefined> {
  const names: Array<string | undefined> = cfg.thingIndexingMode === "REGISTRY_AND_SHADOW" ? [undefined] : [];
  if (cfg.namedShadowIndexingMode === "ON") names.push(...(cfg.filter?.namedShadowNames ?? []));
  return names;
}

/** Point reads of the (at most 12) indexed shadows of a thing, rather than a scan of all its shadows. */
function indexedShadows(ctx: OperationContext, cfg: ThingIndexing, thingName: string): ShadowRecord[] {
  const docs = shadowDocs(ctx);
  const out: ShadowRecord[] = [];
  for (const shadowName of indexedShadowNames(cfg)) {
    const record = docs.get(`${thingName}\u0000${shadowName ?? ""}`);
    if (record) out.push(record);
  }
  return out;
}

/** The current document of one thing, or undefined when the thing does not exist. */
export function loadIndexedThing(
  ctx: OperationContext,
  cfg: ThingIndexing,
  name: string,
): LoadedThing | undefined {
  const thing = things(ctx).get(name);
  if (!thing) return undefined;
  return indexedThing(cfg, {
    thing,
    groups: relation(ctx, RELATION.groupMembers).sources(name),
    shadows: indexedShadows(ctx, cfg, name),
    connectivity:
      cfg.thingConnectivityIndexingMode === "STATUS" ? connectivityStates(ctx).get(name) : undefined,
  });
}

/**
 * Every thing's document, in thing name order, for index builds. The scan of the things stays
 * open while documents are handed out, so the caller must not write meanwhile.
 */
export function* loadAllIndexedThings(ctx: OperationContext, cfg: ThingIndexing): Generator<LoadedThing> {
  const groupsOf = new Map<string, string[]>();
  const members = relation(ctx, RELATION.groupMembers);
  for (const { id: group } of thingGroups(ctx).list()) {
    for (const thing of members.targets(group)) {
      const list = groupsOf.get(thing);
      if (list) list.push(group);
      else groupsOf.set(thing, [group]);
    }
  }
  const states = new Map<string, ConnectivityState>();
  if (cfg.thingConnectivityIndexingMode === "STATUS")
    for (const { id, doc } of connectivityStates(ctx).iterate()) states.set(id, doc);
  const scan = things(ctx).iterate();
  try {
    for (const { doc: thing } of scan) {
      yield indexedThing(cfg, {
        thing,
        groups: groupsOf.get(thing.thingName) ?? [],
        shadows: indexedShadows(ctx, cfg, thing.thingName),
        connectivity: states.get(thing.thingName),
      });
    }
  } finally {
    scan.return(undefined);
  }
}

/** IDX-6: nested keys flattened with `.`, arrays of scalars multi-valued, other arrays and nulls skipped. */
function emitJson(sink: ValueSink, path: string, v: JsonValue): void {
  if (v === null) return;
  if (Array.isArray(v)) {
    if (v.some((x) => typeof x === "object" && x !== null)) return;
    for (const x of v) if (x !== null) emitValue(sink, path, x as string | number | boolean);
    return;
  }
  if (typeof v === "object") {
    for (const [k, x] of Object.entries(v)) emitJson(sink, `${path}.${k}`, x);
    return;
  }
  emitValue(sink, path, v);
}

/** Every indexed field value of a thing; `shadow` spares parsing `doc.shadow` again. */
export function emitThingValues(doc: IndexedThing, sink: ValueSink, shadow?: JsonObject): void {
  emitValue(sink, "thingName", doc.name);
  emitValue(sink, "thingId", doc.id);
  if (doc.type !== undefined) emitValue(sink, "thingTypeName", doc.type);
  for (const g of doc.groups) emitValue(sink, "thingGroupNames", g);
  for (const [k, v] of Object.entries(doc.attributes)) emitValue(sink, `attributes.${k}`, v);
  emitValue(sink, "registry.version", doc.version);
  if (doc.shadow !== undefined) emitJson(sink, "shadow", shadow ?? (JSON.parse(doc.shadow) as JsonValue));
  if (doc.connectivity) {
    emitValue(sink, "connectivity.connected", doc.connectivity.connected);
    if (doc.connectivity.timestamp !== undefined)
      emitValue(sink, "connectivity.timestamp", doc.connectivity.timestamp);
    if (doc.connectivity.disconnectReason !== undefined)
      emitValue(sink, "connectivity.disconnectReason", doc.connectivity.disconnectReason);
  }
}

export function thingValues(loaded: LoadedThing): DocValues {
  const b = new DocValuesBuilder();
  emitThingValues(loaded.doc, b, loaded.shadow);
  return b.values;
}

/** IDX-11: the SearchIndex document; absent parts are omitted. */
export function renderThingDocument(doc: IndexedThing): ThingDocument {
  const out: ThingDocument = { thingName: doc.name, thingId: doc.id };
  if (doc.type !== undefined) out.thingTypeName = doc.type;
  if (doc.groups.length > 0) out.thingGroupNames = [...doc.groups];
  if (Object.keys(doc.attributes).length > 0) out.attributes = { ...doc.attributes };
  if (doc.shadow !== undefined) out.shadow = doc.shadow;
  if (doc.connectivity) {
    out.connectivity = { connected: doc.connectivity.connected };
    if (doc.connectivity.timestamp !== undefined) out.connectivity.timestamp = doc.connectivity.timestamp;
    if (doc.connectivity.disconnectReason !== undefined)
      out.connectivity.disconnectReason = doc.connectivity.disconnectReason;
  }
  return out;
}

/**
 * The document of a thing whose shadows alone changed: its indexed shadows read again, the rest
 * (registry, groups, connectivity) kept from the document the index holds, which every other
 * change reloads whole (fleet-state.ts).
 */
export function reloadIndexedShadows(
  ctx: OperationContext,
  cfg: ThingIndexing,
  doc: IndexedThing,
): LoadedThing {
  return indexedThing(cfg, {
    thing: {
      thingName: doc.name,
      thingId: doc.id,
      thingTypeName: doc.type,
      attributes: doc.attributes,
      version: doc.version,
    },
    groups: doc.groups,
    shadows: indexedShadows(ctx, cfg, doc.name),
    connectivity: doc.connectivity,
  });
}
