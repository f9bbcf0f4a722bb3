import type { DeleteThingRequest, DeleteThingResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { invalidRequest, RELATION, relation, scopeKey } from "../common.js";
import { resourceName } from "./constraints.js";
import { checkExpectedVersion, things } from "./model.js";

/**
 * THG-5: unknown names succeed; attached principals block the deletion (emulator choice);
 * group memberships go with the thing, shadows stay; jobs hear `thing.deleted`.
 */
export const deleteThing = defineOperation<DeleteThingRequest, DeleteThingResponse>({
  name: "DeleteThing",
  constraints: { thingName: resourceName },
  handler: (input, ctx) => {
    const name = input.thingName as string;
    const doc = things(ctx).get(name);
    if (!doc) return {};
    checkExpectedVersion("thing", name, doc.version, input.expectedVersion);
    const principals = relation(ctx, RELATION.thingPrincipals).countTargets(name);
    if (principals > 0)
      throw invalidRequest(
        `Cannot delete thing ${name}: it has ${principals} attached principal(s); detach them first (DetachThingPrincipal).`,
      );
    relation(ctx, RELATION.groupMembers).unlinkAllTo(name);
    things(ctx).delete(name);
    ctx.events.emit({ type: "thing.deleted", scope: scopeKey(ctx), thingName: name });
    return {};
  },
});
