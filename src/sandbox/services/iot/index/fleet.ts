/**
 * Entry points of fleet indexing for handlers (its own and the registry's). The first call in a
 * process subscribes to the event bus. Events emitted before that were not heard, so when the
 * subscription is late, dynamic memberships are recomputed once per process and scope before
 * they are read (the index itself is always built from the store, so it never misses anything).
 * `startFleetIndex` subscribes at startup instead, which makes that recomputation unnecessary.
 */
import { randomUUID } from "node:crypto";
import { createOperationContext } from "../../../context.js";
import { isServiceError } from "../../../errors.js";
import type { SandboxEvent } from "../../../events.js";
import type { OperationContext } from "../../types.js";
import { scopeKey } from "../common.js";
import { type IndexingSettings, readIndexingSettings } from "../registry/indexing.js";
import type { ThingGroupDoc } from "../registry/model.js";
import { dynamicGroups, recomputeGroup, reevaluateThing } from "./dynamic-groups.js";
import {
  createFleet,
  currentThingIndex,
  dropScope,
  type Fleet,
  fleetOf,
  markDirty,
  type ScopeState,
  scopeContext,
  scopeState,
} from "./fleet-state.js";
import { markReconciled, reconciledBy, recordConfigurationChange } from "./index-status.js";
import { shadowIndexed } from "./thing-document.js";
import type { ThingIndex } from "./thing-index.js";

function onEvent(fleet: Fleet, e: SandboxEvent): void {
  try {
    follow(fleet, e);
  } catch (err) {
    // The writer's change stands; memberships are recomputed before they are next read.
    process.stderr.write(`iotdm sandbox: fleet index could not follow ${e.type}: ${String(err)}\n`);
    if (e.type !== "mqtt.publish") dropScope(fleet, e.scope);
    fleet.late = true;
    fleet.run = randomUUID();
  }
}

function follow(fleet: Fleet, e: SandboxEvent): void {
  if (fleet.quiet > 0) return;
  if (e.type === "mqtt.publish") return;
  // One accepted update emits accepted, documents and delta: react once.
  if (e.type === "shadow.updated" && e.topicSuffix !== "update/accepted") return;
  const ctx = scopeContext(fleet, e.scope);
  const cfg = readIndexingSettings(ctx).thing;
  if (cfg.thingIndexingMode === "OFF") return;
  if ((e.type === "shadow.updated" || e.type === "shadow.deleted") && !shadowIndexed(cfg, e.shadowName))
    return;
  markDirty(fleet, e.scope, e.thingName);
  if (e.type !== "thing.deleted") reevaluateThing(fleet, ctx, scopeState(fleet, e.scope), e.thingName);
}

function attach(ctx: OperationContext): Fleet {
  return fleetOf(ctx.events) ?? createFleet(ctx, true, onEvent);
}

/** Subscribes fleet indexing to a sandbox's events before it serves requests. */
export function startFleetIndex(
  deps: Pick<OperationContext, "store" | "events" | "clock" | "settings">,
): void {
  if (fleetOf(deps.events)) return;
  const base = createOperationContext(deps, {
    scope: { accountId: "", region: "" },
    requestId: "fleet-index",
    origin: { kind: "internal", name: "fleet-index" },
  });
  createFleet(base, false, onEvent);
}

/**
 * Runs `fn` with the fleet and the scope's state. Refusals (ServiceError) come before any
 * in-memory change; anything else may have left memory ahead of a transaction that now rolls
 * back, so the scope's in-memory state is dropped and rebuilt from the store when next used.
 */
export function withFleet<T>(ctx: OperationContext, fn: (fleet: Fleet, s: ScopeState) => T): T {
  const fleet = attach(ctx);
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
  for (const g of groups) recomputeGroup(fleet, ctx, index, g, groups);
}

/**
 * DYN-2: makes stored dynamic memberships trustworthy before they are read or counted
 * (ListThingsInThingGroup, ListThingGroupsForThing, AddThingToThingGroup's limits).
 */
export function ensureDynamicMembership(ctx: OperationContext): void {
  withFleet(ctx, (fleet, s) => {
    if (!fleet.late || reconciledBy(ctx) === fleet.run) return;
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
