import type { UpdateThingTypeRequest, UpdateThingTypeResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { requireThingType, thingTypes } from "./model.js";
import { checkThingTypeProperties, thingTypeConstraints } from "./thing-types.js";

/** TTY-5: replaces the type's properties (still at most 3 searchable attributes). */
export const updateThingType = defineOperation<UpdateThingTypeRequest, UpdateThingTypeResponse>({
  name: "UpdateThingType",
  constraints: thingTypeConstraints,
  handler: (input, ctx) => {
    const doc = requireThingType(ctx, input.thingTypeName as string);
    if (input.thingTypeProperties !== undefined) {
      doc.properties = checkThingTypeProperties(input.thingTypeProperties);
      thingTypes(ctx).put(doc.thingTypeName, doc);
    }
    return {};
  },
});
