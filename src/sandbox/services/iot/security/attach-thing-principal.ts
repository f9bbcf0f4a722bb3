import type { AttachThingPrincipalRequest } from "@aws-sdk/client-iot";
import { oneOf } from "../../../protocol/validate.js";
import { defineOperation } from "../../types.js";
import { invalidRequest, RELATION, relation } from "../common.js";
import { C, certificates, requireThing, resolvePrincipal } from "./helpers.js";
import { policiesChanged } from "./mqtt-authorization.js";

/**
 * CRT-2: links a thing and a principal (idempotent). EXCLUSIVE_THING binds the certificate
 * to that thing only.
 */
export const attachThingPrincipal = defineOperation<AttachThingPrincipalRequest, Record<string, never>>({
  name: "AttachThingPrincipal",
  constraints: {
    thingName: C.thingName,
    thingPrincipalType: oneOf("EXCLUSIVE_THING", "NON_EXCLUSIVE_THING"),
  },
  handler: (input, ctx) => {
    const thingName = input.thingName as string;
    requireThing(ctx, thingName);
    const principalArn = input.principal as string;
    const principal = resolvePrincipal(ctx, principalArn);
    const links = relation(ctx, RELATION.thingPrincipals);
    if (principal.kind === "certificate") {
      const cert = principal.certificate;
      if (cert.exclusiveThing && cert.exclusiveThing !== thingName)
        throw invalidRequest(
          `The principal ${principalArn} is exclusively attached to thing ${cert.exclusiveThing}`,
        );
      if (input.thingPrincipalType === "EXCLUSIVE_THING") {
        const others = links.sources(principalArn).filter((t) => t !== thingName);
        if (others.length > 0)
          throw invalidRequest(`The principal ${principalArn} is already attached to thing ${others[0]}`);
      }
      if (input.thingPrincipalType !== undefined) {
        cert.exclusiveThing = input.thingPrincipalType === "EXCLUSIVE_THING" ? thingName : undefined;
        certificates(ctx).put(cert.certificateId, cert);
      }
    }
    links.link(thingName, principalArn);
    policiesChanged(ctx, principalArn);
    return {};
  },
});
