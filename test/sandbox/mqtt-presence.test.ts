/**
 * Presence and connectivity from real connections (IDX-5, DYN-2; life-cycle-events.html): the
 * broker publishes `$aws/events/presence/connected|disconnected/<clientId>` for every client,
 * and, when the client id is a thing's name, fleet indexing and dynamic groups follow
 * `connectivity.*` without a rebuild. Certificates made INACTIVE or REVOKED lose their live
 * connections (CRT-3).
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import {
  AttachThingPrincipalCommand,
  CreateDynamicThingGroupCommand,
  CreateThingCommand,
  GetThingConnectivityDataCommand,
  IoTClient,
  ListThingsInThingGroupCommand,
  UpdateCertificateCommand,
} from "@aws-sdk/client-iot";
import type { MqttClient } from "mqtt";
import { connectMqtt, newDevice, type TestDevice } from "../helpers/mqtt.js";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { enableIndexing, searchNames } from "./iot-index-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
let url: string;
let ca: string;
/** Allowed everything: watches the lifecycle topics. */
let watcher: MqttClient;

before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  const broker = await sb.mqtt();
  url = broker.url;
  ca = readFileSync(broker.caFile ?? "", "utf8");
  await enableIndexing(iot);
  watcher = await connectMqtt(url, withCert(await newDevice(iot), "watcher"));
  await watcher.subscribeAsync("$aws/events/+/+/+");
});
after(async () => {
  watcher.end(true);
  await sb.dispose();
});

const withCert = (device: TestDevice, clientId: string) => ({
  ca,
  cert: device.cert,
  key: device.key,
  clientId,
});
const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

type Lifecycle = Record<string, unknown>;

/** The next lifecycle event of `eventType` for `clientId` (guarded against a hang). */
function nextEvent(eventType: string, clientId: string): Promise<Lifecycle> {
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => reject(new Error(`no ${eventType} event for ${clientId}`)), 15_000);
    const onMessage = (topic: string, payload: Buffer) => {
      if (!topic.endsWith(`/${eventType}/${clientId}`)) return;
      clearTimeout(guard);
      watcher.off("message", onMessage);
      resolve(JSON.parse(payload.toString("utf8")) as Lifecycle);
    };
    watcher.on("message", onMessage);
  });
}

/** A thing with a certificate attached (policy: everything). */
async function thingDevice(): Promise<{ name: string; device: TestDevice }> {
  const name = unique("car");
  const device = await newDevice(iot);
  await iot.send(new CreateThingCommand({ thingName: name }));
  await iot.send(new AttachThingPrincipalCommand({ thingName: name, principal: device.certificateArn }));
  return { name, device };
}

test("presence: connected and disconnected events with AWS's JSON shape; connectivity.connected follows in SearchIndex and a dynamic group", async () => {
  const { name, device } = await thingDevice();
  const group = unique("Online");
  await iot.send(
    new CreateDynamicThingGroupCommand({
      thingGroupName: group,
      queryString: `connectivity.connected:true AND thingName:${name}`,
    }),
  );
  const members = async () =>
    (await iot.send(new ListThingsInThingGroupCommand({ thingGroupName: group }))).things ?? [];

  const connected = nextEvent("connected", name);
  const client = await connectMqtt(url, withCert(device, name));
  const event = await connected;
  assert.equal(event.clientId, name);
  assert.equal(event.eventType, "connected");
  assert.equal(event.principalIdentifier, device.certificateId);
  assert.equal(typeof event.timestamp, "number");
  assert.equal(typeof event.sessionIdentifier, "string");
  assert.equal(typeof event.versionNumber, "number");
  assert.match(String(event.ipAddress), /127\.0\.0\.1/);
  assert.ok((await searchNames(iot, "connectivity.connected:true")).includes(name));
  assert.deepEqual(await members(), [name]);
  const live = await iot.send(new GetThingConnectivityDataCommand({ thingName: name }));
  assert.equal(live.connected, true);
  assert.equal(live.timestamp?.getTime(), event.timestamp);

  const disconnected = nextEvent("disconnected", name);
  await client.endAsync();
  const gone = await disconnected;
  assert.equal(gone.disconnectReason, "CLIENT_INITIATED_DISCONNECT");
  assert.equal(gone.clientInitiatedDisconnect, true);
  assert.equal(gone.sessionIdentifier, event.sessionIdentifier);
  assert.ok(!(await searchNames(iot, "connectivity.connected:true")).includes(name));
  assert.deepEqual(
    await searchNames(iot, `connectivity.disconnectReason:CLIENT_INITIATED_DISCONNECT AND thingName:${name}`),
    [name],
  );
  assert.deepEqual(await members(), []);
  const after = await iot.send(new GetThingConnectivityDataCommand({ thingName: name }));
  assert.equal(after.connected, false);
  assert.equal(after.disconnectReason, "CLIENT_INITIATED_DISCONNECT");
  assert.equal(after.timestamp?.getTime(), gone.timestamp);
});

