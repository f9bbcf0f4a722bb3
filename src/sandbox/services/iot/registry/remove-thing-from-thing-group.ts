import type {
  RemoveThingFromThingGroupRequest,
  RemoveThingFromThingGroupResponse,
} from "@aws-sdk/client-iot";
import { defineOperation, type OperationContext } from "../../types.js";
import { RELATION, relation } from "../common.js";
import { resourceName } from "./constraints.js";
import { requireStatic, resolveThing, resolveThingGroup } from "./groups.js";
import { type ThingDoc, type ThingGroupDoc, thingChanged } from "./model.js";

/**
 * GRP-4: takes a thing out of a static group; not a member is not an error. Also the "remove"
 * half of UpdateThingGroupsForThing. Returns whether it changed.
 */
export function leaveStaticGroup(
  ctx: OperationContext,
  thing: ThingDoc,
  group: ThingGroupDoc,
  operation: string,
): boolean {
  requireStatic(group, operation);
  return relation(ctx, RELATION.groupMembers).unlink(group.thingGroupName, thing.thingName);
}

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
    if (leaveStaticGroup(ctx, thing, group, "RemoveThingFromThingGroup")) thingChanged(ctx, thing.thingName);
    return {};
  },
});
