import type { ListRolePoliciesRequest, ListRolePoliciesResponse } from "@aws-sdk/client-iam";
import { defineOperation } from "../types.js";
import { C, iamPage, requireRole, rolePolicies, rolePolicyPrefix } from "./helpers.js";

/** IAM-3: inline policy names, sorted, with Marker/MaxItems paging. */
export const listRolePolicies = defineOperation<ListRolePoliciesRequest, ListRolePoliciesResponse>({
  name: "ListRolePolicies",
  constraints: { RoleName: C.roleName, Marker: C.marker, MaxItems: C.maxItems },
  handler: (input, ctx) => {
    const role = requireRole(ctx, input.RoleName as string);
    const names = rolePolicies(ctx)
      .list({ prefix: rolePolicyPrefix(role.RoleName) })
      .map(({ doc }) => doc.PolicyName);
    const page = iamPage(names, (n) => n, input.Marker, input.MaxItems);
    return { PolicyNames: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
  },
});
