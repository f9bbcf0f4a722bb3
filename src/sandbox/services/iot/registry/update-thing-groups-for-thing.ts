import type {
  UpdateThingGroupsForThingRequest,
  UpdateThingGroupsForThingResponse,
} from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { resourceName } from "./constraints.js";
import { joinStaticGroup } from "./add-thing-to-thing-group.js";
import { resolveThing, resolveThingGroup } from "./groups.js";
import { thingChanged } from "./model.js";
import { leaveStaticGroup } from "./remove-thing-from-thing-group.js";

const OPERATION = "UpdateThingGroupsForThing";

/**
 * GRP-3/GRP-4 in one call: every named group must exist and be static (checked before anything
 * changes); removals apply first, so a thing can move within a hierarchy in one call. The
 * handler runs in one transaction, so a refused addition leaves the memberships as they were.
 */
export const updateThingGroupsForThing = defineOperation<
  UpdateThingGroupsForThingRequest,
  UpdateThingGroupsForThingResponse
>({
  name: OPERATION,
  constraints: {
    thingName: resourceName,
    "thingGroupsToAdd[]": resourceName,
    "thingGroupsToRemove[]": resourceName,
  },
  handler: (input, ctx) => {
    const thing = resolveThing(ctx, input.thingName, undefined);
    const resolve = (names: string[] | undefined) =>
      [...new Set(names ?? [])].map((name) => resolveThingGroup(ctx, name, undefined));
    const toRemove = resolve(input.thingGroupsToRemove);
    const toAdd = resolve(input.thingGroupsToAdd);
    let changed = false;
    for (const group of toRemove) changed = leaveStaticGroup(ctx, thing, group, OPERATION) || changed;
    for (const group of toAdd)
      changed = joinStaticGroup(ctx, thing, group, OPERATION, input.overrideDynamicGroups) || changed;
    if (changed) thingChanged(ctx, thing.thingName);
    return {};
  },
});
