import type { ListThingGroupsForThingRequest, ListThingGroupsForThingResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { ensureDynamicMembership } from "../index/fleet.js";
import { decodeToken, RELATION, relation } from "../common.js";
import { maxResults, resourceName } from "./constraints.js";
import { nameAndArn } from "./groups.js";
import { DEFAULT_MAX_RESULTS, pageOfNames } from "./listing.js";
import { requireThing } from "./model.js";

/** GRP-6: the groups a thing belongs to, in name order. */
export const listThingGroupsForThing = defineOperation<
  ListThingGroupsForThingRequest,
  ListThingGroupsForThingResponse
>({
  name: "ListThingGroupsForThing",
  constraints: { thingName: resourceName, maxResults },
  handler: (input, ctx) => {
    const thing = requireThing(ctx, input.thingName as string);
    ensureDynamicMembership(ctx);
    const after = decodeToken(input.nextToken);
    const max = input.maxResults ?? DEFAULT_MAX_RESULTS;
    const names = relation(ctx, RELATION.groupMembers).sources(thing.thingName, after ?? "", max + 1);
    const p = pageOfNames(names, undefined, max);
    return { thingGroups: p.items.map((n) => nameAndArn(ctx, n)), nextToken: p.nextToken };
  },
});
