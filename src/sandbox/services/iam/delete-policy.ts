import type { DeletePolicyRequest } from "@aws-sdk/client-iam";
import { ServiceError } from "../../errors.js";
import { defineOperation } from "../types.js";
import { attachedPolicies, C, managedPolicies, requirePolicyArn } from "./helpers.js";
import { boundaryUsageCount, requireCustomerPolicy } from "./managed-policy.js";

/** IAM-6: a customer managed policy is deleted only when nothing uses it. */
export const deletePolicy = defineOperation<DeletePolicyRequest, Record<string, never>>({
  name: "DeletePolicy",
  constraints: { PolicyArn: C.arn },
  handler: (input, ctx) => {
    const arn = input.PolicyArn as string;
    if (requirePolicyArn(arn).awsManaged)
      throw new ServiceError("UnmodifiableEntity", `Cannot delete the AWS managed policy ${arn}.`);
    const policy = requireCustomerPolicy(ctx, arn);
    if (attachedPolicies(ctx).countSources(arn) > 0 || boundaryUsageCount(ctx, arn) > 0)
      throw new ServiceError("DeleteConflict", "Cannot delete a policy attached to entities.");
    managedPolicies(ctx).delete(policy.Arn);
    return {};
  },
});
