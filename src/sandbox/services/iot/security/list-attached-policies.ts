import type { ListAttachedPoliciesRequest, ListAttachedPoliciesResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { iotArn, RELATION, relation } from "../common.js";
import { C, markerPage, resolvePolicyTarget } from "./helpers.js";

/** POL-1: the policies attached directly to a target, by name, `marker` paging. */
export const listAttachedPolicies = defineOperation<
  ListAttachedPoliciesRequest,
  ListAttachedPoliciesResponse
>({
  name: "ListAttachedPolicies",
  constraints: { marker: C.marker, pageSize: C.pageSize },
  handler: (input, ctx) => {
    const target = input.target as string;
    resolvePolicyTarget(ctx, target);
    const names = relation(ctx, RELATION.policyTargets).sources(target);
    const page = markerPage(names, (n) => n, input.marker, input.pageSize);
    return {
      policies: page.items.map((policyName) => ({
        policyName,
        policyArn: iotArn(ctx, `policy/${policyName}`),
      })),
      nextMarker: page.nextMarker,
    };
  },
});
