import type {
  Field,
  ThingGroupIndexingConfiguration,
  ThingIndexingConfiguration,
  UpdateIndexingConfigurationRequest,
  UpdateIndexingConfigurationResponse,
} from "@aws-sdk/client-iot";
import { len, oneOf } from "../../../protocol/validate.js";
import { defineOperation, type OperationContext } from "../../types.js";
import { invalidRequest } from "../common.js";
import {
  type IndexingSettings,
  managedGroupFields,
  managedThingFields,
  readIndexingSettings,
  writeIndexingSettings,
} from "./indexing.js";
import { indexingConfigurationChanged } from "../index/fleet.js";
import { thingGroups } from "./model.js";

/** IDX-1 [S17]: named shadows in the filter, `$package` not counted. */
export const MAX_INDEXED_SHADOW_NAMES = 10;
const FIELD_TYPE = oneOf("Number", "String", "Boolean");

/** IDX-2: which custom field names the thing modes can index (fleet indexing "Custom fields"). */
function customFieldAllowed(name: string, cfg: IndexingSettings["thing"]): boolean {
  if (name.startsWith("attributes.")) return true;
  if (name.startsWith("shadow.name.")) return cfg.namedShadowIndexingMode === "ON";
  if (name.startsWith("shadow.")) return cfg.thingIndexingMode === "REGISTRY_AND_SHADOW";
  if (name.startsWith("deviceDefender.")) return cfg.deviceDefenderIndexingMode === "VIOLATIONS";
  return false;
}

function checkCustomFields(fields: Field[], managed: Field[], allowed: (name: string) => boolean): void {
  for (const f of fields) {
    if (!f.name || !f.type) throw invalidRequest("Every custom field needs a name and a type.");
    if (managed.some((m) => m.name === f.name))
      throw invalidRequest(`${f.name} is a managed field and cannot be a custom field.`);
    if (!allowed(f.name))
      throw invalidRequest(`Custom field ${f.name} cannot be indexed with the requested indexing modes.`);
  }
}

function nextThingConfig(
  ctx: OperationContext,
  current: IndexingSettings["thing"],
  input: ThingIndexingConfiguration,
): IndexingSettings["thing"] {
  const next: IndexingSettings["thing"] = {
    thingIndexingMode: input.thingIndexingMode,
    thingConnectivityIndexingMode: input.thingConnectivityIndexingMode ?? "OFF",
    deviceDefenderIndexingMode: input.deviceDefenderIndexingMode ?? "OFF",
    namedShadowIndexingMode: input.namedShadowIndexingMode ?? "OFF",
  };
  if (next.thingIndexingMode === "OFF") {
    if (
      next.thingConnectivityIndexingMode !== "OFF" ||
      next.deviceDefenderIndexingMode !== "OFF" ||
      next.namedShadowIndexingMode !== "OFF"
    )
      throw invalidRequest(
        "Connectivity, Device Defender and named shadow indexing need thingIndexingMode REGISTRY or REGISTRY_AND_SHADOW.",
      );
    const dynamic = [...thingGroups(ctx).iterate()].find((g) => g.doc.dynamic);
    if (dynamic)
      throw invalidRequest(
        `Thing indexing cannot be turned off while dynamic thing groups exist (e.g. ${dynamic.id}).`,
      );
    return next;
  }
  // customFields and filter are kept when omitted: AWS asks to remove custom fields that a new
  // mode cannot index before changing the mode, which only matters if they persist.
  const filter = input.filter ?? current.filter;
  const shadowNames = (filter?.namedShadowNames ?? []).filter((n) => n !== "$package");
  if (shadowNames.length > MAX_INDEXED_SHADOW_NAMES)
    throw invalidRequest(
      `At most ${MAX_INDEXED_SHADOW_NAMES} named shadows can be indexed ($package not counted); got ${shadowNames.length}.`,
    );
  if (filter) next.filter = filter;
  const customFields = input.customFields ?? current.customFields ?? [];
  checkCustomFields(customFields, managedThingFields(next), (n) => customFieldAllowed(n, next));
  if (customFields.length > 0) next.customFields = customFields;
  return next;
}

function nextGroupConfig(
  current: IndexingSettings["group"],
  input: ThingGroupIndexingConfiguration,
): IndexingSettings["group"] {
  const next: IndexingSettings["group"] = { thingGroupIndexingMode: input.thingGroupIndexingMode };
  if (next.thingGroupIndexingMode === "OFF") return next;
  const customFields = input.customFields ?? current.customFields ?? [];
  checkCustomFields(customFields, managedGroupFields(next), (n) => n.startsWith("attributes."));
  if (customFields.length > 0) next.customFields = customFields;
  return next;
}

/** IDX-1/2: each given structure replaces the stored one (managedFields are read-only). */
export const updateIndexingConfiguration = defineOperation<
  UpdateIndexingConfigurationRequest,
  UpdateIndexingConfigurationResponse
>({
  name: "UpdateIndexingConfiguration",
  constraints: {
    "thingIndexingConfiguration.thingIndexingMode": oneOf("OFF", "REGISTRY", "REGISTRY_AND_SHADOW"),
    "thingIndexingConfiguration.thingConnectivityIndexingMode": oneOf("OFF", "STATUS"),
    "thingIndexingConfiguration.deviceDefenderIndexingMode": oneOf("OFF", "VIOLATIONS"),
    "thingIndexingConfiguration.namedShadowIndexingMode": oneOf("OFF", "ON"),
    "thingIndexingConfiguration.managedFields[].type": FIELD_TYPE,
    "thingIndexingConfiguration.customFields[].type": FIELD_TYPE,
    "thingIndexingConfiguration.filter.namedShadowNames[]": len(1, 64, "^[$a-zA-Z0-9:_-]+$"),
    "thingIndexingConfiguration.filter.geoLocations[].order": oneOf("LatLon", "LonLat"),
    "thingGroupIndexingConfiguration.thingGroupIndexingMode": oneOf("OFF", "ON"),
    "thingGroupIndexingConfiguration.managedFields[].type": FIELD_TYPE,
    "thingGroupIndexingConfiguration.customFields[].type": FIELD_TYPE,
  },
  handler: (input, ctx) => {
    const current = readIndexingSettings(ctx);
    const next: IndexingSettings = {
      thing: input.thingIndexingConfiguration
        ? nextThingConfig(ctx, current.thing, input.thingIndexingConfiguration)
        : current.thing,
      group: input.thingGroupIndexingConfiguration
        ? nextGroupConfig(current.group, input.thingGroupIndexingConfiguration)
        : current.group,
    };
    writeIndexingSettings(ctx, next);
    indexingConfigurationChanged(ctx, current, next);
    return {};
  },
});
