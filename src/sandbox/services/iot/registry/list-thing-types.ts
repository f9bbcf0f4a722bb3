import type { ListThingTypesRequest, ListThingTypesResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { maxResults, resourceName } from "./constraints.js";
import { pageOfCollection } from "./listing.js";
import { thingTypes } from "./model.js";
import { thingTypeView } from "./thing-types.js";

/** Thing types by name; `thingTypeName` narrows to that one type. */
export const listThingTypes = defineOperation<ListThingTypesRequest, ListThingTypesResponse>({
  name: "ListThingTypes",
  constraints: { maxResults, thingTypeName: resourceName },
  handler: (input, ctx) => {
    const p = pageOfCollection(
      thingTypes(ctx),
      input.nextToken,
      input.maxResults,
      (_doc, id) => input.thingTypeName === undefined || id === input.thingTypeName,
    );
    return { thingTypes: p.items.map((i) => thingTypeView(ctx, i.doc)), nextToken: p.nextToken };
  },
});
