import type { GetRolePolicyRequest, GetRolePolicyResponse } from "@aws-sdk/client-iam";
import { defineOperation } from "../types.js";
import { C, encodeDocument, requireRolePolicy } from "./helpers.js";

/** IAM-3: the document comes back URL-encoded (QRY-4). */
export const getRolePolicy = defineOperation<GetRolePolicyRequest, GetRolePolicyResponse>({
  name: "GetRolePolicy",
  constraints: { RoleName: C.roleName, PolicyName: C.policyName },
  handler: (input, ctx) => {
    const policy = requireRolePolicy(ctx, input.RoleName as string, input.PolicyName as string);
    return {
      RoleName: policy.RoleName,
      PolicyName: policy.PolicyName,
      PolicyDocument: encodeDocument(policy.PolicyDocument),
    };
  },
});
