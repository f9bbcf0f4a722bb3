import { randomUUID } from "node:crypto";
import type { CreateThingTypeRequest, CreateThingTypeResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { putTags } from "../common.js";
import { tagListConstraints } from "./constraints.js";
import { alreadyExists, sameJson, thingTypeArn, thingTypes } from "./model.js";
import { checkThingTypeProperties, thingTypeConstraints } from "./thing-types.js";

/** TTY-1: idempotent for identical properties of a non-deprecated type, 409 otherwise. */
export const createThingType = defineOperation<CreateThingTypeRequest, CreateThingTypeResponse>({
  name: "CreateThingType",
  constraints: { ...thingTypeConstraints, ...tagListConstraints("tags") },
  handler: (input, ctx) => {
    const name = input.thingTypeName as string;
    const properties = checkThingTypeProperties(input.thingTypeProperties);
    const arn = thingTypeArn(ctx, name);
    const existing = thingTypes(ctx).get(name);
    if (existing) {
      if (existing.deprecated || !sameJson(existing.properties, properties))
        throw alreadyExists(
          existing.deprecated
            ? `Thing type ${name} already exists and is deprecated.`
            : `Thing type ${name} already exists with different properties.`,
          existing.thingTypeId,
          arn,
        );
      return { thingTypeName: name, thingTypeArn: arn, thingTypeId: existing.thingTypeId };
    }
    const thingTypeId = randomUUID();
    thingTypes(ctx).put(name, {
      thingTypeName: name,
      thingTypeId,
      properties,
      deprecated: false,
      creationDate: ctx.clock.now().toISOString(),
    });
    putTags(ctx, arn, input.tags);
    return { thingTypeName: name, thingTypeArn: arn, thingTypeId };
  },
});
