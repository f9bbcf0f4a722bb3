import type { AttachPolicyRequest } from "@aws-sdk/client-iot";
import { ServiceError } from "../../../errors.js";
import { defineOperation } from "../../types.js";
import { RELATION, relation } from "../common.js";
import { C, requirePolicy, resolvePolicyTarget } from "./helpers.js";
import { POLICIES_PER_TARGET } from "./policy-helpers.js";
import { policiesChanged } from "./mqtt-authorization.js";

/** POL-1: attaches an existing policy to a certificate, thing group or Cognito identity; idempotent. */
export const attachPolicy = defineOperation<AttachPolicyRequest, Record<string, never>>({
  name: "AttachPolicy",
  constraints: { policyName: C.policyName },
  handler: (input, ctx) => {
    const policy = requirePolicy(ctx, input.policyName as string);
    const target = input.target as string;
    resolvePolicyTarget(ctx, target);
    const links = relation(ctx, RELATION.policyTargets);
    if (links.has(policy.policyName, target)) return {};
    if (links.countSources(target) >= POLICIES_PER_TARGET)
      throw new ServiceError(
        "LimitExceededException",
        `The number of policies attached to ${target} cannot exceed ${POLICIES_PER_TARGET}`,
      );
    links.link(policy.policyName, target);
    policiesChanged(ctx, target);
    return {};
  },
});
