import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { IoTDataPlaneClient, PublishCommand } from "@aws-sdk/client-iot-data-plane";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
let data: IoTDataPlaneClient;
before(async () => {
  sb = await startSandbox();
  data = new IoTDataPlaneClient(sb.config);
});
after(() => sb.dispose());

test("MQTT-1: Publish over HTTP accepts a payload for an ordinary topic", async () => {
  const out = await data.send(
    new PublishCommand({
      topic: "fleet/US/telemetry",
      qos: 1,
      payload: new TextEncoder().encode('{"speed":42}'),
    }),
  );
  assert.equal(out.$metadata.httpStatusCode, 200);
});

test("MQTT-1: Publish refuses a payload over 128 KB with 413", async () => {
  await assert.rejects(
    data.send(new PublishCommand({ topic: "fleet/big", payload: new Uint8Array(128 * 1024 + 1) })),
    (e: Error & { $metadata?: { httpStatusCode?: number } }) => {
      assert.equal(e.name, "RequestEntityTooLargeException");
      assert.equal(e.$metadata?.httpStatusCode, 413);
      return true;
    },
  );
});

test("MQTT-1: Publish refuses reserved topics it does not serve", async () => {
  await assert.rejects(
    data.send(new PublishCommand({ topic: "$aws/events/presence/connected/x", payload: new Uint8Array(1) })),
    {
      name: "InvalidRequestException",
    },
  );
});
