import type { DetachThingPrincipalRequest } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { parseIotArn, RELATION, relation } from "../common.js";
import { C, certificates, requireThing } from "./helpers.js";
import { policiesChanged } from "./mqtt-authorization.js";

/** CRT-2: unlinks a thing and a principal at once (AWS does it asynchronously); idempotent. */
export const detachThingPrincipal = defineOperation<DetachThingPrincipalRequest, Record<string, never>>({
  name: "DetachThingPrincipal",
  constraints: { thingName: C.thingName },
  handler: (input, ctx) => {
    const thingName = input.thingName as string;
    requireThing(ctx, thingName);
    const principalArn = input.principal as string;
    relation(ctx, RELATION.thingPrincipals).unlink(thingName, principalArn);
    policiesChanged(ctx, principalArn);
    const arn = parseIotArn(ctx, principalArn);
    const cert = arn?.type === "cert" ? certificates(ctx).get(arn.id) : undefined;
    if (cert?.exclusiveThing === thingName) {
      cert.exclusiveThing = undefined;
      certificates(ctx).put(cert.certificateId, cert);
    }
    return {};
  },
});
