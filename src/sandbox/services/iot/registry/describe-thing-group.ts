import type { DescribeThingGroupRequest, DescribeThingGroupResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { dynamicGroupStatus } from "../index/fleet.js";
import { resourceName } from "./constraints.js";
import { ancestorNames, nameAndArn } from "./groups.js";
import { requireThingGroup, thingGroupArn, toDate } from "./model.js";

/** GRP-2: static groups never carry `queryString` (clients tell dynamic groups by it). */
export const describeThingGroup = defineOperation<DescribeThingGroupRequest, DescribeThingGroupResponse>({
  name: "DescribeThingGroup",
  constraints: { thingGroupName: resourceName },
  handler: (input, ctx) => {
    const doc = requireThingGroup(ctx, input.thingGroupName as string);
    const ancestors = ancestorNames(ctx, doc);
    const hasAttributes = Object.keys(doc.attributes).length > 0;
    const out: DescribeThingGroupResponse = {
      thingGroupName: doc.thingGroupName,
      thingGroupId: doc.thingGroupId,
      thingGroupArn: thingGroupArn(ctx, doc.thingGroupName),
      version: doc.version,
      thingGroupProperties: {
        thingGroupDescription: doc.description,
        attributePayload: hasAttributes ? { attributes: doc.attributes } : undefined,
      },
      thingGroupMetadata: {
        parentGroupName: doc.parentGroupName,
        rootToParentThingGroups: ancestors.length > 0 ? ancestors.map((n) => nameAndArn(ctx, n)) : undefined,
        creationDate: toDate(doc.creationDate),
      },
    };
    if (doc.dynamic) {
      out.indexName = doc.indexName;
      out.queryString = doc.queryString;
      out.queryVersion = doc.queryVersion;
      out.status = dynamicGroupStatus(ctx, doc);
    }
    return out;
  },
});
