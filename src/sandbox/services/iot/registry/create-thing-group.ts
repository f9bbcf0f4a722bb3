import { randomUUID } from "node:crypto";
import type { CreateThingGroupRequest, CreateThingGroupResponse } from "@aws-sdk/client-iot";
import { defineOperation, type OperationContext } from "../../types.js";
import { invalidRequest, putTags } from "../common.js";
import { checkGroupAttributeCount } from "./attributes.js";
import { resourceName, tagListConstraints, thingGroupPropertiesConstraints } from "./constraints.js";
import { Hierarchy, MAX_CHILD_GROUPS, MAX_GROUP_DEPTH } from "./groups.js";
import { alreadyExists, sameJson, thingGroupArn, thingGroups } from "./model.js";

/** GRP-1: parent must be an existing static group; depth ≤ 7, ≤ 100 children, ≤ 50 attributes. */
function checkParent(ctx: OperationContext, parentName: string): void {
  // The model lists no ResourceNotFoundException for CreateThingGroup: a missing parent is a bad request.
  const parent = thingGroups(ctx).get(parentName);
  if (!parent) throw invalidRequest(`Parent thing group ${parentName} does not exist.`);
  if (parent.dynamic)
    throw invalidRequest(
      `Parent thing group ${parentName} is a dynamic thing group and cannot have children.`,
    );
  const hierarchy = new Hierarchy(ctx);
  if (hierarchy.depth(parentName) + 1 > MAX_GROUP_DEPTH)
    throw invalidRequest(`A thing group hierarchy can be at most ${MAX_GROUP_DEPTH} levels deep.`);
  if (hierarchy.childrenOf(parentName).length >= MAX_CHILD_GROUPS)
    throw invalidRequest(`Thing group ${parentName} already has ${MAX_CHILD_GROUPS} child groups.`);
}

/** GRP-1: identical re-create → 200 with the same ARN and id; different → 409. */
export const createThingGroup = defineOperation<CreateThingGroupRequest, CreateThingGroupResponse>({
  name: "CreateThingGroup",
  constraints: {
    thingGroupName: resourceName,
    parentGroupName: resourceName,
    ...thingGroupPropertiesConstraints("thingGroupProperties"),
    ...tagListConstraints("tags"),
  },
  handler: (input, ctx) => {
    const name = input.thingGroupName as string;
    const description = input.thingGroupProperties?.thingGroupDescription;
    const attributes = { ...(input.thingGroupProperties?.attributePayload?.attributes ?? {}) };
    const arn = thingGroupArn(ctx, name);
    const existing = thingGroups(ctx).get(name);
    if (existing) {
      if (
        existing.dynamic ||
        existing.parentGroupName !== input.parentGroupName ||
        existing.description !== description ||
        !sameJson(existing.attributes, attributes)
      )
        throw alreadyExists(
          `Thing group ${name} already exists with different properties`,
          existing.thingGroupId,
          arn,
        );
      return { thingGroupName: name, thingGroupArn: arn, thingGroupId: existing.thingGroupId };
    }
    checkGroupAttributeCount(attributes);
    if (input.parentGroupName !== undefined) checkParent(ctx, input.parentGroupName);
    const thingGroupId = randomUUID();
    thingGroups(ctx).put(name, {
      thingGroupName: name,
      thingGroupId,
      version: 1,
      description,
      attributes,
      parentGroupName: input.parentGroupName,
      creationDate: ctx.clock.now().toISOString(),
      dynamic: false,
    });
    putTags(ctx, arn, input.tags);
    return { thingGroupName: name, thingGroupArn: arn, thingGroupId };
  },
});
