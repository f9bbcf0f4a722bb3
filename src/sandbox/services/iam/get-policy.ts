import type { GetPolicyRequest, GetPolicyResponse } from "@aws-sdk/client-iam";
import { defineOperation } from "../types.js";
import { C, requirePolicyArn } from "./helpers.js";
import { awsManagedPolicyOutput, customerPolicyOutput, requireCustomerPolicy } from "./managed-policy.js";

/** IAM-6: customer managed policies of the account, and AWS managed ones by ARN. */
export const getPolicy = defineOperation<GetPolicyRequest, GetPolicyResponse>({
  name: "GetPolicy",
  constraints: { PolicyArn: C.arn },
  handler: (input, ctx) => {
    const arn = input.PolicyArn as string;
    if (requirePolicyArn(arn).awsManaged) return { Policy: awsManagedPolicyOutput(ctx, arn) };
    return { Policy: customerPolicyOutput(ctx, requireCustomerPolicy(ctx, arn), "detail") };
  },
});
