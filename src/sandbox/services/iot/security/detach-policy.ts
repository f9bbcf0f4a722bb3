import type { DetachPolicyRequest } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { RELATION, relation } from "../common.js";
import { C } from "./helpers.js";
import { policiesChanged } from "./mqtt-authorization.js";

/** POL-1: removes the attachment at once (AWS may take minutes); detaching twice is a no-op. */
export const detachPolicy = defineOperation<DetachPolicyRequest, Record<string, never>>({
  name: "DetachPolicy",
  constraints: { policyName: C.policyName },
  handler: (input, ctx) => {
    relation(ctx, RELATION.policyTargets).unlink(input.policyName as string, input.target as string);
    policiesChanged(ctx, input.target as string);
    return {};
  },
});
