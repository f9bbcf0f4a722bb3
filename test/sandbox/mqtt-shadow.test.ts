/**
 * SHD-20 over the real broker (--no-auth; policies are not what these tests are about): the classic
 * and named shadow topics answer as AWS's Device Shadow service does, through the same shadow
 * service as the REST API, and REST changes are published on the same topics (SHD-10).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { CreateThingCommand, IoTClient } from "@aws-sdk/client-iot";
import {
  DeleteThingShadowCommand,
  GetThingShadowCommand,
  IoTDataPlaneClient,
  UpdateThingShadowCommand,
} from "@aws-sdk/client-iot-data-plane";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { enableIndexing, searchNames, uniqueName } from "./iot-index-helpers.js";
import { Device } from "./mqtt-topics-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
let data: IoTDataPlaneClient;
let url: string;
before(async () => {
  sb = await startSandbox({ args: ["--no-auth"] });
  iot = new IoTClient(sb.config);
  data = new IoTDataPlaneClient(sb.config);
  url = (await sb.mqtt()).url;
});
after(async () => {
  iot.destroy();
  data.destroy();
  await sb.dispose();
});

async function newThing(): Promise<string> {
  const thingName = uniqueName("car");
  await iot.send(new CreateThingCommand({ thingName }));
  return thingName;
}

/** The thing's device, subscribed to every answer topic of its classic and named shadows. */
async function deviceOf(thingName: string, clientId = thingName): Promise<Device> {
  const device = await Device.connect(url, clientId);
  await device.subscribe(`$aws/things/${thingName}/shadow/+/+`, `$aws/things/${thingName}/shadow/name/+/+/+`);
  return device;
}

const getShadow = async (thingName: string, shadowName?: string) =>
  JSON.parse(
    new TextDecoder().decode((await data.send(new GetThingShadowCommand({ thingName, shadowName }))).payload),
  ) as Record<string, unknown>;

