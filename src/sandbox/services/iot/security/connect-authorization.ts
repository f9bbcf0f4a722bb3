/**
 * iot:Connect for the sandbox broker: the policies attached to the connecting certificate,
 * evaluated (policy-engine.ts) for the resource `client/<clientId>` with the connection's
 * variables. `${iot:Connection.Thing.ThingName}` has a value when the client id is the name of
 * a thing attached to the certificate, as AWS IoT derives it.
 * Not yet counted: policies attached to the thing's groups.
 */
import type { OperationContext } from "../../types.js";
import { iotArn, RELATION, relation } from "../common.js";
import { policies } from "./helpers.js";
import { type Decision, evaluatePolicies } from "./policy-engine.js";

export function authorizeConnect(ctx: OperationContext, certificateArn: string, clientId: string): Decision {
  const documents = relation(ctx, RELATION.policyTargets)
    .sources(certificateArn)
    .map((name) => policies(ctx).get(name)?.policyDocument)
    .filter((d): d is string => d !== undefined);
  const thingAttached = relation(ctx, RELATION.thingPrincipals).has(clientId, certificateArn);
  return evaluatePolicies(documents, {
    action: "iot:Connect",
    resource: iotArn(ctx, `client/${clientId}`),
    variables: {
      "iot:ClientId": clientId,
      "iot:Connection.Thing.ThingName": thingAttached ? clientId : undefined,
      "iot:Connection.Thing.IsAttached": String(thingAttached),
    },
  });
}
