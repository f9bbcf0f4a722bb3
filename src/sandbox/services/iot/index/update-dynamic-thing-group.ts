import type { UpdateDynamicThingGroupRequest, UpdateDynamicThingGroupResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { applyAttributePayload, checkGroupAttributeCount } from "../registry/attributes.js";
import { resourceName, thingGroupPropertiesConstraints } from "../registry/constraints.js";
import { checkExpectedVersion, requireThingGroup, thingGroups } from "../registry/model.js";
import { indexName, nonEmpty } from "./constraints.js";
import { buildingStatus, checkDynamicTarget, requireDynamic } from "./dynamic-group-helpers.js";
import { dynamicGroups, recomputeGroup } from "./dynamic-groups.js";
import { withFleet } from "./fleet.js";
import { currentThingIndex } from "./fleet-state.js";
import { bumpDynamicGroupsGeneration } from "./index-status.js";
import { parseQuery } from "./query-syntax.js";

/**
 * DYN-5: properties as UpdateThingGroup; a new query is validated, turns the group REBUILDING
 * and recomputes its membership; `version` + 1.
 */
export const updateDynamicThingGroup = defineOperation<
  UpdateDynamicThingGroupRequest,
  UpdateDynamicThingGroupResponse
>({
  name: "UpdateDynamicThingGroup",
  constraints: {
    thingGroupName: resourceName,
    indexName,
    queryString: nonEmpty,
    ...thingGroupPropertiesConstraints("thingGroupProperties"),
  },
  handler: (input, ctx) => {
    const doc = requireThingGroup(ctx, input.thingGroupName as string);
    requireDynamic(doc, "UpdateDynamicThingGroup");
    checkExpectedVersion("thing group", doc.thingGroupName, doc.version, input.expectedVersion);
    checkDynamicTarget(input.indexName, input.queryVersion);
    if (input.queryString !== undefined) parseQuery(input.queryString);
    const props = input.thingGroupProperties ?? {};
    if (props.thingGroupDescription !== undefined) {
      if (props.thingGroupDescription === "") delete doc.description;
      else doc.description = props.thingGroupDescription;
    }
    doc.attributes = applyAttributePayload(doc.attributes, props.attributePayload);
    checkGroupAttributeCount(doc.attributes);
    doc.version += 1;
    const queryChanged = input.queryString !== undefined && input.queryString !== doc.queryString;
    if (queryChanged) Object.assign(doc, buildingStatus(ctx, "REBUILDING"));
    doc.queryString = input.queryString ?? doc.queryString;
    return withFleet(ctx, (fleet, s) => {
      const index = queryChanged ? currentThingIndex(fleet, ctx) : undefined;
      thingGroups(ctx).put(doc.thingGroupName, doc);
      if (!queryChanged) return { version: doc.version };
      bumpDynamicGroupsGeneration(ctx);
      const groups = dynamicGroups(ctx, s);
      const group = groups.find((g) => g.name === doc.thingGroupName);
      if (index && group) recomputeGroup(ctx, index, group, groups);
      return { version: doc.version };
    });
  },
});
