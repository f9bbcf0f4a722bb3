/**
 * Fleet indexing's entry points for handlers (its own and the registry's), and its one attach
 * path: `startFleetIndex`, the IoT service's start hook, creates the sandbox's fleet state,
 * provides it to every operation context (ServiceRuntime) and subscribes it to the event bus
 * before the first request, so the index never misses a change. It listens to:
 * - `thing.changed` (registry writes: create, update, type, static groups) and `thing.deleted`:
 *   the thing's document changes; a membership change fleet indexing made itself
 *   (`dynamicMembership`, DYN-2) reloads the document but is not evaluated again;
 * - `shadow.updated` (once per accepted update: its `update/accepted` event; the `documents`
 *   and `delta` events of the same update are ignored) and `shadow.deleted`, when that shadow is
 *   indexed (IDX-5: classic with REGISTRY_AND_SHADOW, named ones in the filter);
 * - `thing.connected` / `thing.disconnected`, when connectivity is indexed (STATUS): the state
 *   is stored by connectivity.ts, subscribed just before;
 * and not to `mqtt.publish`. For each, the thing is marked dirty (its document is reloaded from
 * committed state before the next query: read-your-writes; only its shadows after a shadow
 * event) and, unless it was deleted, its
 * dynamic group memberships are re-evaluated inside the writer's transaction (DYN-2).
 */
import { randomUUID } from "node:crypto";
import { isServiceError } from "../../../errors.js";
import type { SandboxEvent } from "../../../events.js";
import { runtimeSlot } from "../../runtime.js";
import type { OperationContext, ServiceDeps } from "../../types.js";
import { scopeKey } from "../common.js";
import { type IndexingSettings, readIndexingSettings } from "../registry/indexing.js";
import type { ThingGroupDoc } from "../registry/model.js";
import { dynamicGroups, recomputeGroup, reevaluateThing } from "./dynamic-groups.js";
import {
  createFleet,
  currentThingIndex,
  dropScope,
  type Fleet,
  markDirty,
  type ScopeState,
  scopeContext,
  scopeState,
} from "./fleet-state.js";
import { markReconciled, reconciledBy, recordConfigurationChange } from "./index-status.js";
import { type ThingIndexing, shadowIndexed } from "./thing-document.js";
import type { ThingIndex } from "./thing-index.js";

const FLEET = runtimeSlot<Fleet>("fleet indexing");

/** Whether an event changes what the index holds for its thing under this configuration. */
function concerns(cfg: ThingIndexing, e: SandboxEvent): boolean {
  switch (e.type) {
    case "thing.changed":
      return true;
    case "thing.deleted":
      return true;
    case "shadow.updated":
      return e.topicSuffix === "update/accepted" && shadowIndexed(cfg, e.shadowName);
    case "shadow.deleted":
      return shadowIndexed(cfg, e.shadowName);
    case "thing.connected":
    case "thing.disconnected":
      return cfg.thingConnectivityIndexingMode === "STATUS";
    case "mqtt.publish":
    case "job.execution.changed":
    case "certificate.disabled":
    case "policies.changed":
      return false;
  }
}

/** Events that never concern a thing's index document. */
type Unrelated = "mqtt.publish" | "job.execution.changed" | "certificate.disabled" | "policies.changed";
const isUnrelated = (e: SandboxEvent): e is Extract<SandboxEvent, { type: Unrelated }> =>
  e.type === "mqtt.publish" ||
  e.type === "job.execution.changed" ||
  e.type === "certificate.disabled" ||
  e.type === "policies.changed";

function follow(fleet: Fleet, e: Exclude<SandboxEvent, { type: Unrelated }>): void {
  const ctx = scopeContext(fleet, e.scope);
  const cfg = readIndexingSettings(ctx).thing;
  if (cfg.thingIndexingMode === "OFF" || !concerns(cfg, e)) return;
  const shadowsOnly = e.type === "shadow.updated" || e.type === "shadow.deleted";
  markDirty(fleet, e.scope, e.thingName, shadowsOnly ? "shadows" : "all");
  // A membership change fleet indexing made itself (DYN-2) is reloaded, not evaluated again.
  const ownMembershipChange = e.type === "thing.changed" && e.dynamicMembership;
  if (e.type !== "thing.deleted" && !ownMembershipChange)
    reevaluateThing(ctx, scopeState(fleet, e.scope), e.thingName);
}

