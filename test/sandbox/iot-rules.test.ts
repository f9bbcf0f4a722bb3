/** Topic rules, the minimal part the workshop's cleanup touches (RULE-1). */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DeleteTopicRuleCommand, IoTClient, ListTopicRulesCommand } from "@aws-sdk/client-iot";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { expectError } from "./iot-registry-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
});
after(() => sb.dispose());

test("RULE-1: ListTopicRules answers the (empty) list, filtered or not; maxResults 1..10000", async () => {
  const all = await iot.send(new ListTopicRulesCommand({}));
  assert.deepEqual(all.rules, []);
  assert.equal(all.nextToken, undefined);
  const some = await iot.send(
    new ListTopicRulesCommand({ topic: "vehicles/+/telemetry", ruleDisabled: false }),
  );
  assert.deepEqual(some.rules, []);
  await expectError(iot.send(new ListTopicRulesCommand({ maxResults: 0 })), "InvalidRequestException", 400);
  await expectError(
    iot.send(new ListTopicRulesCommand({ nextToken: "not-a-token" })),
    "InvalidRequestException",
    400,
  );
});

test("RULE-1: DeleteTopicRule of an unknown rule → 200 (emulator choice); a bad name → 400", async () => {
  const out = await iot.send(new DeleteTopicRuleCommand({ ruleName: "workshop_rule_1" }));
  assert.equal(out.$metadata.httpStatusCode, 200);
  await expectError(
    iot.send(new DeleteTopicRuleCommand({ ruleName: "has-dash" })),
    "InvalidRequestException",
    400,
  );
});
