import type { ListPrincipalThingsRequest, ListPrincipalThingsResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { RELATION, relation } from "../common.js";
import { C, resolvePrincipal, tokenPage } from "./helpers.js";

/** CRT-2: the things a principal (x-amzn-principal header) is attached to; unknown certificate is 404. */
export const listPrincipalThings = defineOperation<ListPrincipalThingsRequest, ListPrincipalThingsResponse>({
  name: "ListPrincipalThings",
  constraints: { maxResults: C.pageSize },
  handler: (input, ctx) => {
    const principal = input.principal as string;
    resolvePrincipal(ctx, principal);
    const page = tokenPage(
      relation(ctx, RELATION.thingPrincipals).sources(principal),
      input.nextToken,
      input.maxResults,
    );
    return { things: page.items, nextToken: page.nextToken };
  },
});
