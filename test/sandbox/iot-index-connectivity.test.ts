/**
 * Connectivity in fleet indexing (IDX-5, IDX-11, Q-1): with `thingConnectivityIndexingMode`
 * STATUS every thing document carries `connectivity`, and the `thing.connected` /
 * `thing.disconnected` events (what the MQTT broker will emit, events.ts) reach documents,
 * queries and dynamic groups at once, and survive a restart.
 *
 * The sandbox runs in this process (real HTTP, real SQLite file, real SDK clients): no broker
 * exists yet, and these events can only be emitted in-process, which is exactly the seam the
 * broker will use.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  CreateDynamicThingGroupCommand,
  CreateThingCommand,
  IoTClient,
  ListThingsInThingGroupCommand,
  SearchIndexCommand,
  type ThingDocument,
} from "@aws-sdk/client-iot";
import { Sandbox } from "../../src/sandbox/server.js";
import { loadIdentity, type SandboxSettings } from "../../src/sandbox/settings.js";
import { enableIndexing, uniqueName, WORKSHOP_INDEXING } from "./iot-index-helpers.js";

const REGION = "us-east-1";
let dir: string;
let settings: SandboxSettings;
let sandbox: Sandbox;
let iot: IoTClient;

async function open(): Promise<void> {
  sandbox = new Sandbox({ ...settings });
  const port = await sandbox.listen();
  iot?.destroy();
  iot = new IoTClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: REGION,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    maxAttempts: 1,
  });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "iotdm-connectivity-"));
  const identity = loadIdentity(dir);
  settings = {
    host: "127.0.0.1",
    port: 0,
    dataDir: dir,
    region: REGION,
    ...identity,
    auth: true,
    throttle: "off",
    failRate: 0,
    thingTypeDeletionDelaySeconds: 300,
  };
  await open();
  await enableIndexing(iot);
});
after(async () => {
  iot.destroy();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const scope = () => `${settings.accountId}:${REGION}`;
const connect = (thingName: string, timestamp: number) =>
  sandbox.events.emit({ type: "thing.connected", scope: scope(), thingName, timestamp });
const disconnect = (thingName: string, timestamp: number, disconnectReason?: string) =>
  sandbox.events.emit({ type: "thing.disconnected", scope: scope(), thingName, timestamp, disconnectReason });

async function search(queryString: string): Promise<ThingDocument[]> {
  return (await iot.send(new SearchIndexCommand({ queryString, maxResults: 100 }))).things ?? [];
}

async function documentOf(thingName: string): Promise<ThingDocument> {
  const [doc] = await search(`thingName:${thingName}`);
  assert.ok(doc, `${thingName} is indexed`);
  return doc;
}

const names = (docs: ThingDocument[]) => docs.map((d) => d.thingName).sort();

test("IDX-5/IDX-11: with STATUS a thing that never connected is offline (connected:false, no timestamp: emulator choice)", async () => {
  const thingName = uniqueName("never");
  await iot.send(new CreateThingCommand({ thingName }));
  assert.deepEqual((await documentOf(thingName)).connectivity, { connected: false });
  assert.ok(names(await search("connectivity.connected:false")).includes(thingName));
  assert.ok(!names(await search("connectivity.connected:true")).includes(thingName));
  assert.ok(!names(await search("connectivity.timestamp:*")).includes(thingName));
});

test("IDX-5: without connectivity indexing (REGISTRY only) documents carry no connectivity", async () => {
  const thingName = uniqueName("registry-only");
  await iot.send(new CreateThingCommand({ thingName }));
  connect(thingName, 1_700_000_000_000);
  await enableIndexing(iot, { thingIndexingMode: "REGISTRY", thingConnectivityIndexingMode: "OFF" });
  try {
    assert.equal((await documentOf(thingName)).connectivity, undefined);
    assert.deepEqual(await search("connectivity.connected:*"), []);
  } finally {
    await enableIndexing(iot, WORKSHOP_INDEXING);
  }
  // The state was kept meanwhile: turning STATUS back on shows it.
  assert.deepEqual((await documentOf(thingName)).connectivity, {
    connected: true,
    timestamp: 1_700_000_000_000,
  });
});

test("IDX-5/Q-1: thing.connected and thing.disconnected reach the document and queries at once (read-your-writes)", async () => {
  const thingName = uniqueName("device");
  await iot.send(new CreateThingCommand({ thingName }));
  const connectedAt = sandbox.clock.nowMs();
  connect(thingName, connectedAt);
  assert.deepEqual((await documentOf(thingName)).connectivity, { connected: true, timestamp: connectedAt });
  assert.ok(names(await search("connectivity.connected:true")).includes(thingName));
  assert.ok(names(await search(`connectivity.timestamp>=${connectedAt}`)).includes(thingName));
  const leftAt = connectedAt + 5000;
  disconnect(thingName, leftAt, "CLIENT_INITIATED_DISCONNECT");
  assert.deepEqual((await documentOf(thingName)).connectivity, {
    connected: false,
    timestamp: leftAt,
    disconnectReason: "CLIENT_INITIATED_DISCONNECT",
  });
  assert.deepEqual(names(await search("connectivity.disconnectReason:client_initiated_disconnect")), [
    thingName,
  ]);
  assert.ok(!names(await search("connectivity.connected:true")).includes(thingName));
});

test("DYN-2: a dynamic group on connectivity.connected:true gains and loses members as things connect and disconnect", async () => {
  const a = uniqueName("online-a");
  const b = uniqueName("online-b");
  for (const thingName of [a, b]) await iot.send(new CreateThingCommand({ thingName }));
  const group = uniqueName("Online");
  await iot.send(
    new CreateDynamicThingGroupCommand({
      thingGroupName: group,
      queryString: `connectivity.connected:true AND thingName:online-*`,
    }),
  );
  const members = async () =>
    ((await iot.send(new ListThingsInThingGroupCommand({ thingGroupName: group }))).things ?? []).sort();
  assert.deepEqual(await members(), []);
  connect(a, sandbox.clock.nowMs());
  connect(b, sandbox.clock.nowMs());
  assert.deepEqual(await members(), [a, b].sort());
  disconnect(a, sandbox.clock.nowMs(), "CONNECTION_LOST");
  assert.deepEqual(await members(), [b]);
});

test("IDX-5: connectivity is stored: after a restart the rebuilt index still has it", async () => {
  const thingName = uniqueName("persisted");
  await iot.send(new CreateThingCommand({ thingName }));
  connect(thingName, 1_800_000_000_000);
  await sandbox.close();
  await open();
  assert.deepEqual((await documentOf(thingName)).connectivity, {
    connected: true,
    timestamp: 1_800_000_000_000,
  });
});
