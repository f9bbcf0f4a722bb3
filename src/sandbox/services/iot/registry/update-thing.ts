import type { UpdateThingRequest, UpdateThingResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { invalidRequest } from "../common.js";
import { applyAttributePayload, checkThingAttributeCount } from "./attributes.js";
import { attributePayloadConstraints, resourceName } from "./constraints.js";
import { checkExpectedVersion, requireThing, requireUsableThingType, thingChanged, things } from "./model.js";

/** THG-3: version check, attribute merge/replace, type change or removal; version + 1. */
export const updateThing = defineOperation<UpdateThingRequest, UpdateThingResponse>({
  name: "UpdateThing",
  constraints: {
    thingName: resourceName,
    thingTypeName: resourceName,
    ...attributePayloadConstraints("attributePayload"),
  },
  handler: (input, ctx) => {
    const doc = requireThing(ctx, input.thingName as string);
    checkExpectedVersion("thing", doc.thingName, doc.version, input.expectedVersion);
    if (input.removeThingType && input.thingTypeName !== undefined)
      throw invalidRequest("You cannot set removeThingType to true and also specify a thingTypeName.");
    if (input.removeThingType) delete doc.thingTypeName;
    else if (input.thingTypeName !== undefined && input.thingTypeName !== doc.thingTypeName) {
      requireUsableThingType(ctx, input.thingTypeName);
      doc.thingTypeName = input.thingTypeName;
    }
    doc.attributes = applyAttributePayload(doc.attributes, input.attributePayload);
    checkThingAttributeCount(doc.attributes, doc.thingTypeName !== undefined);
    doc.version += 1;
    things(ctx).put(doc.thingName, doc);
    thingChanged(ctx, doc.thingName);
    return {};
  },
});
