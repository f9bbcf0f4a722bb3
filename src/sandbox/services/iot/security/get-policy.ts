import type { GetPolicyRequest, GetPolicyResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { C, requirePolicy } from "./helpers.js";

/** POL-1: the policy with its default version; unknown is 404 (the workshop then creates it). */
export const getPolicy = defineOperation<GetPolicyRequest, GetPolicyResponse>({
  name: "GetPolicy",
  constraints: { policyName: C.policyName },
  handler: (input, ctx) => {
    const doc = requirePolicy(ctx, input.policyName as string);
    return {
      policyName: doc.policyName,
      policyArn: doc.policyArn,
      policyDocument: doc.policyDocument,
      defaultVersionId: doc.defaultVersionId,
      creationDate: new Date(doc.creationDate),
      lastModifiedDate: new Date(doc.lastModifiedDate),
      generationId: doc.generationId,
    };
  },
});
