import type { ListThingsInThingGroupRequest, ListThingsInThingGroupResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { ensureDynamicMembership } from "../index/fleet.js";
import { decodeToken, RELATION, relation } from "../common.js";
import { maxResults, resourceName } from "./constraints.js";
import { Hierarchy } from "./groups.js";
import { DEFAULT_MAX_RESULTS, pageOfNames } from "./listing.js";
import { requireThingGroup } from "./model.js";

/** GRP-6: member names in name order; `recursive` adds the members of all descendant groups. */
export const listThingsInThingGroup = defineOperation<
  ListThingsInThingGroupRequest,
  ListThingsInThingGroupResponse
>({
  name: "ListThingsInThingGroup",
  constraints: { thingGroupName: resourceName, maxResults },
  handler: (input, ctx) => {
    const group = requireThingGroup(ctx, input.thingGroupName as string);
    if (group.dynamic) ensureDynamicMembership(ctx);
    const members = relation(ctx, RELATION.groupMembers);
    if (input.recursive) {
      const groups = [group.thingGroupName, ...new Hierarchy(ctx).descendants(group.thingGroupName)];
      const names = [...new Set(groups.flatMap((g) => members.targets(g)))].sort();
      const p = pageOfNames(names, input.nextToken, input.maxResults);
      return { things: p.items, nextToken: p.nextToken };
    }
    const after = decodeToken(input.nextToken);
    const max = input.maxResults ?? DEFAULT_MAX_RESULTS;
    const names = members.targets(group.thingGroupName, after ?? "", max + 1);
    const p = pageOfNames(names, undefined, max);
    return { things: p.items, nextToken: p.nextToken };
  },
});
