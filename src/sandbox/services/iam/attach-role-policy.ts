import type { AttachRolePolicyRequest } from "@aws-sdk/client-iam";
import { ServiceError } from "../../errors.js";
import { defineOperation } from "../types.js";
import { attachedPolicies, C, findManagedPolicy, requirePolicyArn, requireRole, roleKey } from "./helpers.js";

/** The default quota of managed policies attached to one role. */
const POLICIES_PER_ROLE = 10;

/** IAM-6: attaches an existing managed policy (customer or AWS managed); idempotent. */
export const attachRolePolicy = defineOperation<AttachRolePolicyRequest, Record<string, never>>({
  name: "AttachRolePolicy",
  constraints: { RoleName: C.roleName, PolicyArn: C.arn },
  handler: (input, ctx) => {
    const arn = input.PolicyArn as string;
    requirePolicyArn(arn);
    const role = requireRole(ctx, input.RoleName as string);
    if (!findManagedPolicy(ctx, arn))
      throw new ServiceError("NoSuchEntity", `Policy ${arn} does not exist or is not attachable.`);
    const relation = attachedPolicies(ctx);
    const key = roleKey(role.RoleName);
    if (relation.has(key, arn)) return {};
    if (relation.countTargets(key) >= POLICIES_PER_ROLE)
      throw new ServiceError(
        "LimitExceeded",
        `Cannot exceed quota for PoliciesPerRole: ${POLICIES_PER_ROLE}`,
      );
    relation.link(key, arn);
    return {};
  },
});
