import type { DescribeThingTypeRequest, DescribeThingTypeResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { resourceName } from "./constraints.js";
import { requireThingType } from "./model.js";
import { thingTypeView } from "./thing-types.js";

/** TTY-2 */
export const describeThingType = defineOperation<DescribeThingTypeRequest, DescribeThingTypeResponse>({
  name: "DescribeThingType",
  constraints: { thingTypeName: resourceName },
  handler: (input, ctx) => {
    const doc = requireThingType(ctx, input.thingTypeName as string);
    return { ...thingTypeView(ctx, doc), thingTypeId: doc.thingTypeId };
  },
});