for (const shadowName of [undefined, "cfg"]) {
  const kind = shadowName === undefined ? "classic" : "named";
  const prefixOf = (t: string) => `$aws/things/${t}/shadow${shadowName ? `/name/${shadowName}` : ""}`;

  test(`SHD-20/SHD-10 (${kind}): update answers accepted, documents and delta with the clientToken; GetThingShadow reads it`, async () => {
    const thing = await newThing();
    const device = await deviceOf(thing);
    const p = prefixOf(thing);
    try {
      const accepted = await device.request(`${p}/update`, {
        state: { desired: { color: "red" }, reported: { color: "blue", battery: 80 } },
        clientToken: "tok-1",
      });
      assert.equal(accepted.topic, `${p}/update/accepted`);
      const ts = accepted.body.timestamp as number;
      assert.equal(typeof ts, "number");
      assert.ok(ts < 1e11, "shadow timestamps are epoch seconds");
      assert.deepEqual(accepted.body, {
        state: { desired: { color: "red" }, reported: { color: "blue", battery: 80 } },
        metadata: {
          desired: { color: { timestamp: ts } },
          reported: { color: { timestamp: ts }, battery: { timestamp: ts } },
        },
        version: 1,
        timestamp: ts,
        clientToken: "tok-1",
      });
      const documents = await device.next(`${p}/update/documents`);
      assert.equal(documents.body.previous, undefined, "a new shadow has no previous document");
      assert.deepEqual((documents.body.current as Record<string, unknown>).state, {
        desired: { color: "red" },
        reported: { color: "blue", battery: 80 },
      });
      assert.equal((documents.body.current as Record<string, unknown>).version, 1);
      assert.equal(documents.body.clientToken, "tok-1");
      const delta = await device.next(`${p}/update/delta`);
      assert.deepEqual(delta.body, {
        state: { color: "red" },
        metadata: { color: { timestamp: ts } },
        version: 1,
        timestamp: ts,
        clientToken: "tok-1",
      });

      const second = await device.request(`${p}/update`, {
        state: { reported: { color: "red" } },
        version: 1,
      });
      assert.equal(second.topic, `${p}/update/accepted`);
      assert.equal(second.body.version, 2);
      assert.equal(second.body.clientToken, undefined, "no clientToken asked, none echoed");
      const docs2 = await device.next(`${p}/update/documents`);
      assert.equal((docs2.body.previous as Record<string, unknown>).version, 1);
      // Sync point: a get answered after the update means every message of the update has arrived.
      await device.request(`${p}/get`);
      assert.deepEqual(
        device.unread(`${p}/update/delta`),
        [],
        "an update without desired publishes no delta",
      );

      const rest = await getShadow(thing, shadowName);
      assert.deepEqual(rest.state, { desired: { color: "red" }, reported: { color: "red", battery: 80 } });
      assert.equal(rest.version, 2);
    } finally {
      await device.end();
    }
  });

  test(`SHD-20/SHD-8 (${kind}): get answers the GetThingShadow document with delta and clientToken; delete answers {version, timestamp, clientToken}`, async () => {
    const thing = await newThing();
    const device = await deviceOf(thing);
    const p = prefixOf(thing);
    try {
      await device.request(`${p}/update`, {
        state: { desired: { mode: "eco" }, reported: { mode: "sport" } },
      });
      const got = await device.request(`${p}/get`, { clientToken: "g-1" });
      assert.equal(got.topic, `${p}/get/accepted`);
      assert.deepEqual(got.body.state, {
        desired: { mode: "eco" },
        reported: { mode: "sport" },
        delta: { mode: "eco" },
      });
      assert.equal(got.body.version, 1);
      assert.equal(got.body.clientToken, "g-1");
      assert.ok(got.body.metadata);

      const deleted = await device.request(`${p}/delete`, { clientToken: "d-1" });
      assert.equal(deleted.topic, `${p}/delete/accepted`);
      assert.deepEqual(Object.keys(deleted.body).sort(), ["clientToken", "timestamp", "version"]);
      assert.equal(deleted.body.version, 1);
      assert.equal(deleted.body.clientToken, "d-1");

      const gone = await device.request(`${p}/get`, { clientToken: "g-2" });
      assert.equal(gone.topic, `${p}/get/rejected`);
      assert.deepEqual(gone.body, {
        code: 404,
        message: `No shadow exists with name: '${shadowName ?? thing}'`,
        timestamp: gone.body.timestamp,
        clientToken: "g-2",
      });
      const again = await device.request(`${p}/delete`);
      assert.equal(again.topic, `${p}/delete/rejected`);
      assert.equal(again.body.code, 404);
      // SHD-4: a re-created shadow continues from the deleted version.
      const recreated = await device.request(`${p}/update`, { state: { reported: { mode: "eco" } } });
      assert.equal(recreated.body.version, 2);
    } finally {
      await device.end();
    }
  });

  test(`SHD-20 (${kind}): update/rejected carries the REST errors' codes and messages (SHD-2, SHD-4, SHD-6) with the clientToken`, async () => {
    const thing = await newThing();
    const device = await deviceOf(thing);
    const p = prefixOf(thing);
    const reject = async (payload: unknown) => {
      const m = await device.request(`${p}/update`, payload);
      assert.equal(m.topic, `${p}/update/rejected`);
      assert.equal(typeof m.body.timestamp, "number");
      return { code: m.body.code, message: m.body.message, clientToken: m.body.clientToken };
    };
    try {
      assert.deepEqual(await reject("{not json"), {
        code: 400,
        message: "Invalid JSON",
        clientToken: undefined,
      });
      assert.deepEqual(await reject({ clientToken: "c1" }), {
        code: 400,
        message: "Missing required node: state",
        clientToken: "c1",
      });
      assert.deepEqual(await reject({ state: { other: {} }, clientToken: "c2" }), {
        code: 400,
        message: "State contains an invalid node",
        clientToken: "c2",
      });
      assert.deepEqual(await reject(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), {
        code: 415,
        message: "Unsupported documented encoding; supported encoding is UTF-8",
        clientToken: undefined,
      });
      await device.request(`${p}/update`, { state: { reported: { n: 1 } } });
      assert.deepEqual(await reject({ state: { reported: { n: 2 } }, version: 7, clientToken: "c3" }), {
        code: 409,
        message: "Version conflict",
        clientToken: "c3",
      });
      assert.deepEqual(await reject({ state: { reported: { blob: "x".repeat(9000) } }, clientToken: "c4" }), {
        code: 413,
        message: "The payload exceeds the maximum size allowed",
        clientToken: "c4",
      });
      assert.equal((await getShadow(thing, shadowName)).version, 1, "nothing refused was stored");
    } finally {
      await device.end();
    }
  });
}

test("SHD-20: a shadow of a thing that does not exist is refused with 404 on update, get and delete", async () => {
  const thing = uniqueName("ghost");
  const device = await deviceOf(thing);
  try {
    for (const action of ["update", "get", "delete"]) {
      for (const p of [`$aws/things/${thing}/shadow`, `$aws/things/${thing}/shadow/name/cfg`]) {
        const m = await device.request(`${p}/${action}`, { state: { reported: { a: 1 } }, clientToken: "t" });
        assert.equal(m.topic, `${p}/${action}/rejected`);
        assert.deepEqual(
          { code: m.body.code, message: m.body.message, clientToken: m.body.clientToken },
          { code: 404, message: `Thing ${thing} cannot be found.`, clientToken: "t" },
        );
      }
    }
  } finally {
    await device.end();
  }
});

test("SHD-1/SHD-20: a named shadow topic with a name the REST API refuses is rejected with 400", async () => {
  const thing = await newThing();
  const device = await deviceOf(thing);
  try {
    const p = `$aws/things/${thing}/shadow/name/${"n".repeat(65)}`;
    const m = await device.request(`${p}/get`);
    assert.equal(m.topic, `${p}/get/rejected`);
    assert.equal(m.body.code, 400);
    assert.match(String(m.body.message), /shadowName.*less than or equal to 64/);
  } finally {
    await device.end();
  }
});

