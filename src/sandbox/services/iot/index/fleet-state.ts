/**
 * Per-sandbox state of fleet indexing: one in-memory thing index per (account, region), built
 * lazily from the store and kept current from the event bus (fleet.ts subscribes it). Listeners
 * run inside the writer's transaction, which may still roll back, so they only mark things
 * dirty; dirty documents are reloaded from committed state right after the request
 * (setImmediate) or by the next query, whichever comes first.
 */
import { randomUUID } from "node:crypto";
import { createOperationContext } from "../../../context.js";
import type { OperationContext, ServiceDeps } from "../../types.js";
import { scopeKey } from "../common.js";
import { readIndexingSettings } from "../registry/indexing.js";
import { indexEpoch } from "./index-status.js";
import type { QueryNode } from "./query-syntax.js";
import {
  loadAllIndexedThings,
  loadIndexedThing,
  reloadIndexedShadows,
  type ThingIndexing,
} from "./thing-document.js";
import { ThingIndex } from "./thing-index.js";

/** Dirty documents reloaded per background slice, so requests are never held up for long. */
const FLUSH_SLICE = 500;

export interface DynamicGroup {
  name: string;
  creationDate: string;
  query: QueryNode;
}

/** What changed in a dirty thing: its shadows only, or anything (registry, groups, connectivity...). */
export type Change = "shadows" | "all";

export interface ScopeState {
  index?: ThingIndex;
  /** Things to reload, with what changed in them since they were last loaded. */
  dirty: Map<string, Change>;
  dynamic?: { generation: string | undefined; groups: DynamicGroup[] };
}

export interface Fleet {
  /** The sandbox's parts (store, clock, settings, bus), as a context re-scoped per event. */
  readonly base: OperationContext;
  readonly scopes: Map<string, ScopeState>;
  /** Identifies this process's memberships as reconciled (see fleet.ts). */
  run: string;
  /** A listener failed, so changes may have gone unheard: reconcile memberships before reading. */
  stale: boolean;
  flushScheduled: boolean;
}

export function createFleet(deps: ServiceDeps): Fleet {
  return {
    base: createOperationContext(deps, {
      scope: { accountId: "", region: "" },
      requestId: "fleet-index",
      origin: { kind: "internal", name: "fleet-index" },
    }),
    scopes: new Map(),
    run: randomUUID(),
    stale: false,
    flushScheduled: false,
  };
}

export function scopeState(fleet: Fleet, scope: string): ScopeState {
  let s = fleet.scopes.get(scope);
  if (!s) {
    s = { dirty: new Map() };
    fleet.scopes.set(scope, s);
  }
  return s;
}

/** A context for the scope `<account>:<region>` of an event. */
export function scopeContext(fleet: Fleet, scope: string): OperationContext {
  const cut = scope.indexOf(":");
  return { ...fleet.base, scope: { accountId: scope.slice(0, cut), region: scope.slice(cut + 1) } };
}

/** The settings are shared frozen objects (readIndexingSettings): their text is computed once each. */
const configurationTexts = new WeakMap<ThingIndexing, string>();

function indexKey(ctx: OperationContext, cfg: ThingIndexing): string {
  let text = configurationTexts.get(cfg);
  if (text === undefined) {
    text = JSON.stringify(cfg);
    configurationTexts.set(cfg, text);
  }
  return `${indexEpoch(ctx)}|${text}`;
}

function build(ctx: OperationContext, cfg: ThingIndexing, key: string): ThingIndex {
  const index = new ThingIndex(key);
  for (const loaded of loadAllIndexedThings(ctx, cfg)) index.append(loaded);
  return index;
}

function reload(
  ctx: OperationContext,
  cfg: ThingIndexing,
  index: ThingIndex,
  changes: Iterable<[string, Change]>,
): void {
  for (const [name, change] of changes) {
    const held = change === "shadows" ? index.get(name) : undefined;
    const loaded = held ? reloadIndexedShadows(ctx, cfg, held) : loadIndexedThing(ctx, cfg, name);
    if (loaded) index.upsert(loaded);
    else index.remove(name);
  }
}

/**
 * The current thing index of the request's scope, or undefined when thing indexing is OFF.
 * Rebuilt when the configuration or the epoch changed; dirty documents are reloaded first.
 */
export function currentThingIndex(fleet: Fleet, ctx: OperationContext): ThingIndex | undefined {
  const cfg = readIndexingSettings(ctx).thing;
  const s = scopeState(fleet, scopeKey(ctx));
  if (cfg.thingIndexingMode === "OFF") {
    s.index = undefined;
    return undefined;
  }
  const key = indexKey(ctx, cfg);
  if (!s.index || s.index.key !== key) {
    s.dirty.clear();
    s.index = build(ctx, cfg, key);
  } else if (s.dirty.size > 0) {
    const changes = [...s.dirty];
    s.dirty.clear();
    reload(ctx, cfg, s.index, changes);
  }
  return s.index;
}

/** Forgets a scope's in-memory state (after a failure that may have left it inconsistent). */
export function dropScope(fleet: Fleet, scope: string): void {
  fleet.scopes.delete(scope);
}

export function markDirty(fleet: Fleet, scope: string, thingName: string, change: Change = "all"): void {
  const s = scopeState(fleet, scope);
  if (!s.index) return;
  if (s.dirty.get(thingName) !== "all") s.dirty.set(thingName, change);
  if (fleet.flushScheduled) return;
  fleet.flushScheduled = true;
  setImmediate(() => flush(fleet));
}

/** Reloads dirty documents from committed state, a slice at a time. */
function flush(fleet: Fleet): void {
  fleet.flushScheduled = false;
  let more = false;
  for (const [scope, s] of fleet.scopes) {
    if (!s.index || s.dirty.size === 0) continue;
    const ctx = scopeContext(fleet, scope);
    try {
      ctx.store.transaction(() => {
        const cfg = readIndexingSettings(ctx).thing;
        if (!s.index || cfg.thingIndexingMode === "OFF" || s.index.key !== indexKey(ctx, cfg)) {
          s.index = undefined;
          s.dirty.clear();
          return;
        }
        const slice: Array<[string, Change]> = [];
        for (const entry of s.dirty) {
          slice.push(entry);
          if (slice.length === FLUSH_SLICE) break;
        }
        for (const [name] of slice) s.dirty.delete(name);
        reload(ctx, cfg, s.index, slice);
      });
    } catch (e) {
      dropScope(fleet, scope);
      process.stderr.write(`iotdm sandbox: fleet index refresh failed: ${String(e)}\n`);
    }
    if (s.dirty.size > 0) more = true;
  }
  if (more && !fleet.flushScheduled) {
    fleet.flushScheduled = true;
    setImmediate(() => flush(fleet));
  }
}
