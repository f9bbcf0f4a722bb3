/**
 * Fleet indexing configuration (IDX-1..3): stored in KIND.settings id `indexing`, read by the
 * index and dynamic groups. Managed fields are derived from the modes, never stored.
 */
import type { Field, ThingGroupIndexingConfiguration, ThingIndexingConfiguration } from "@aws-sdk/client-iot";
import type { OperationContext } from "../../types.js";
import { collection, KIND } from "../common.js";

export interface IndexingSettings {
  thing: Omit<ThingIndexingConfiguration, "managedFields">;
  group: Omit<ThingGroupIndexingConfiguration, "managedFields">;
}

/** IDX-3: defaults before first use. */
export const DEFAULT_INDEXING: IndexingSettings = {
  thing: {
    thingIndexingMode: "OFF",
    thingConnectivityIndexingMode: "OFF",
    deviceDefenderIndexingMode: "OFF",
    namedShadowIndexingMode: "OFF",
  },
  group: { thingGroupIndexingMode: "OFF" },
};

const settings = (ctx: OperationContext) => collection<IndexingSettings>(ctx, KIND.settings);

/** Shared and frozen: every shadow update and every search reads it. */
export function readIndexingSettings(ctx: OperationContext): Readonly<IndexingSettings> {
  return settings(ctx).getShared("indexing") ?? DEFAULT_INDEXING;
}

export function writeIndexingSettings(ctx: OperationContext, value: IndexingSettings): void {
  settings(ctx).put("indexing", value);
}

const field = (name: string, type: Field["type"]): Field => ({ name, type });

/** Managed fields of AWS_Things per enabled data source (fleet indexing "Managed fields"). */
export function managedThingFields(cfg: IndexingSettings["thing"]): Field[] {
  if (cfg.thingIndexingMode === "OFF") return [];
  const fields = [
    field("thingId", "String"),
    field("thingName", "String"),
    field("registry.version", "Number"),
    field("registry.thingTypeName", "String"),
    field("registry.thingGroupNames", "String"),
  ];
  if (cfg.thingIndexingMode === "REGISTRY_AND_SHADOW")
    fields.push(field("shadow.version", "Number"), field("shadow.hasDelta", "Boolean"));
  if (cfg.namedShadowIndexingMode === "ON")
    fields.push(field("shadow.name.*.version", "Number"), field("shadow.name.*.hasDelta", "Boolean"));
  if (cfg.thingConnectivityIndexingMode === "STATUS")
    fields.push(
      field("connectivity.timestamp", "Number"),
      field("connectivity.version", "Number"),
      field("connectivity.connected", "Boolean"),
      field("connectivity.disconnectReason", "String"),
    );
  if (cfg.deviceDefenderIndexingMode === "VIOLATIONS")
    fields.push(field("deviceDefender.violationCount", "Number"));
  return fields;
}

/** Managed fields of AWS_ThingGroups. */
export function managedGroupFields(cfg: IndexingSettings["group"]): Field[] {
  if (cfg.thingGroupIndexingMode !== "ON") return [];
  return [
    field("description", "String"),
    field("parentGroupNames", "String"),
    field("thingGroupId", "String"),
    field("thingGroupName", "String"),
    field("version", "Number"),
  ];
}
