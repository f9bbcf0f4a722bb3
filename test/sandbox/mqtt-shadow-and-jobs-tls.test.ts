/**
 * SHD-20 and JOB-30 over the broker as devices meet it: mutual TLS with a certificate from
 * CreateKeysAndCertificate (its policy allows everything: policies are not this file's subject),
 * the thing's name as client id.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import {
  AttachThingPrincipalCommand,
  CreateJobCommand,
  CreateThingCommand,
  IoTClient,
} from "@aws-sdk/client-iot";
import { newDevice } from "../helpers/mqtt.js";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { uniqueName } from "./iot-registry-helpers.js";
import { Device } from "./mqtt-topics-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
});
after(async () => {
  iot.destroy();
  await sb.dispose();
});

test("SHD-20/JOB-30 over mutual TLS: a thing's certificate updates its shadow and takes its job", async () => {
  const thingName = uniqueName("car");
  const { thingArn } = await iot.send(new CreateThingCommand({ thingName }));
  const cert = await newDevice(iot);
  await iot.send(new AttachThingPrincipalCommand({ thingName, principal: cert.certificateArn }));
  const broker = await sb.mqtt();
  const ca = readFileSync(broker.caFile ?? "", "utf8");
  const device = await Device.connect(broker.url, thingName, {
    ca,
    cert: cert.cert,
    key: cert.key,
    rejectUnauthorized: true,
  });
  try {
    const shadow = `$aws/things/${thingName}/shadow`;
    await device.subscribe(`${shadow}/update/+`, `$aws/things/${thingName}/jobs/notify-next`);
    const accepted = await device.request(`${shadow}/update`, { state: { reported: { battery: 90 } } });
    assert.equal(accepted.topic, `${shadow}/update/accepted`);
    assert.equal(accepted.body.version, 1);

    const jobId = uniqueName("job");
    await iot.send(new CreateJobCommand({ jobId, targets: [thingArn!], document: '{"op":"lock"}' }));
    const next = await device.next(`$aws/things/${thingName}/jobs/notify-next`);
    assert.equal((next.body.execution as Record<string, unknown>).jobId, jobId);
    const started = await device.request(`$aws/things/${thingName}/jobs/start-next`);
    assert.equal(started.topic, `$aws/things/${thingName}/jobs/start-next/accepted`);
    assert.deepEqual((started.body.execution as Record<string, unknown>).jobDocument, { op: "lock" });
  } finally {
    await device.end();
  }
});
