/** The one operation-context builder (context.ts): the same services' view for an HTTP request, an MQTT client or the sandbox itself. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { Clock } from "../../src/sandbox/clock.js";
import { createOperationContext } from "../../src/sandbox/context.js";
import { EventBus } from "../../src/sandbox/events.js";
import { Scheduler } from "../../src/sandbox/scheduler.js";
import { ServiceRuntime } from "../../src/sandbox/services/runtime.js";
import { openDatabase, Store } from "../../src/sandbox/storage/store.js";
import { testSettings } from "../helpers/settings.js";

const dir = mkdtempSync(join(tmpdir(), "iotdm-context-"));
const store = new Store(openDatabase(join(dir, "state.db")));
after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const settings = (host: string) => testSettings(dir, { host });
const deps = (host = "127.0.0.1") => {
  const clock = new Clock();
  const scheduler = new Scheduler({
    store,
    clock,
    context: () => assert.fail("no timer runs"),
    log: () => {},
  });
  return {
    store,
    clock,
    events: new EventBus(),
    settings: settings(host),
    runtime: new ServiceRuntime(),
    scheduler,
  };
};
const scope = { accountId: "123456789012", region: "eu-west-1" };

test("an HTTP caller's context carries its Host and headers, as handlers read them today", () => {
  const headers = { host: "data-ats.iot.eu-west-1.amazonaws.com", "x-amz-date": "20260101T000000Z" };
  const ctx = createOperationContext(deps(), {
    scope,
    requestId: "req-1",
    origin: { kind: "http", host: headers.host, headers },
  });
  assert.equal(ctx.host, headers.host);
  assert.equal(ctx.headers, headers);
  assert.equal(ctx.requestId, "req-1");
  assert.deepEqual(ctx.scope, scope);
  assert.equal(ctx.store, store);
});

test("an MQTT client's context names the sandbox's own address and no headers; a request id is made up", () => {
  const ctx = createOperationContext(deps("0.0.0.0"), {
    scope,
    origin: { kind: "mqtt", clientId: "device-1" },
  });
  assert.equal(ctx.host, "127.0.0.1:5566");
  assert.deepEqual(ctx.headers, {});
  assert.deepEqual(ctx.origin, { kind: "mqtt", clientId: "device-1" });
  assert.match(ctx.requestId, /^[0-9a-f-]{36}$/);
  const v6 = createOperationContext(deps("::1"), { scope, origin: { kind: "internal", name: "timer" } });
  assert.equal(v6.host, "[::1]:5566");
});