test("GetThingConnectivityData: a thing that never connected is not connected, without timestamp; an unknown thing is 404", async () => {
  const { name } = await thingDevice();
  const out = await iot.send(new GetThingConnectivityDataCommand({ thingName: name }));
  assert.equal(out.thingName, name);
  assert.equal(out.connected, false);
  assert.equal(out.timestamp, undefined);
  await assert.rejects(
    iot.send(new GetThingConnectivityDataCommand({ thingName: unique("ghost") })),
    (e: { name: string; $metadata: { httpStatusCode?: number } }) =>
      e.name === "ResourceNotFoundException" && e.$metadata.httpStatusCode === 404,
  );
});

test("presence: a client that is not a thing gets lifecycle events too, without connectivity", async () => {
  const clientId = unique("app");
  const connected = nextEvent("connected", clientId);
  const client = await connectMqtt(url, withCert(await newDevice(iot), clientId));
  assert.equal((await connected).clientId, clientId);
  const subscribed = nextEvent("subscribed", clientId);
  await client.subscribeAsync("app/news");
  assert.deepEqual((await subscribed).topics, ["app/news"]);
  const disconnected = nextEvent("disconnected", clientId);
  await client.endAsync();
  await disconnected;
  assert.deepEqual(await searchNames(iot, `thingName:${clientId}`), []);
});

test("disconnect reasons: CONNECTION_LOST when the socket drops, DUPLICATE_CLIENTID when another connection takes the id", async () => {
  const { name, device } = await thingDevice();
  const lost = nextEvent("disconnected", name);
  const first = await connectMqtt(url, withCert(device, name));
  first.stream.destroy();
  assert.equal((await lost).disconnectReason, "CONNECTION_LOST");
  assert.deepEqual(
    await searchNames(iot, `connectivity.disconnectReason:CONNECTION_LOST AND thingName:${name}`),
    [name],
  );

  const older = await connectMqtt(url, withCert(device, name));
  const takenOver = nextEvent("disconnected", name);
  const newer = await connectMqtt(url, withCert(device, name));
  const event = await takenOver;
  assert.equal(event.disconnectReason, "DUPLICATE_CLIENTID");
  assert.equal(event.clientInitiatedDisconnect, false);
  assert.ok(
    (await searchNames(iot, "connectivity.connected:true")).includes(name),
    "the newer session is connected",
  );
  older.end(true);
  await newer.endAsync();
});

for (const status of ["INACTIVE", "REVOKED"] as const) {
  test(`CRT-3: UpdateCertificate to ${status} closes the certificate's live connection (AUTH_ERROR)`, async () => {
    const { name, device } = await thingDevice();
    const client = await connectMqtt(url, withCert(device, name));
    const closed = new Promise<void>((resolve) => client.once("close", () => resolve()));
    const disconnected = nextEvent("disconnected", name);
    await iot.send(new UpdateCertificateCommand({ certificateId: device.certificateId, newStatus: status }));
    assert.equal((await disconnected).disconnectReason, "AUTH_ERROR");
    await closed;
    client.end(true);
  });
}
