import type { AddThingToThingGroupRequest, AddThingToThingGroupResponse } from "@aws-sdk/client-iot";
import { defineOperation, type OperationContext } from "../../types.js";
import { ensureDynamicMembership } from "../index/fleet.js";
import { invalidRequest, RELATION, relation } from "../common.js";
import { resourceName } from "./constraints.js";
import { MAX_GROUPS_PER_THING, requireStatic, resolveThing, resolveThingGroup, rootName } from "./groups.js";
import { type ThingDoc, type ThingGroupDoc, thingChanged, thingGroups } from "./model.js";

/** GRP-3 / DYN-4: the most recently created dynamic group the thing belongs to, if any. */
function newestDynamicGroup(ctx: OperationContext, groupNames: string[]): ThingGroupDoc | undefined {
  const all = thingGroups(ctx);
  return groupNames
    .map((n) => all.get(n))
    .filter((g): g is ThingGroupDoc => g?.dynamic === true)
    .sort((a, b) => b.creationDate.localeCompare(a.creationDate))[0];
}

/**
 * GRP-3: puts a thing in a static group; re-adding is a no-op; a thing is in at most one group
 * per hierarchy and at most 10 groups, unless `overrideDynamicGroups` lets it leave its newest
 * dynamic group. Also the "add" half of UpdateThingGroupsForThing. Returns whether it changed.
 */
export function joinStaticGroup(
  ctx: OperationContext,
  thing: ThingDoc,
  group: ThingGroupDoc,
  operation: string,
  overrideDynamicGroups = false,
): boolean {
  requireStatic(group, operation);
  ensureDynamicMembership(ctx);
  const members = relation(ctx, RELATION.groupMembers);
  if (members.has(group.thingGroupName, thing.thingName)) return false;
  const current = members.sources(thing.thingName);
  // Parent links only: reading every group per call would make this O(groups) (GRP-3).
  const root = rootName(ctx, group.thingGroupName);
  const sameHierarchy = current.find((g) => rootName(ctx, g) === root);
  if (sameHierarchy !== undefined)
    throw invalidRequest(
      `Thing ${thing.thingName} is already in thing group ${sameHierarchy} of the same hierarchy as ${group.thingGroupName}; a thing can be in only one group of a hierarchy.`,
    );
  if (current.length >= MAX_GROUPS_PER_THING) {
    const dynamic = overrideDynamicGroups ? newestDynamicGroup(ctx, current) : undefined;
    if (!dynamic)
      throw invalidRequest(
        `Thing ${thing.thingName} is already in ${MAX_GROUPS_PER_THING} thing groups, the maximum.`,
      );
    members.unlink(dynamic.thingGroupName, thing.thingName);
  }
  members.link(group.thingGroupName, thing.thingName);
  return true;
}

/** GRP-3: by names or ARNs. */
export const addThingToThingGroup = defineOperation<
  AddThingToThingGroupRequest,
  AddThingToThingGroupResponse
>({
  name: "AddThingToThingGroup",
  constraints: { thingGroupName: resourceName, thingName: resourceName },
  handler: (input, ctx) => {
    const group = resolveThingGroup(ctx, input.thingGroupName, input.thingGroupArn);
    const thing = resolveThing(ctx, input.thingName, input.thingArn);
    if (joinStaticGroup(ctx, thing, group, "AddThingToThingGroup", input.overrideDynamicGroups))
      thingChanged(ctx, thing.thingName);
    return {};
  },
});
