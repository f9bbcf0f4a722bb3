import type { ListThingGroupsRequest, ListThingGroupsResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { maxResults, resourceName } from "./constraints.js";
import { Hierarchy, nameAndArn } from "./groups.js";
import { pageOfNames } from "./listing.js";
import { requireThingGroup } from "./model.js";

/**
 * GRP-6: static and dynamic groups in name order. With `parentGroup`: its children, or all its
 * descendants with `recursive=true`. Without: every group, or only root groups when
 * `recursive=false` ("return child groups as well" read literally; emulator choice).
 */
export const listThingGroups = defineOperation<ListThingGroupsRequest, ListThingGroupsResponse>({
  name: "ListThingGroups",
  constraints: { maxResults, parentGroup: resourceName, namePrefixFilter: resourceName },
  handler: (input, ctx) => {
    if (input.parentGroup !== undefined) requireThingGroup(ctx, input.parentGroup);
    const hierarchy = new Hierarchy(ctx);
    let names: string[];
    if (input.parentGroup !== undefined)
      names = input.recursive
        ? hierarchy.descendants(input.parentGroup)
        : hierarchy.childrenOf(input.parentGroup);
    else
      names =
        input.recursive === false ? hierarchy.names().filter((n) => hierarchy.isRoot(n)) : hierarchy.names();
    const prefix = input.namePrefixFilter;
    if (prefix !== undefined) names = names.filter((n) => n.startsWith(prefix));
    const p = pageOfNames(names, input.nextToken, input.maxResults);
    return { thingGroups: p.items.map((n) => nameAndArn(ctx, n)), nextToken: p.nextToken };
  },
});
