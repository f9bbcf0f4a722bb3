/**
 * PROTO-20/21: DescribeEndpoint(iot:Data-ATS) answers an address that reaches the broker. As
 * AWS's data endpoint serves HTTPS and MQTT on one port, the sandbox's HTTP port also takes
 * MQTT over mutual TLS (a connection opening with a TLS ClientHello); HTTP keeps working on it.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { DescribeEndpointCommand, IoTClient, ListThingsCommand } from "@aws-sdk/client-iot";
import { connectMqtt, newDevice, subscribeTo } from "../helpers/mqtt.js";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
let iot: IoTClient;
before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
});
after(() => sb.dispose());

test("PROTO-20/21: mqtts://<DescribeEndpoint iot:Data-ATS address> connects with a device certificate, and HTTP still answers on that port", async () => {
  const { endpointAddress } = await iot.send(new DescribeEndpointCommand({ endpointType: "iot:Data-ATS" }));
  const broker = await sb.mqtt();
  assert.notEqual(
    endpointAddress,
    `127.0.0.1:${broker.port}`,
    "the address is the HTTP port, not the separate MQTT port",
  );
  const device = await newDevice(iot);
  const ca = readFileSync(broker.caFile ?? "", "utf8");
  const client = await connectMqtt(`mqtts://${endpointAddress}`, {
    ca,
    cert: device.cert,
    key: device.key,
    clientId: "endpoint-device",
    rejectUnauthorized: true,
  });
  try {
    const inbox = await subscribeTo(client, "endpoint/echo");
    await client.publishAsync("endpoint/echo", "through the data endpoint");
    assert.equal((await inbox.next).payload, "through the data endpoint");
    await iot.send(new ListThingsCommand({}));
  } finally {
    await client.endAsync();
  }
});

test("the HTTP port refuses a TLS client without a certificate, as the broker's port does", async () => {
  const { endpointAddress } = await iot.send(new DescribeEndpointCommand({ endpointType: "iot:Data-ATS" }));
  const ca = readFileSync((await sb.mqtt()).caFile ?? "", "utf8");
  await assert.rejects(connectMqtt(`mqtts://${endpointAddress}`, { ca, clientId: "anonymous" }));
  await iot.send(new ListThingsCommand({}));
});
