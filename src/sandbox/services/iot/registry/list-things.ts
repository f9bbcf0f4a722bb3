import type { ListThingsRequest, ListThingsResponse } from "@aws-sdk/client-iot";
import { ownValue } from "../../../records.js";
import { defineOperation } from "../../types.js";
import { attributeName, attributeValue, maxResults, resourceName } from "./constraints.js";
import { pageOfCollection } from "./listing.js";
import { type ThingDoc, thingArn, things } from "./model.js";

function matches(input: ListThingsRequest, doc: ThingDoc): boolean {
  if (input.thingTypeName !== undefined && doc.thingTypeName !== input.thingTypeName) return false;
  if (input.attributeName === undefined) return true;
  const value = ownValue(doc.attributes, input.attributeName);
  if (value === undefined) return false;
  if (input.attributeValue === undefined) return true;
  return input.usePrefixAttributeValue
    ? value.startsWith(input.attributeValue)
    : value === input.attributeValue;
}

/**
 * THG-6: filters by attribute (exact or prefix) and type, ordered by thing name. An
 * `attributeValue` without `attributeName` filters nothing (emulator choice).
 */
export const listThings = defineOperation<ListThingsRequest, ListThingsResponse>({
  name: "ListThings",
  constraints: {
    maxResults,
    attributeName,
    attributeValue,
    thingTypeName: resourceName,
  },
  handler: (input, ctx) => {
    const p = pageOfCollection(things(ctx), input.nextToken, input.maxResults, (doc) => matches(input, doc));
    return {
      things: p.items.map(({ doc }) => ({
        thingName: doc.thingName,
        thingTypeName: doc.thingTypeName,
        thingArn: thingArn(ctx, doc.thingName),
        attributes: doc.attributes,
        version: doc.version,
      })),
      nextToken: p.nextToken,
    };
  },
});
