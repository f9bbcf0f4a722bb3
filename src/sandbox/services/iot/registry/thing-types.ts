/** Thing type helpers shared by the thing type operations (TTY-1..5). */
import type { ThingTypeDefinition, ThingTypeProperties } from "@aws-sdk/client-iot";
import type { OperationContext } from "../../types.js";
import { invalidRequest } from "../common.js";
import { resourceName, thingTypePropertiesConstraints } from "./constraints.js";
import { type ThingTypeDoc, thingTypeArn, toDate } from "./model.js";

/** TTY-1 */
export const MAX_SEARCHABLE_ATTRIBUTES = 3;

export const thingTypeConstraints = {
  thingTypeName: resourceName,
  ...thingTypePropertiesConstraints("thingTypeProperties"),
};

/** TTY-1 / TTY-5: at most 3 searchable attributes. */
export function checkThingTypeProperties(props: ThingTypeProperties | undefined): ThingTypeProperties {
  const n = props?.searchableAttributes?.length ?? 0;
  if (n > MAX_SEARCHABLE_ATTRIBUTES)
    throw invalidRequest(
      `A thing type can have at most ${MAX_SEARCHABLE_ATTRIBUTES} searchable attributes (got ${n}).`,
    );
  return props ?? {};
}

/** TTY-2: the shape DescribeThingType and ListThingTypes return. */
export function thingTypeView(ctx: OperationContext, doc: ThingTypeDoc): Required<ThingTypeDefinition> {
  return {
    thingTypeName: doc.thingTypeName,
    thingTypeArn: thingTypeArn(ctx, doc.thingTypeName),
    thingTypeProperties: doc.properties,
    thingTypeMetadata: {
      deprecated: doc.deprecated,
      deprecationDate: toDate(doc.deprecationDate),
      creationDate: toDate(doc.creationDate),
    },
  };
}
