import type { ListTargetsForPolicyRequest, ListTargetsForPolicyResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { RELATION, relation } from "../common.js";
import { C, markerPage, requirePolicy } from "./helpers.js";

/** POL-1: the targets a policy is attached to; unknown policy is 404. */
export const listTargetsForPolicy = defineOperation<
  ListTargetsForPolicyRequest,
  ListTargetsForPolicyResponse
>({
  name: "ListTargetsForPolicy",
  constraints: { policyName: C.policyName, marker: C.marker, pageSize: C.pageSize },
  handler: (input, ctx) => {
    const policy = requirePolicy(ctx, input.policyName as string);
    const page = markerPage(
      relation(ctx, RELATION.policyTargets).targets(policy.policyName),
      (t) => t,
      input.marker,
      input.pageSize,
    );
    return { targets: page.items, nextMarker: page.nextMarker };
  },
});
