import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type AuthorizationRequest,
  evaluatePolicies,
} from "../../src/sandbox/services/iot/security/policy-engine.js";

const ARN = "arn:aws:iot:us-east-1:123456789012";
const policy = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const connect = (
  clientId: string,
  variables: AuthorizationRequest["variables"] = {},
): AuthorizationRequest => ({
  action: "iot:Connect",
  resource: `${ARN}:client/${clientId}`,
  variables: { "iot:ClientId": clientId, ...variables },
});

test("iot:Connect: no policy, or none that names the action and resource, is an implicit deny", () => {
  assert.equal(evaluatePolicies([], connect("car-1")), "ImplicitDeny");
  const publishOnly = policy({ Effect: "Allow", Action: "iot:Publish", Resource: "*" });
  assert.equal(evaluatePolicies([publishOnly], connect("car-1")), "ImplicitDeny");
  const otherClient = policy({ Effect: "Allow", Action: "iot:Connect", Resource: `${ARN}:client/car-2` });
  assert.equal(evaluatePolicies([otherClient], connect("car-1")), "ImplicitDeny");
});

test("iot:Connect: an Allow allows; a Deny in any attached policy wins over every Allow", () => {
  const allow = policy({ Effect: "Allow", Action: "iot:Connect", Resource: `${ARN}:client/car-1` });
  assert.equal(evaluatePolicies([allow], connect("car-1")), "Allow");
  const deny = policy({ Effect: "Deny", Action: "iot:*", Resource: `${ARN}:client/car-*` });
  assert.equal(evaluatePolicies([allow, deny], connect("car-1")), "ExplicitDeny");
  assert.equal(evaluatePolicies([deny, allow], connect("car-1")), "ExplicitDeny");
});

test("actions match case-insensitively with wildcards; resources case-sensitively with * and ?", () => {
  const wide = policy({ Effect: "Allow", Action: ["iot:Conn*"], Resource: [`${ARN}:client/car-?`] });
  assert.equal(evaluatePolicies([wide], connect("car-7")), "Allow");
  assert.equal(evaluatePolicies([wide], connect("car-77")), "ImplicitDeny");
  assert.equal(evaluatePolicies([wide], connect("CAR-7")), "ImplicitDeny");
  const lower = policy({ Effect: "Allow", Action: "IOT:CONNECT", Resource: "*" });
  assert.equal(evaluatePolicies([lower], connect("anything")), "Allow");
  const dots = policy({ Effect: "Allow", Action: "iot:Connect", Resource: `${ARN}:client/a.b` });
  assert.equal(evaluatePolicies([dots], connect("aXb")), "ImplicitDeny", "a dot is literal");
});

test("policy variables: ${iot:ClientId} and ${iot:Connection.Thing.ThingName} take their values literally", () => {
  const own = policy({ Effect: "Allow", Action: "iot:Connect", Resource: `${ARN}:client/\${iot:ClientId}` });
  assert.equal(evaluatePolicies([own], connect("car-1")), "Allow");
  const thing = policy({
    Effect: "Allow",
    Action: "iot:Connect",
    Resource: `${ARN}:client/\${iot:Connection.Thing.ThingName}`,
  });
  assert.equal(
    evaluatePolicies([thing], connect("car-1", { "iot:Connection.Thing.ThingName": "car-1" })),
    "Allow",
  );
  assert.equal(
    evaluatePolicies([thing], connect("car-1", { "iot:Connection.Thing.ThingName": undefined })),
    "ImplicitDeny",
    "no thing attached: the statement does not match",
  );
  const star = policy({ Effect: "Allow", Action: "iot:Connect", Resource: `${ARN}:client/\${iot:ClientId}` });
  assert.equal(
    evaluatePolicies([star], { ...connect("*"), resource: `${ARN}:client/other` }),
    "ImplicitDeny",
  );
  const escaped = policy({ Effect: "Allow", Action: "iot:Connect", Resource: `${ARN}:client/x\${*}` });
  assert.equal(evaluatePolicies([escaped], connect("x*")), "Allow");
  assert.equal(evaluatePolicies([escaped], connect("xy")), "ImplicitDeny", "${*} is a literal star");
});

test("a single Statement object, an unknown condition operator (never holds) and broken documents", () => {
  const single = JSON.stringify({ Statement: { Effect: "Allow", Action: "iot:Connect", Resource: "*" } });
  assert.equal(evaluatePolicies([single], connect("c")), "Allow");
  const conditional = policy({
    Effect: "Allow",
    Action: "iot:Connect",
    Resource: "*",
    Condition: { DateLessThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } },
  });
  assert.equal(evaluatePolicies([conditional], connect("c")), "ImplicitDeny");
  assert.equal(evaluatePolicies(["not json", "{}", "null"], connect("c")), "ImplicitDeny");
});
