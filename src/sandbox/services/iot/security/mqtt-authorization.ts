/**
 * IoT policy decisions for the sandbox broker: iot:Connect on `client/<clientId>`, iot:Publish
 * and iot:Receive on `topic/<topic>`, iot:Subscribe on `topicfilter/<filter>`
 * (https://docs.aws.amazon.com/iot/latest/developerguide/iot-policy-actions.html).
 *
 * The policies that count are those attached to the connection's certificate and, when the
 * client id is the name of a thing attached to that certificate, those attached to the thing's
 * static groups and their parents (thing group policies, iot-policies.html). The
 * `iot:Connection.Thing.*` variables have values only in that case too, as AWS IoT derives them
 * (thing-policy-variables.html). The broker caches what connectionPolicies reads per connection
 * and forgets it on `policies.changed` (emitted here by the security operations), `thing.changed`
 * and `thing.deleted`, so an AttachPolicy, DetachPolicy or group change counts from the next
 * publish on.
 */
import type { OperationContext } from "../../types.js";
import { parseIotArn, RELATION, relation, scopeKey } from "../common.js";
import { thingGroupArn, thingGroups, things } from "../registry/model.js";
import { policies } from "./helpers.js";
import type { Variables } from "./policy-patterns.js";

/** Who is asking: the connection's certificate (or IAM identity) and MQTT client id. */
export interface MqttPrincipal {
  /**
   * Set for a WebSocket connection signed with the sandbox's credentials (SigV4): an IAM identity
   * the sandbox allows everything, whose certificateArn is empty.
   */
  iamAccessKeyId?: string;
  certificateArn: string;
  clientId: string;
  /** The certificate's subject CN, for `${iot:Certificate.Subject.CommonName}`. */
  commonName?: string;
}

export type MqttAction = "iot:Connect" | "iot:Publish" | "iot:Subscribe" | "iot:Receive";

/** The resource an action is checked on, as IoT names it. */
export const MQTT_RESOURCE: Record<MqttAction, "client" | "topic" | "topicfilter"> = {
  "iot:Connect": "client",
  "iot:Publish": "topic",
  "iot:Receive": "topic",
  "iot:Subscribe": "topicfilter",
};

/** The policy documents and variables of a connection. */
export interface ConnectionPolicies {
  documents: string[];
  variables: Variables;
}

export function connectionPolicies(ctx: OperationContext, principal: MqttPrincipal): ConnectionPolicies {
  const { certificateArn, clientId } = principal;
  const targets = relation(ctx, RELATION.policyTargets);
  const names = new Set(targets.sources(certificateArn));
  const variables: Variables = {
    "iot:ClientId": clientId,
    "iot:Certificate.Subject.CommonName": principal.commonName,
    "iot:Connection.Thing.IsAttached": "false",
  };
  const thing = relation(ctx, RELATION.thingPrincipals).has(clientId, certificateArn)
    ? things(ctx).get(clientId)
    : undefined;
  if (thing) {
    variables["iot:Connection.Thing.IsAttached"] = "true";
    variables["iot:Connection.Thing.ThingName"] = thing.thingName;
    variables["iot:Connection.Thing.ThingTypeName"] = thing.thingTypeName;
    for (const [name, value] of Object.entries(thing.attributes))
      variables[`iot:Connection.Thing.Attributes[${name}]`] = value;
    for (const group of staticGroupsWithParents(ctx, thing.thingName))
      for (const name of targets.sources(thingGroupArn(ctx, group))) names.add(name);
  }
  const documents = [...names]
    .map((name) => policies(ctx).get(name)?.policyDocument)
    .filter((d): d is string => d !== undefined);
  return { documents, variables };
}

/** The thing's static groups and all their ancestors. */
function staticGroupsWithParents(ctx: OperationContext, thingName: string): Set<string> {
  const groups = thingGroups(ctx);
  const out = new Set<string>();
  for (const name of relation(ctx, RELATION.groupMembers).sources(thingName)) {
    if (groups.get(name)?.dynamic !== false) continue;
    for (let g: string | undefined = name; g !== undefined && !out.has(g); g = groups.get(g)?.parentGroupName)
      out.add(g);
  }
  return out;
}

/**
 * Tells the broker that what connectionPolicies reads changed (it caches it per connection):
 * for the connections of `target` (a certificate ARN), or of every principal when it is a thing
 * group's ARN (its policies reach all its members) or absent.
 */
export function policiesChanged(ctx: OperationContext, target?: string): void {
  const principal =
    target !== undefined && parseIotArn(ctx, target)?.type !== "thinggroup" ? target : undefined;
  ctx.events.emit({ type: "policies.changed", scope: scopeKey(ctx), ...(principal ? { principal } : {}) });
}
