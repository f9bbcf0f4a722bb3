import type { DetachRolePolicyRequest } from "@aws-sdk/client-iam";
import { defineOperation } from "../types.js";
import { attachedPolicies, C, noSuchEntity, requirePolicyArn, requireRole, roleKey } from "./helpers.js";

/** IAM-6: detaching a policy that is not attached is 404 NoSuchEntity. */
export const detachRolePolicy = defineOperation<DetachRolePolicyRequest, Record<string, never>>({
  name: "DetachRolePolicy",
  constraints: { RoleName: C.roleName, PolicyArn: C.arn },
  handler: (input, ctx) => {
    const arn = input.PolicyArn as string;
    requirePolicyArn(arn);
    const role = requireRole(ctx, input.RoleName as string);
    if (!attachedPolicies(ctx).unlink(roleKey(role.RoleName), arn))
      throw noSuchEntity(`Policy ${arn} was not found.`);
    return {};
  },
});
