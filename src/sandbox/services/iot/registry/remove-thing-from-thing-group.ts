import type {
  RemoveThingFromThingGroupRequest,
  RemoveThingFromThingGroupResponse,
} from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { RELATION, relation } from "../common.js";
import { resourceName } from "./constraints.js";
import { requireStatic, resolveThing, resolveThingGroup } from "./groups.js";
import { thingChanged } from "./model.js";

/** GRP-4: thing and group must exist; not a member → 200; dynamic group → 400. */
export const removeThingFromThingGroup = defineOperation<
  RemoveThingFromThingGroupRequest,
  RemoveThingFromThingGroupResponse
>({
  name: "RemoveThingFromThingGroup",
  constraints: { thingGroupName: resourceName, thingName: resourceName },
  handler: (input, ctx) => {
    const group = resolveThingGroup(ctx, input.thingGroupName, input.thingGroupArn);
    const thing = resolveThing(ctx, input.thingName, input.thingArn);
    requireStatic(group, "RemoveThingFromThingGroup");
    if (relation(ctx, RELATION.groupMembers).unlink(group.thingGroupName, thing.thingName))
      thingChanged(ctx, thing.thingName);
    return {};
  },
});
