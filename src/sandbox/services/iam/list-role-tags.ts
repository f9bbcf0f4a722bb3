import type { ListRoleTagsRequest, ListRoleTagsResponse } from "@aws-sdk/client-iam";
import { defineOperation } from "../types.js";
import { C, iamPage, requireRole, sortTags } from "./helpers.js";

/** IAM-5: tags sorted by key, with Marker/MaxItems paging. */
export const listRoleTags = defineOperation<ListRoleTagsRequest, ListRoleTagsResponse>({
  name: "ListRoleTags",
  constraints: { RoleName: C.roleName, Marker: C.marker, MaxItems: C.maxItems },
  handler: (input, ctx) => {
    const role = requireRole(ctx, input.RoleName as string);
    const page = iamPage(sortTags(role.Tags), (t) => t.Key, input.Marker, input.MaxItems);
    return { Tags: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
  },
});
