import type { DeleteRolePolicyRequest } from "@aws-sdk/client-iam";
import { defineOperation } from "../types.js";
import { C, requireRolePolicy, rolePolicies, rolePolicyPrefix } from "./helpers.js";

/** IAM-3: deleting a missing inline policy is 404 NoSuchEntity. */
export const deleteRolePolicy = defineOperation<DeleteRolePolicyRequest, Record<string, never>>({
  name: "DeleteRolePolicy",
  constraints: { RoleName: C.roleName, PolicyName: C.policyName },
  handler: (input, ctx) => {
    const policy = requireRolePolicy(ctx, input.RoleName as string, input.PolicyName as string);
    rolePolicies(ctx).delete(rolePolicyPrefix(policy.RoleName) + policy.PolicyName);
    return {};
  },
});
