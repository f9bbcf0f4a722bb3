/** The policy engine's NotAction, NotResource and Condition evaluation (IAM's rules, as IoT policies use them). */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type AuthorizationRequest,
  evaluatePolicies,
} from "../../src/sandbox/services/iot/security/policy-engine.js";

const ARN = "arn:aws:iot:us-east-1:123456789012";
const policy = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const publish = (topic: string, variables: AuthorizationRequest["variables"] = {}): AuthorizationRequest => ({
  action: "iot:Publish",
  resource: `${ARN}:topic/${topic}`,
  variables: { "iot:ClientId": "car-1", ...variables },
});
const allowWhen = (Condition: object) =>
  policy({ Effect: "Allow", Action: "iot:Publish", Resource: "*", Condition });
const decide = (doc: string, variables: AuthorizationRequest["variables"] = {}) =>
  evaluatePolicies([doc], publish("t", variables));

test("NotAction covers every other action; NotResource every other resource", () => {
  const notAction = policy({ Effect: "Allow", NotAction: "iot:Connect", Resource: "*" });
  assert.equal(evaluatePolicies([notAction], publish("a")), "Allow");
  assert.equal(evaluatePolicies([notAction], { ...publish("a"), action: "iot:Connect" }), "ImplicitDeny");
  const notResource = policy({ Effect: "Allow", Action: "iot:Publish", NotResource: `${ARN}:topic/admin/*` });
  assert.equal(evaluatePolicies([notResource], publish("data")), "Allow");
  assert.equal(evaluatePolicies([notResource], publish("admin/x")), "ImplicitDeny");
  const denyOthers = policy(
    { Effect: "Allow", Action: "iot:*", Resource: "*" },
    { Effect: "Deny", Action: "iot:Publish", NotResource: `${ARN}:topic/\${iot:ClientId}/*` },
  );
  assert.equal(evaluatePolicies([denyOthers], publish("car-1/x")), "Allow");
  assert.equal(evaluatePolicies([denyOthers], publish("car-2/x")), "ExplicitDeny");
});

test("String operators: Equals (literal), Like (wildcards), IgnoreCase, negations; policy variables in condition values", () => {
  assert.equal(decide(allowWhen({ StringEquals: { "iot:ClientId": "car-1" } })), "Allow");
  assert.equal(decide(allowWhen({ StringEquals: { "iot:ClientId": "car-*" } })), "ImplicitDeny");
  assert.equal(decide(allowWhen({ StringLike: { "iot:ClientId": ["bus-*", "car-?"] } })), "Allow");
  assert.equal(decide(allowWhen({ StringNotLike: { "iot:ClientId": "car-*" } })), "ImplicitDeny");
  assert.equal(decide(allowWhen({ StringNotEquals: { "iot:ClientId": "bus-1" } })), "Allow");
  assert.equal(decide(allowWhen({ StringEqualsIgnoreCase: { "iot:ClientId": "CAR-1" } })), "Allow");
  const sameAsThing = allowWhen({ StringEquals: { "iot:ClientId": "${iot:Connection.Thing.ThingName}" } });
  assert.equal(decide(sameAsThing, { "iot:Connection.Thing.ThingName": "car-1" }), "Allow");
  assert.equal(decide(sameAsThing, { "iot:Connection.Thing.ThingName": "car-2" }), "ImplicitDeny");
  assert.equal(decide(sameAsThing), "ImplicitDeny", "a variable without a value matches nothing");
});

test("a missing key: false, except negated operators, IfExists, ForAllValues and Null", () => {
  const key = "iot:Connection.Thing.ThingTypeName";
  assert.equal(decide(allowWhen({ StringEquals: { [key]: "car" } })), "ImplicitDeny");
  assert.equal(decide(allowWhen({ StringNotEquals: { [key]: "car" } })), "Allow");
  assert.equal(decide(allowWhen({ StringEqualsIfExists: { [key]: "car" } })), "Allow");
  assert.equal(
    decide(allowWhen({ StringEqualsIfExists: { [key]: "car" } }), { [key]: "bus" }),
    "ImplicitDeny",
  );
  assert.equal(decide(allowWhen({ "ForAnyValue:StringEquals": { [key]: "car" } })), "ImplicitDeny");
  assert.equal(decide(allowWhen({ "ForAllValues:StringEquals": { [key]: "car" } })), "Allow");
  assert.equal(decide(allowWhen({ Null: { [key]: "true" } })), "Allow");
  assert.equal(decide(allowWhen({ Null: { [key]: "false" } })), "ImplicitDeny");
  assert.equal(decide(allowWhen({ Null: { [key]: "false" } }), { [key]: "car" }), "Allow");
});

test("Bool, Arn and Numeric operators; every operator and key of a block must hold", () => {
  const attached = { "iot:Connection.Thing.IsAttached": "true" };
  assert.equal(decide(allowWhen({ Bool: { "iot:Connection.Thing.IsAttached": "true" } }), attached), "Allow");
  assert.equal(decide(allowWhen({ Bool: { "iot:Connection.Thing.IsAttached": true } }), attached), "Allow");
  assert.equal(
    decide(allowWhen({ Bool: { "iot:Connection.Thing.IsAttached": "false" } }), attached),
    "ImplicitDeny",
  );
  const arnKey = { "aws:SourceArn": `${ARN}:thing/car-1` };
  assert.equal(decide(allowWhen({ ArnLike: { "aws:SourceArn": `${ARN}:thing/*` } }), arnKey), "Allow");
  assert.equal(
    decide(allowWhen({ ArnNotLike: { "aws:SourceArn": `${ARN}:thing/*` } }), arnKey),
    "ImplicitDeny",
  );
  assert.equal(decide(allowWhen({ NumericLessThan: { "x:n": "10" } }), { "x:n": "9" }), "Allow");
  assert.equal(decide(allowWhen({ NumericLessThan: { "x:n": "10" } }), { "x:n": "ten" }), "ImplicitDeny");
  const both = allowWhen({
    StringLike: { "iot:ClientId": "car-*" },
    Bool: { "iot:Connection.Thing.IsAttached": "true" },
  });
  assert.equal(decide(both, attached), "Allow");
  assert.equal(decide(both), "ImplicitDeny");
});

test("a Deny with a Condition applies only when it holds", () => {
  const doc = policy(
    { Effect: "Allow", Action: "iot:*", Resource: "*" },
    {
      Effect: "Deny",
      Action: "iot:Publish",
      Resource: "*",
      Condition: { StringLike: { "iot:ClientId": "guest-*" } },
    },
  );
  assert.equal(evaluatePolicies([doc], publish("t")), "Allow");
  assert.equal(evaluatePolicies([doc], publish("t", { "iot:ClientId": "guest-1" })), "ExplicitDeny");
});