function onEvent(fleet: Fleet, e: SandboxEvent): void {
  if (isUnrelated(e)) return;
  try {
    // Inside a request this joins its transaction; an emitter outside one (the MQTT broker) gets its own.
    fleet.base.store.transaction(() => follow(fleet, e));
  } catch (err) {
    // The writer's change stands; memberships are recomputed before they are next read.
    process.stderr.write(`iotdm sandbox: fleet index could not follow ${e.type}: ${String(err)}\n`);
    dropScope(fleet, e.scope);
    fleet.stale = true;
    fleet.run = randomUUID();
  }
}

/** The IoT service's start hook for fleet indexing (see above); after startConnectivity. */
export function startFleetIndex(deps: ServiceDeps): void {
  const fleet = createFleet(deps);
  deps.runtime.provide(FLEET, fleet);
  deps.events.on((e) => onEvent(fleet, e));
}

/**
 * Runs `fn` with the fleet and the scope's state. Refusals (ServiceError) come before any
 * in-memory change; anything else may have left memory ahead of a transaction that now rolls
 * back, so the scope's in-memory state is dropped and rebuilt from the store when next used.
 */
export function withFleet<T>(ctx: OperationContext, fn: (fleet: Fleet, s: ScopeState) => T): T {
  const fleet = ctx.runtime.get(FLEET);
  const scope = scopeKey(ctx);
  try {
    return fn(fleet, scopeState(fleet, scope));
  } catch (e) {
    if (!isServiceError(e)) dropScope(fleet, scope);
    throw e;
  }
}

/** The scope's AWS_Things index, current as of this request; undefined when thing indexing is OFF. */
export function thingIndex(ctx: OperationContext): ThingIndex | undefined {
  return withFleet(ctx, (fleet) => currentThingIndex(fleet, ctx));
}

/** Recomputes every dynamic group of the scope, oldest first. */
function recomputeAllGroups(fleet: Fleet, ctx: OperationContext, s: ScopeState): void {
  const groups = dynamicGroups(ctx, s);
  if (groups.length === 0) return;
  const index = currentThingIndex(fleet, ctx);
  if (!index) return;
  for (const g of groups) recomputeGroup(ctx, index, g, groups);
}

/**
 * DYN-2: makes stored dynamic memberships trustworthy before they are read or counted
 * (ListThingsInThingGroup, ListThingGroupsForThing, AddThingToThingGroup's limits).
 */
export function ensureDynamicMembership(ctx: OperationContext): void {
  withFleet(ctx, (fleet, s) => {
    if (!fleet.stale || reconciledBy(ctx) === fleet.run) return;
    if (readIndexingSettings(ctx).thing.thingIndexingMode === "OFF") return;
    recomputeAllGroups(fleet, ctx, s);
    markReconciled(ctx, fleet.run);
  });
}

/**
 * IDX-1/IDX-4: called by UpdateIndexingConfiguration after storing `after`. Records the
 * BUILDING/REBUILDING phase, and when what AWS_Things indexes changed, recomputes dynamic
 * groups over the rebuilt index (e.g. shadow data no longer indexed).
 */
export function indexingConfigurationChanged(
  ctx: OperationContext,
  before: IndexingSettings,
  after: IndexingSettings,
): void {
  withFleet(ctx, (fleet, s) => {
    const thingsChanged = recordConfigurationChange(ctx, before, after);
    if (thingsChanged && after.thing.thingIndexingMode !== "OFF") recomputeAllGroups(fleet, ctx, s);
  });
}

/** DYN-1/DYN-5: BUILDING or REBUILDING until the group's build time has passed on the sandbox clock. */
export function dynamicGroupStatus(ctx: OperationContext, doc: ThingGroupDoc): ThingGroupDoc["status"] {
  if (doc.status === "ACTIVE" || doc.activeAt === undefined) return doc.status;
  return ctx.clock.nowMs() >= Date.parse(doc.activeAt) ? "ACTIVE" : doc.status;
}
