import type { DeleteThingGroupRequest, DeleteThingGroupResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { deleteTags, invalidRequest, RELATION, relation } from "../common.js";
import { policiesChanged } from "../security/mqtt-authorization.js";
import { resourceName } from "./constraints.js";
import { Hierarchy, requireStatic } from "./groups.js";
import { checkExpectedVersion, thingChanged, thingGroupArn, thingGroups } from "./model.js";

/**
 * GRP-5: unknown → 200; dynamic groups have their own delete operation; child groups block
 * the deletion; members are simply detached, and so are the IoT policies attached to the group
 * (a group made again under the same name, hence the same ARN, starts with none).
 */
export const deleteThingGroup = defineOperation<DeleteThingGroupRequest, DeleteThingGroupResponse>({
  name: "DeleteThingGroup",
  constraints: { thingGroupName: resourceName },
  handler: (input, ctx) => {
    const name = input.thingGroupName as string;
    const doc = thingGroups(ctx).get(name);
    if (!doc) return {};
    requireStatic(doc, "DeleteThingGroup (use DeleteDynamicThingGroup)");
    checkExpectedVersion("thing group", name, doc.version, input.expectedVersion);
    const children = new Hierarchy(ctx).childrenOf(name);
    if (children.length > 0)
      throw invalidRequest(
        `Cannot delete thing group ${name}: it has child groups (${children.slice(0, 5).join(", ")}).`,
      );
    const members = relation(ctx, RELATION.groupMembers);
    const detached = members.targets(name);
    members.unlinkAllFrom(name);
    thingGroups(ctx).delete(name);
    const arn = thingGroupArn(ctx, name);
    if (relation(ctx, RELATION.policyTargets).unlinkAllTo(arn) > 0) policiesChanged(ctx, arn);
    deleteTags(ctx, arn);
    for (const thingName of detached) thingChanged(ctx, thingName);
    return {};
  },
});
