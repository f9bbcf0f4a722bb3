import type { UpdateAssumeRolePolicyRequest } from "@aws-sdk/client-iam";
import { defineOperation } from "../types.js";
import { C, checkPolicyDocument, requireRole, roleKey, roles } from "./helpers.js";

/** Replaces the trust policy (same grammar as CreateRole, IAM-1). */
export const updateAssumeRolePolicy = defineOperation<UpdateAssumeRolePolicyRequest, Record<string, never>>({
  name: "UpdateAssumeRolePolicy",
  constraints: { RoleName: C.roleName, PolicyDocument: C.policyDocument },
  handler: (input, ctx) => {
    const role = requireRole(ctx, input.RoleName as string);
    checkPolicyDocument(input.PolicyDocument as string, "trust");
    role.AssumeRolePolicyDocument = input.PolicyDocument as string;
    roles(ctx).put(roleKey(role.RoleName), role);
    return {};
  },
});
