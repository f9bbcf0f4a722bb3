import type { ListPoliciesRequest, ListPoliciesResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { C, type PolicyDoc, pageByCreation, policies } from "./helpers.js";

const byCreation = (p: PolicyDoc): string => `${p.creationDate}/${p.policyName}`;

/** Policies by creation date, newest first unless ascendingOrder, `marker` paging. */
export const listPolicies = defineOperation<ListPoliciesRequest, ListPoliciesResponse>({
  name: "ListPolicies",
  constraints: { marker: C.marker, pageSize: C.pageSize },
  handler: (input, ctx) => {
    const all = policies(ctx)
      .list()
      .map(({ doc }) => doc);
    const page = pageByCreation(all, byCreation, input);
    return {
      policies: page.items.map((p) => ({ policyName: p.policyName, policyArn: p.policyArn })),
      nextMarker: page.nextMarker,
    };
  },
});
