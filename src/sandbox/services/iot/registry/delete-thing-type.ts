import type { DeleteThingTypeRequest, DeleteThingTypeResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { deleteTags, invalidRequest } from "../common.js";
import { resourceName } from "./constraints.js";
import { requireThingType, things, thingTypeArn, thingTypes } from "./model.js";

/**
 * TTY-4: only a type deprecated for at least the configured delay (default 300 s, measured on
 * the sandbox clock) and with no thing left can be deleted; the error names the failed condition.
 */
export const deleteThingType = defineOperation<DeleteThingTypeRequest, DeleteThingTypeResponse>({
  name: "DeleteThingType",
  constraints: { thingTypeName: resourceName },
  handler: (input, ctx) => {
    const name = input.thingTypeName as string;
    const doc = requireThingType(ctx, name);
    if (!doc.deprecated || !doc.deprecationDate)
      throw invalidRequest(`Thing type ${name} must be deprecated before it can be deleted.`);
    const delay = ctx.settings.thingTypeDeletionDelaySeconds;
    const elapsed = (ctx.clock.nowMs() - Date.parse(doc.deprecationDate)) / 1000;
    if (elapsed < delay)
      throw invalidRequest(
        `Thing type ${name} was deprecated ${Math.floor(elapsed)} seconds ago; it can be deleted ${delay} seconds after deprecation.`,
      );
    for (const { doc: thing } of things(ctx).iterate())
      if (thing.thingTypeName === name)
        throw invalidRequest(
          `Thing type ${name} cannot be deleted while things are associated with it (e.g. ${thing.thingName}).`,
        );
    thingTypes(ctx).delete(name);
    deleteTags(ctx, thingTypeArn(ctx, name));
    return {};
  },
});
