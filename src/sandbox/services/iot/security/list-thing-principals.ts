import type { ListThingPrincipalsRequest, ListThingPrincipalsResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { RELATION, relation } from "../common.js";
import { C, requireThing, tokenPage } from "./helpers.js";

/** CRT-2: the principal ARNs attached to a thing; an unknown thing is 404. */
export const listThingPrincipals = defineOperation<ListThingPrincipalsRequest, ListThingPrincipalsResponse>({
  name: "ListThingPrincipals",
  constraints: { thingName: C.thingName, maxResults: C.pageSize },
  handler: (input, ctx) => {
    const thingName = input.thingName as string;
    requireThing(ctx, thingName);
    const page = tokenPage(
      relation(ctx, RELATION.thingPrincipals).targets(thingName),
      input.nextToken,
      input.maxResults,
    );
    return { principals: page.items, nextToken: page.nextToken };
  },
});
