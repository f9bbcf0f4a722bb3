import type { DeletePolicyRequest } from "@aws-sdk/client-iot";
import { ServiceError } from "../../../errors.js";
import { defineOperation } from "../../types.js";
import { deleteTags, RELATION, relation } from "../common.js";
import { C, policies, requirePolicy } from "./helpers.js";

/** POL-1: a policy attached to any target is a 409 DeleteConflictException. */
export const deletePolicy = defineOperation<DeletePolicyRequest, Record<string, never>>({
  name: "DeletePolicy",
  constraints: { policyName: C.policyName },
  handler: (input, ctx) => {
    const doc = requirePolicy(ctx, input.policyName as string);
    if (relation(ctx, RELATION.policyTargets).countTargets(doc.policyName) > 0)
      throw new ServiceError(
        "DeleteConflictException",
        `The policy cannot be deleted as the policy is attached to one or more principals (name=${doc.policyName})`,
      );
    policies(ctx).delete(doc.policyName);
    deleteTags(ctx, doc.policyArn);
    return {};
  },
});
