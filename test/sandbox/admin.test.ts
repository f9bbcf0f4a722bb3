/**
 * The admin plane (`/_iotdm/*`): only health is open; every other endpoint needs the instance's
 * admin token, refuses web pages (an Origin header) and non-JSON bodies, validates its values, and
 * a clock offset stored broken by an older version is repaired on start.
 */
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CreateThingCommand, DescribeThingCommand, IoTClient } from "@aws-sdk/client-iot";
import Database from "better-sqlite3";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
let iot: IoTClient;
before(async () => {
  sb = await startSandbox({ captureStderr: true });
  iot = new IoTClient(sb.config);
});
after(() => sb.dispose());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: Record<string, unknown>;
}

/** A raw HTTP call, as curl or a browser would send it (any header, any content type). */
function call(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: sb.port, method, path, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () => {
        const text = Buffer.concat(parts).toString("utf8");
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : {} });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const JSON_TYPE = { "content-type": "application/json" };
const health = async () => (await call("GET", "/_iotdm/health")).json;

test("admin plane: the issue's probe (text/plain + Origin to /_iotdm/config, auth:false) is refused and auth stays on", async () => {
  const probe = await call(
    "POST",
    "/_iotdm/config",
    { "content-type": "text/plain", origin: "http://evil.example" },
    '{"auth":false}',
  );
  assert.equal(probe.status, 403);
  // Even with the token, a page (Origin) or a "simple" content type is refused.
  const withToken = { ...bearer(sb.adminToken), "content-type": "text/plain" };
  assert.equal((await call("POST", "/_iotdm/config", withToken, '{"auth":false}')).status, 415);
  const fromPage = { ...bearer(sb.adminToken), ...JSON_TYPE, origin: "http://evil.example" };
  assert.equal((await call("POST", "/_iotdm/config", fromPage, '{"auth":false}')).status, 403);
  const form = { ...bearer(sb.adminToken), "content-type": "application/x-www-form-urlencoded" };
  assert.equal((await call("POST", "/_iotdm/config", form, "auth=false")).status, 415);

  assert.equal((await health()).auth, true);
  const unsigned = await call(
    "POST",
    "/things/probe-thing",
    { host: "iot.us-east-1.amazonaws.com", ...JSON_TYPE },
    "{}",
  );
  assert.equal(unsigned.status, 403);
});

test("admin plane: reset, shutdown, config and clock without the token -> 401, with a wrong one -> 403, and nothing changes", async () => {
  await iot.send(new CreateThingCommand({ thingName: "kept-thing" }));
  const before = await health();
  const attempts: Array<[string, string]> = [
    ["reset", "{}"],
    ["shutdown", "{}"],
    ["config", '{"auth":false,"failRate":1}'],
    ["clock", '{"advanceSeconds":3600}'],
  ];
  for (const [endpoint, body] of attempts) {
    const none = await call("POST", `/_iotdm/${endpoint}`, JSON_TYPE, body);
    assert.equal(none.status, 401, endpoint);
    assert.match(String(none.headers["www-authenticate"]), /^Bearer/);
    const wrong = await call(
      "POST",
      `/_iotdm/${endpoint}`,
      { ...JSON_TYPE, ...bearer("not-the-token") },
      body,
    );
    assert.equal(wrong.status, 403, endpoint);
  }
  const logs = await call("GET", "/_iotdm/logs");
  assert.equal(logs.status, 401);
  const afterwards = await health();
  assert.deepEqual(
    [afterwards.pid, afterwards.auth, afterwards.failRate, afterwards.clockOffsetSeconds],
    [before.pid, before.auth, before.failRate, before.clockOffsetSeconds],
  );
  const thing = await iot.send(new DescribeThingCommand({ thingName: "kept-thing" }));
  assert.equal(thing.thingName, "kept-thing");
});

test("admin plane: GET /_iotdm/health carries nothing secret", async () => {
  const text = JSON.stringify(await health());
  assert.ok(!text.includes(sb.credentials.secretAccessKey));
  assert.ok(!text.includes(sb.credentials.accessKeyId));
  assert.ok(!text.includes(sb.adminToken));
});

