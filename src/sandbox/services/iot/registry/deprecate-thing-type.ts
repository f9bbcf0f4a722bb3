import type { DeprecateThingTypeRequest, DeprecateThingTypeResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { resourceName } from "./constraints.js";
import { requireThingType, thingTypes } from "./model.js";

/**
 * TTY-3. Deprecating an already deprecated type keeps its first deprecationDate, so a repeated
 * call cannot postpone the TTY-4 deletion window (emulator choice).
 */
export const deprecateThingType = defineOperation<DeprecateThingTypeRequest, DeprecateThingTypeResponse>({
  name: "DeprecateThingType",
  constraints: { thingTypeName: resourceName },
  handler: (input, ctx) => {
    const doc = requireThingType(ctx, input.thingTypeName as string);
    if (input.undoDeprecate) {
      doc.deprecated = false;
      delete doc.deprecationDate;
    } else if (!doc.deprecated) {
      doc.deprecated = true;
      doc.deprecationDate = ctx.clock.now().toISOString();
    }
    thingTypes(ctx).put(doc.thingTypeName, doc);
    return {};
  },
});
