import type { DescribeThingRequest, DescribeThingResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { resourceName } from "./constraints.js";
import { requireThing, thingArn } from "./model.js";

/** THG-4: `defaultClientId` is the thing name. */
export const describeThing = defineOperation<DescribeThingRequest, DescribeThingResponse>({
  name: "DescribeThing",
  constraints: { thingName: resourceName },
  handler: (input, ctx) => {
    const doc = requireThing(ctx, input.thingName as string);
    return {
      defaultClientId: doc.thingName,
      thingName: doc.thingName,
      thingId: doc.thingId,
      thingArn: thingArn(ctx, doc.thingName),
      thingTypeName: doc.thingTypeName,
      attributes: doc.attributes,
      version: doc.version,
      billingGroupName: doc.billingGroupName,
    };
  },
});
