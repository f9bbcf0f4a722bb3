import type { UpdateThingGroupRequest, UpdateThingGroupResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { applyAttributePayload, checkGroupAttributeCount } from "./attributes.js";
import { resourceName, thingGroupPropertiesConstraints } from "./constraints.js";
import { checkExpectedVersion, requireThingGroup, thingGroups } from "./model.js";

/**
 * GRP-5 versioning: `expectedVersion` must match; the description is replaced when given (an
 * empty one removes it) and attributes follow THG-3's merge rules. Returns the new version.
 */
export const updateThingGroup = defineOperation<UpdateThingGroupRequest, UpdateThingGroupResponse>({
  name: "UpdateThingGroup",
  constraints: {
    thingGroupName: resourceName,
    ...thingGroupPropertiesConstraints("thingGroupProperties"),
  },
  handler: (input, ctx) => {
    const doc = requireThingGroup(ctx, input.thingGroupName as string);
    checkExpectedVersion("thing group", doc.thingGroupName, doc.version, input.expectedVersion);
    const props = input.thingGroupProperties ?? {};
    if (props.thingGroupDescription !== undefined) {
      if (props.thingGroupDescription === "") delete doc.description;
      else doc.description = props.thingGroupDescription;
    }
    doc.attributes = applyAttributePayload(doc.attributes, props.attributePayload);
    checkGroupAttributeCount(doc.attributes);
    doc.version += 1;
    thingGroups(ctx).put(doc.thingGroupName, doc);
    return { version: doc.version };
  },
});
