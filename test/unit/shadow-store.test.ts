/**
 * SHD-10 side effects of the shadow service, observed on the sandbox event bus (the MQTT broker
 * and the fleet index subscribe to these events), over a real SQLite store.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, beforeEach, test } from "node:test";
import { Clock } from "../../src/sandbox/clock.js";
import { ServiceError } from "../../src/sandbox/errors.js";
import { EventBus, type SandboxEvent } from "../../src/sandbox/events.js";
import {
  applyShadowUpdate,
  deleteShadow,
  readShadow,
  type ShadowContext,
  shadowsOfThing,
  updateShadow,
} from "../../src/sandbox/services/iot-data/shadow-store.js";
import { openDatabase, Store } from "../../src/sandbox/storage/store.js";

const dir = mkdtempSync(join(tmpdir(), "iotdm-shadow-store-"));
const store = new Store(openDatabase(join(dir, "state.db")));
after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

let events: SandboxEvent[];
let ctx: ShadowContext;
beforeEach(() => {
  events = [];
  const bus = new EventBus();
  bus.on((e) => events.push(e));
  ctx = { store, scope: { accountId: "123456789012", region: "eu-west-1" }, clock: new Clock(), events: bus };
});

const doc = (v: unknown) => Buffer.from(JSON.stringify(v));
const run = <T>(fn: () => T): T => store.transaction(fn);

test("SHD-10: an update with desired publishes accepted, documents and delta, in that order", () => {
  const accepted = run(() =>
    updateShadow(ctx, { thingName: "ev1" }, doc({ state: { desired: { a: 1 } }, clientToken: "c" })),
  );
  assert.deepEqual(
    events.map((e) => (e.type === "shadow.updated" ? e.topicSuffix : e.type)),
    ["update/accepted", "update/documents", "update/delta"],
  );
  for (const e of events) {
    assert.equal(e.type, "shadow.updated");
    assert.equal(e.scope, "123456789012:eu-west-1");
    assert.equal(e.thingName, "ev1");
    if (e.type === "shadow.updated") assert.equal(e.shadowName, undefined);
  }
  const [acc, docs, delta] = events.map((e) => (e as { payload: Record<string, unknown> }).payload);
  assert.deepEqual(acc, accepted);
  const ts = accepted.timestamp;
  assert.deepEqual(docs, {
    current: { state: { desired: { a: 1 } }, metadata: { desired: { a: { timestamp: ts } } }, version: 1 },
    timestamp: ts,
    clientToken: "c",
  });
  assert.deepEqual(delta, {
    state: { a: 1 },
    metadata: { a: { timestamp: ts } },
    version: 1,
    timestamp: ts,
    clientToken: "c",
  });
});

test("SHD-10: documents carries previous and current; no delta without desired or without difference", () => {
  const ref = { thingName: "ev2", shadowName: "cfg" };
  run(() => updateShadow(ctx, ref, doc({ state: { reported: { a: 1 } } })));
  assert.deepEqual(
    events.map((e) => (e as { topicSuffix?: string }).topicSuffix),
    ["update/accepted", "update/documents"],
  );
  assert.ok(events.every((e) => e.type === "shadow.updated" && e.shadowName === "cfg"));
  events.length = 0;
  run(() => updateShadow(ctx, ref, doc({ state: { desired: { a: 1 } } })));
  assert.deepEqual(
    events.map((e) => (e as { topicSuffix?: string }).topicSuffix),
    ["update/accepted", "update/documents"],
  );
  const documents = (events[1] as { payload: Record<string, Record<string, unknown>> }).payload;
  assert.equal(documents.previous.version, 1);
  assert.deepEqual(documents.previous.state, { reported: { a: 1 } });
  assert.equal(documents.current.version, 2);
  assert.deepEqual(documents.current.state, { desired: { a: 1 }, reported: { a: 1 } });
});

test("SHD-10: a rejected update stores nothing and publishes nothing", () => {
  const ref = { thingName: "ev3" };
  assert.throws(
    () => run(() => updateShadow(ctx, ref, doc({ state: { reported: { a: 1 } }, version: 5 }))),
    (e: unknown) => e instanceof ServiceError && e.code === "ConflictException",
  );
  assert.equal(events.length, 0);
  assert.equal(readShadow(ctx, ref), undefined);
});

test("SHD-8: delete publishes shadow.deleted with {version, timestamp}", () => {
  const ref = { thingName: "ev4", shadowName: "x" };
  run(() => updateShadow(ctx, ref, doc({ state: { reported: { a: 1 } } })));
  events.length = 0;
  const out = run(() => deleteShadow(ctx, ref));
  assert.deepEqual(events, [
    {
      type: "shadow.deleted",
      scope: "123456789012:eu-west-1",
      thingName: "ev4",
      shadowName: "x",
      payload: out,
    },
  ]);
  assert.equal(out.version, 1);
});

test("PKG-7 entry point: applyShadowUpdate on $package publishes documents without metadata", () => {
  const ref = { thingName: "ev5", shadowName: "$package" };
  run(() => applyShadowUpdate(ctx, ref, { state: { reported: { P: { version: "1", attributes: {} } } } }));
  const documents = (events[1] as { payload: Record<string, Record<string, unknown>> }).payload;
  assert.deepEqual(documents.current, {
    state: { reported: { P: { version: "1", attributes: {} } } },
    version: 1,
  });
  assert.equal((events[0] as { payload: Record<string, unknown> }).payload.metadata, undefined);
});

test("IDX-5 helper: shadowsOfThing returns the classic shadow first, then named ones by name", () => {
  run(() => {
    updateShadow(ctx, { thingName: "ev6", shadowName: "b" }, doc({ state: { reported: {} } }));
    updateShadow(ctx, { thingName: "ev6" }, doc({ state: { reported: {} } }));
    updateShadow(ctx, { thingName: "ev6", shadowName: "a" }, doc({ state: { reported: {} } }));
    updateShadow(ctx, { thingName: "ev6-x" }, doc({ state: { reported: {} } }));
  });
  assert.deepEqual(
    shadowsOfThing(ctx, "ev6").map((r) => r.shadowName ?? ""),
    ["", "a", "b"],
  );
});
