import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { IoTDataPlaneClient, PublishCommand } from "@aws-sdk/client-iot-data-plane";
import { connectMqtt, subscribeTo } from "../helpers/mqtt.js";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
let data: IoTDataPlaneClient;
before(async () => {
  sb = await startSandbox({ args: ["--no-auth"] });
  data = new IoTDataPlaneClient(sb.config);
});
after(async () => {
  data.destroy();
  await sb.dispose();
});

test("MQTT-1: iot-data Publish over HTTP reaches the broker's subscribers with its QoS", async () => {
  const broker = await sb.mqtt();
  const client = await connectMqtt(broker.url, { clientId: "listener" });
  try {
    const inbox = await subscribeTo(client, "fleet/+/telemetry", 1);
    await data.send(
      new PublishCommand({ topic: "fleet/car-1/telemetry", qos: 1, payload: Buffer.from('{"speed":42}') }),
    );
    const got = await inbox.next;
    assert.deepEqual(got, { topic: "fleet/car-1/telemetry", payload: '{"speed":42}', qos: 1 });
  } finally {
    await client.endAsync();
  }
});

test("MQTT-1: a retained message published over HTTP reaches a client that subscribes later", async () => {
  const broker = await sb.mqtt();
  await data.send(new PublishCommand({ topic: "fleet/config", retain: true, payload: Buffer.from("v2") }));
  const client = await connectMqtt(broker.url, { clientId: "late-subscriber" });
  try {
    const inbox = await subscribeTo(client, "fleet/config");
    assert.equal((await inbox.next).payload, "v2");
  } finally {
    await client.endAsync();
  }
});
