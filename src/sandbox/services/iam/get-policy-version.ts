import type { GetPolicyVersionRequest, GetPolicyVersionResponse } from "@aws-sdk/client-iam";
import { defineOperation } from "../types.js";
import { C, encodeDocument, noSuchEntity } from "./helpers.js";
import { DEFAULT_VERSION_ID, requireCustomerPolicy } from "./managed-policy.js";

/**
 * The document of a customer managed policy, URL-encoded (QRY-4). The sandbox does not hold
 * the documents of AWS managed policies, so those answer NoSuchEntity.
 */
export const getPolicyVersion = defineOperation<GetPolicyVersionRequest, GetPolicyVersionResponse>({
  name: "GetPolicyVersion",
  constraints: { PolicyArn: C.arn, VersionId: { pattern: "^v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?$" } },
  handler: (input, ctx) => {
    const policy = requireCustomerPolicy(ctx, input.PolicyArn as string);
    if (input.VersionId !== DEFAULT_VERSION_ID)
      throw noSuchEntity(
        `Policy ${policy.Arn} version ${input.VersionId} does not exist or is not attachable.`,
      );
    return {
      PolicyVersion: {
        Document: encodeDocument(policy.Document),
        VersionId: DEFAULT_VERSION_ID,
        IsDefaultVersion: true,
        CreateDate: new Date(policy.CreateDate),
      },
    };
  },
});