test("admin plane: the admin token file is readable by its owner only (mode 0600)", () => {
  assert.equal(statSync(join(sb.dataDir, "admin-token")).mode & 0o777, 0o600);
  assert.ok(sb.adminToken.length >= 32);
});

test("admin plane: invalid values are 400 JSON errors and change nothing", async () => {
  const post = (endpoint: string, body: string) =>
    call("POST", `/_iotdm/${endpoint}`, { ...JSON_TYPE, ...bearer(sb.adminToken) }, body);
  const before = await health();
  for (const [endpoint, body] of [
    ["clock", '{"advanceSeconds":1e308}'],
    ["clock", '{"advanceSeconds":-1e308}'],
    ["clock", '{"advanceSeconds":"60"}'],
    ["clock", '{"advanceSeconds":null}'],
    ["clock", '{"seconds":60}'],
    ["config", '{"failRate":2}'],
    ["config", '{"failRate":-0.1}'],
    ["config", '{"failRate":0.5,"throttle":"fast"}'],
    ["config", '{"auth":"no"}'],
    ["config", '{"unknown":true}'],
    ["config", "[]"],
    ["config", "{"],
  ]) {
    const res = await post(endpoint, body);
    assert.equal(res.status, 400, `${endpoint} ${body}`);
    assert.equal(typeof res.json.message, "string");
  }
  const afterwards = await health();
  assert.deepEqual(
    [afterwards.failRate, afterwards.throttle, afterwards.auth, afterwards.clockOffsetSeconds],
    [before.failRate, before.throttle, before.auth, before.clockOffsetSeconds],
  );
});

test("admin plane: with the token, config, clock and reset work", async () => {
  const post = (endpoint: string, body: unknown) =>
    call("POST", `/_iotdm/${endpoint}`, { ...JSON_TYPE, ...bearer(sb.adminToken) }, JSON.stringify(body));
  const config = await post("config", { throttle: "aws", failRate: 0 });
  assert.equal(config.status, 200);
  assert.equal(config.json.throttle, "aws");
  assert.equal((await post("config", { throttle: "off" })).json.throttle, "off");
  const clock = await post("clock", { advanceSeconds: 60 });
  assert.equal(clock.status, 200);
  assert.equal(clock.json.offsetSeconds, 60);
  await iot.send(new CreateThingCommand({ thingName: "reset-me" }));
  assert.equal((await post("reset", {})).status, 200);
  await assert.rejects(
    iot.send(new DescribeThingCommand({ thingName: "reset-me" })),
    (e: Error) => e.name === "ResourceNotFoundException",
  );
  assert.equal((await health()).clockOffsetSeconds, 0);
});

test("admin plane: clock +1e308 is refused and CreateThing still works, also after a restart", async () => {
  const refused = await call(
    "POST",
    "/_iotdm/clock",
    { ...JSON_TYPE, ...bearer(sb.adminToken) },
    '{"advanceSeconds":1e308}',
  );
  assert.equal(refused.status, 400);
  await iot.send(new CreateThingCommand({ thingName: "after-big-clock" }));
  await sb.restart();
  await iot.send(new CreateThingCommand({ thingName: "after-big-clock-restart" }));
  assert.equal((await health()).clockOffsetSeconds, 0);
});

test("admin plane: a NaN clock offset stored by an older version is repaired on start (0, one line on stderr)", async () => {
  await sb.stop();
  const db = new Database(join(sb.dataDir, "state.db"));
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('clockOffsetMs', 'NaN')").run();
  db.close();
  await sb.restart();
  assert.match(sb.stderr(), /stored clock offset NaN is invalid/);
  assert.equal((await health()).clockOffsetSeconds, 0);
  const created = await iot.send(new CreateThingCommand({ thingName: "after-nan-clock" }));
  assert.equal(created.thingName, "after-nan-clock");
});

test("admin plane: shutdown with the token stops the process", async () => {
  const exited = new Promise((resolve) => sb.process.once("exit", resolve));
  const res = await call("POST", "/_iotdm/shutdown", { ...JSON_TYPE, ...bearer(sb.adminToken) }, "{}");
  assert.equal(res.status, 200);
  await exited;
});
