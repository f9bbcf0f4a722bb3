import type { PutRolePolicyRequest } from "@aws-sdk/client-iam";
import { ServiceError } from "../../errors.js";
import { defineOperation } from "../types.js";
import { C, checkPolicyDocument, requireRole, rolePolicies, rolePolicyPrefix } from "./helpers.js";
import { policySize } from "./policy-document.js";

/** IAM-3: the aggregate size of a role's inline policies, whitespace excluded. */
const INLINE_POLICY_QUOTA = 10_240;

/** IAM-3: creates or replaces an inline policy of the role. */
export const putRolePolicy = defineOperation<PutRolePolicyRequest, Record<string, never>>({
  name: "PutRolePolicy",
  constraints: { RoleName: C.roleName, PolicyName: C.policyName, PolicyDocument: C.policyDocument },
  handler: (input, ctx) => {
    const role = requireRole(ctx, input.RoleName as string);
    const policyName = input.PolicyName as string;
    const document = input.PolicyDocument as string;
    checkPolicyDocument(document, "identity");
    const prefix = rolePolicyPrefix(role.RoleName);
    const policies = rolePolicies(ctx);
    const others = policies
      .list({ prefix })
      .filter(({ doc }) => doc.PolicyName !== policyName)
      .reduce((sum, { doc }) => sum + policySize(doc.PolicyDocument), 0);
    if (others + policySize(document) > INLINE_POLICY_QUOTA)
      throw new ServiceError(
        "LimitExceeded",
        `Maximum policy size of ${INLINE_POLICY_QUOTA} bytes exceeded for role ${role.RoleName}`,
      );
    policies.put(prefix + policyName, {
      RoleName: role.RoleName,
      PolicyName: policyName,
      PolicyDocument: document,
    });
    return {};
  },
});
