import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { connectMqtt, subscribeTo } from "../helpers/mqtt.js";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
before(async () => {
  sb = await startSandbox({ args: ["--no-auth"] });
});
after(() => sb.dispose());

test("--no-auth: the broker speaks plain MQTT (mqtt://, no CA file) to any client, and WebSocket at ws://…/mqtt", async () => {
  const broker = await sb.mqtt();
  assert.match(broker.url, /^mqtt:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(broker.caFile, undefined);
  const plain = await connectMqtt(broker.url, { clientId: "anyone" });
  const web = await connectMqtt(`ws://127.0.0.1:${broker.port}/mqtt`, { clientId: "anyone-else" });
  try {
    const inbox = await subscribeTo(plain, "dev/echo");
    await web.publishAsync("dev/echo", "hello");
    assert.equal((await inbox.next).payload, "hello");
  } finally {
    await plain.endAsync();
    await web.endAsync();
  }
});