test("SHD-10: REST UpdateThingShadow and DeleteThingShadow are published on the shadow topics", async () => {
  const thing = await newThing();
  const device = await deviceOf(thing);
  try {
    const p = `$aws/things/${thing}/shadow/name/app`;
    const payload = new TextEncoder().encode(
      JSON.stringify({ state: { desired: { lock: true } }, clientToken: "rest-1" }),
    );
    await data.send(new UpdateThingShadowCommand({ thingName: thing, shadowName: "app", payload }));
    const accepted = await device.next(`${p}/update/accepted`);
    assert.deepEqual(accepted.body.state, { desired: { lock: true } });
    assert.equal(accepted.body.clientToken, "rest-1");
    assert.equal((await device.next(`${p}/update/documents`)).body.clientToken, "rest-1");
    assert.deepEqual((await device.next(`${p}/update/delta`)).body.state, { lock: true });
    await data.send(new DeleteThingShadowCommand({ thingName: thing, shadowName: "app" }));
    const deleted = await device.next(`${p}/delete/accepted`);
    assert.equal(deleted.body.version, 1);
  } finally {
    await device.end();
  }
});

test("SHD-20: a client that is not the thing may use the thing's shadow topics; the thing's own subscription sees the result", async () => {
  const thing = await newThing();
  const device = await deviceOf(thing);
  const app = await deviceOf(thing, uniqueName("app"));
  try {
    const p = `$aws/things/${thing}/shadow`;
    const answer = await app.request(`${p}/update`, { state: { desired: { speed: 30 } } });
    assert.equal(answer.topic, `${p}/update/accepted`);
    assert.deepEqual((await device.next(`${p}/update/delta`)).body.state, { speed: 30 });
  } finally {
    await app.end();
    await device.end();
  }
});

test("PKG-SHD-1: an MQTT update of $package with a key other than version/attributes is rejected with 400", async () => {
  const thing = await newThing();
  const device = await deviceOf(thing);
  try {
    const p = `$aws/things/${thing}/shadow/name/$package`;
    const m = await device.request(`${p}/update`, {
      state: { reported: { app: { version: "1.0", description: "no" } } },
    });
    assert.equal(m.topic, `${p}/update/rejected`);
    assert.equal(m.body.code, 400);
    const ok = await device.request(`${p}/update`, { state: { reported: { app: { version: "1.0" } } } });
    assert.equal(ok.topic, `${p}/update/accepted`);
    assert.equal(ok.body.metadata, undefined, "the reserved shadow keeps no metadata");
  } finally {
    await device.end();
  }
});

test("IDX-5/SHD-20: an MQTT shadow update is searchable in the fleet index (shadow.reported.*, named shadows in the filter)", async () => {
  await enableIndexing(iot, {
    thingIndexingMode: "REGISTRY_AND_SHADOW",
    namedShadowIndexingMode: "ON",
    filter: { namedShadowNames: ["cfg"] },
  });
  const thing = await newThing();
  const device = await deviceOf(thing);
  try {
    await device.request(`$aws/things/${thing}/shadow/update`, { state: { reported: { battery: 17 } } });
    await device.request(`$aws/things/${thing}/shadow/name/cfg/update`, {
      state: { reported: { mode: "eco" } },
    });
    assert.deepEqual(await searchNames(iot, `thingName:${thing} AND shadow.reported.battery<20`), [thing]);
    assert.deepEqual(await searchNames(iot, `thingName:${thing} AND shadow.name.cfg.reported.mode:eco`), [
      thing,
    ]);
  } finally {
    await device.end();
  }
});

test("SHD-20 robustness: every shadow topic answers every odd payload on accepted or rejected, and nothing stored is corrupted", async () => {
  const thing = await newThing();
  const device = await deviceOf(thing);
  const odd: Array<string | Buffer> = [
    "",
    "null",
    "[]",
    '"text"',
    Buffer.from([0xff, 0xfe]),
    `${"[".repeat(5000)}${"]".repeat(5000)}`,
    '{"state":{"reported":{"a":[1,null]}}}',
    '{"state":{"reported":{"__proto__":{"x":1}}}}',
    '{"state":{"desired":5}}',
    '{"state":{},"version":"1"}',
    '{"state":{},"clientToken":{}}',
    JSON.stringify({ state: { reported: { deep: { a: { b: { c: { d: { e: { f: 1 } } } } } } } } }),
  ];
  try {
    await device.request(`$aws/things/${thing}/shadow/update`, { state: { reported: { ok: true } } });
    for (const p of [`$aws/things/${thing}/shadow`, `$aws/things/${thing}/shadow/name/x`])
      for (const action of ["update", "get"])
        for (const payload of odd) {
          const m = await device.request(`${p}/${action}`, payload);
          assert.match(m.topic, /\/(accepted|rejected)$/);
          if (m.topic.endsWith("/rejected")) assert.ok([400, 404, 415].includes(m.body.code as number));
        }
    const shadow = await getShadow(thing);
    assert.equal((shadow.state as { reported: { ok: boolean } }).reported.ok, true);
  } finally {
    await device.end();
  }
});
