/**
 * Durable state of the fleet indexes (IDX-4): each index's BUILDING/REBUILDING phase on the
 * sandbox clock, and the epoch that tells the in-memory index when it must be rebuilt (a
 * configuration change, a sandbox reset, a rolled-back transaction). Kept in the store so it
 * follows transactions and restarts.
 */
import { randomUUID } from "node:crypto";
import type { IndexStatus } from "@aws-sdk/client-iot";
import type { SandboxSettings } from "../../../settings.js";
import type { OperationContext } from "../../types.js";
import { collection, notFound } from "../common.js";
import { type IndexingSettings, readIndexingSettings } from "../registry/indexing.js";
import { ServiceError } from "../../../errors.js";

export const THINGS_INDEX = "AWS_Things";
export const GROUPS_INDEX = "AWS_ThingGroups";

/** Singletons by id: `status`, `dynamicGroups`, `reconciled`. */
const STATE_KIND = "iot.indexState";

interface Phase {
  status: "BUILDING" | "REBUILDING";
  readyAtMs: number;
}

interface StatusDoc {
  epoch: string;
  things?: Phase;
  groups?: Phase;
}

const state = <T>(ctx: OperationContext) => collection<T>(ctx, STATE_KIND);

/**
 * IDX-4 / DYN-1: seconds an index (or a dynamic group) stays BUILDING/REBUILDING; 0 by default.
 * Read from the settings when they carry it, else from IOTDM_INDEX_BUILD_DELAY_SECONDS.
 */
export function buildDelayMs(settings: SandboxSettings & { indexBuildDelaySeconds?: number }): number {
  const seconds = settings.indexBuildDelaySeconds ?? Number(process.env.IOTDM_INDEX_BUILD_DELAY_SECONDS ?? 0);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

/** Shared and frozen: every search and index refresh reads it. */
function readStatus(ctx: OperationContext): Readonly<StatusDoc> {
  return state<StatusDoc>(ctx).getShared("status") ?? { epoch: "initial" };
}

/** Changes whenever the in-memory thing index must be rebuilt from the store. */
export const indexEpoch = (ctx: OperationContext): string => readStatus(ctx).epoch;

function phaseAfter(
  ctx: OperationContext,
  wasOn: boolean,
  isOn: boolean,
  changed: boolean,
  current: Phase | undefined,
): Phase | undefined {
  if (!isOn) return undefined;
  if (wasOn && !changed) return current;
  return {
    status: wasOn ? "REBUILDING" : "BUILDING",
    readyAtMs: ctx.clock.nowMs() + buildDelayMs(ctx.settings),
  };
}

/** IDX-4: first enablement BUILDING, later changes REBUILDING; returns whether AWS_Things changed. */
export function recordConfigurationChange(
  ctx: OperationContext,
  before: IndexingSettings,
  after: IndexingSettings,
): boolean {
  const doc = readStatus(ctx);
  const thingsChanged = JSON.stringify(before.thing) !== JSON.stringify(after.thing);
  const groupsChanged = JSON.stringify(before.group) !== JSON.stringify(after.group);
  const next: StatusDoc = {
    epoch: thingsChanged ? randomUUID() : doc.epoch,
    things: phaseAfter(
      ctx,
      before.thing.thingIndexingMode !== "OFF",
      after.thing.thingIndexingMode !== "OFF",
      thingsChanged,
      doc.things,
    ),
    groups: phaseAfter(
      ctx,
      before.group.thingGroupIndexingMode === "ON",
      after.group.thingGroupIndexingMode === "ON",
      groupsChanged,
      doc.groups,
    ),
  };
  state<StatusDoc>(ctx).put("status", next);
  return thingsChanged;
}

/** IDX-4 schema names. */
function thingSchema(cfg: IndexingSettings["thing"]): string {
  if (cfg.namedShadowIndexingMode === "ON" || cfg.deviceDefenderIndexingMode === "VIOLATIONS")
    return "MULTI_INDEXING_MODE";
  const shadow = cfg.thingIndexingMode === "REGISTRY_AND_SHADOW" ? "_AND_SHADOW" : "";
  const connectivity = cfg.thingConnectivityIndexingMode === "STATUS" ? "_AND_CONNECTIVITY_STATUS" : "";
  return `REGISTRY${shadow}${connectivity}`;
}

export interface IndexDescription {
  indexName: string;
  indexStatus: IndexStatus;
  schema: string;
}

/** The indexes that exist (IDX-4: AWS_Things iff thing indexing is on, AWS_ThingGroups iff group indexing is). */
export function existingIndexes(ctx: OperationContext): IndexDescription[] {
  const cfg = readIndexingSettings(ctx);
  const doc = readStatus(ctx);
  const now = ctx.clock.nowMs();
  const statusOf = (p: Phase | undefined): IndexStatus => (p && now < p.readyAtMs ? p.status : "ACTIVE");
  const out: IndexDescription[] = [];
  if (cfg.group.thingGroupIndexingMode === "ON")
    out.push({ indexName: GROUPS_INDEX, indexStatus: statusOf(doc.groups), schema: "REGISTRY" });
  if (cfg.thing.thingIndexingMode !== "OFF")
    out.push({ indexName: THINGS_INDEX, indexStatus: statusOf(doc.things), schema: thingSchema(cfg.thing) });
  return out;
}

/** IDX-4: unknown or disabled index → 404. */
export function describeExistingIndex(ctx: OperationContext, indexName: string): IndexDescription {
  const found = existingIndexes(ctx).find((i) => i.indexName === indexName);
  if (!found) throw notFound(`Index ${indexName} does not exist.`);
  return found;
}

/** IDX-4: queries run on ACTIVE and REBUILDING indexes; BUILDING → 400 IndexNotReadyException. */
export function queryableIndex(ctx: OperationContext, indexName: string): IndexDescription {
  const index = describeExistingIndex(ctx, indexName);
  if (index.indexStatus === "BUILDING")
    throw new ServiceError("IndexNotReadyException", `Index ${indexName} is still being built.`, {}, 400);
  return index;
}

/** Changes whenever a dynamic group is created, updated or deleted (cached group lists follow it). */
export function dynamicGroupsGeneration(ctx: OperationContext): string | undefined {
  return state<{ generation: string }>(ctx).getShared("dynamicGroups")?.generation;
}

export function bumpDynamicGroupsGeneration(ctx: OperationContext): void {
  state<{ generation: string }>(ctx).put("dynamicGroups", { generation: randomUUID() });
}

/** Which sandbox process last brought dynamic memberships up to date (see fleet.ts). */
export function reconciledBy(ctx: OperationContext): string | undefined {
  return state<{ run: string }>(ctx).get("reconciled")?.run;
}

export function markReconciled(ctx: OperationContext, run: string): void {
  state<{ run: string }>(ctx).put("reconciled", { run });
}
