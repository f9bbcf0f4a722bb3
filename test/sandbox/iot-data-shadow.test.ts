/**
 * Device Shadow REST API end to end (aws-semantics.md §6.1): documents, merge, versions,
 * metadata, delta, size, validation messages and HTTP-level errors, through the real SDK v3.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  DeleteThingShadowCommand,
  GetThingShadowCommand,
  IoTDataPlaneClient,
  UpdateThingShadowCommand,
} from "@aws-sdk/client-iot-data-plane";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
let data: IoTDataPlaneClient;
before(async () => {
  sb = await startSandbox();
  data = new IoTDataPlaneClient(sb.config);
});
after(() => sb.dispose());

let counter = 0;
const thing = (prefix: string) => `${prefix}-${++counter}`;

type Json = Record<string, unknown>;
const body = (doc: unknown): Uint8Array =>
  new TextEncoder().encode(typeof doc === "string" ? doc : JSON.stringify(doc));
const parse = (payload: Uint8Array | undefined): Json =>
  JSON.parse(new TextDecoder().decode(payload)) as Json;

async function update(thingName: string, doc: unknown, shadowName?: string): Promise<Json> {
  const out = await data.send(new UpdateThingShadowCommand({ thingName, shadowName, payload: body(doc) }));
  return parse(out.payload);
}
async function get(thingName: string, shadowName?: string): Promise<Json> {
  return parse((await data.send(new GetThingShadowCommand({ thingName, shadowName }))).payload);
}

interface AwsError extends Error {
  $metadata?: { httpStatusCode?: number };
}
async function rejects(p: Promise<unknown>, name: string, status: number, message?: string | RegExp) {
  await assert.rejects(p, (e: AwsError) => {
    assert.equal(e.name, name, e.message);
    assert.equal(e.$metadata?.httpStatusCode, status);
    if (typeof message === "string") assert.equal(e.message, message);
    else if (message) assert.match(e.message, message);
    return true;
  });
}

test("SHD-1/SHD-8: a classic shadow is created for an unregistered thing and echoes the request", async () => {
  const t = thing("shd1");
  const res = await update(t, { state: { desired: { color: "red" } }, clientToken: "tok-1" });
  const ts = res.timestamp as number;
  assert.ok(Number.isInteger(ts));
  assert.deepEqual(res, {
    state: { desired: { color: "red" } },
    metadata: { desired: { color: { timestamp: ts } } },
    version: 1,
    timestamp: ts,
    clientToken: "tok-1",
  });
  const doc = await get(t);
  assert.deepEqual(doc.state, { desired: { color: "red" }, delta: { color: "red" } });
  assert.deepEqual(doc.metadata, { desired: { color: { timestamp: ts } } });
  assert.equal(doc.version, 1);
  assert.ok((doc.timestamp as number) >= ts);
  assert.equal(doc.clientToken, undefined);
});

test("SHD-3: objects merge, scalars and arrays replace, null deletes, emptied sections disappear", async () => {
  const t = thing("shd3");
  await update(t, {
    state: { desired: { a: { b: 1, c: [1, 2, 3] }, keep: true }, reported: { r: 1 } },
  });
  const echo = await update(t, { state: { desired: { a: { c: [9], d: "x" }, keep: null } } });
  assert.deepEqual(echo.state, { desired: { a: { c: [9], d: "x" }, keep: null } });
  let doc = await get(t);
  assert.deepEqual(doc.state, {
    desired: { a: { b: 1, c: [9], d: "x" } },
    reported: { r: 1 },
    delta: { a: { b: 1, c: [9], d: "x" } },
  });
  // Deleting every key of a nested object removes the object; `reported: null` drops the section.
  await update(t, { state: { desired: { a: { b: null, c: null, d: null } }, reported: null } });
  doc = await get(t);
  assert.deepEqual(doc.state, {});
  assert.deepEqual(doc.metadata, {});
  assert.equal(doc.version, 3);
});

test("SHD-4: every accepted update adds 1; a version mismatch is 409 Version conflict", async () => {
  const t = thing("shd4");
  assert.equal((await update(t, { state: { reported: { x: 1 } } })).version, 1);
  // An update that changes nothing still counts.
  assert.equal((await update(t, { state: { reported: { x: 1 } } })).version, 2);
  assert.equal((await update(t, { state: {} })).version, 3);
  await rejects(
    update(t, { state: { reported: { x: 2 } }, version: 2 }),
    "ConflictException",
    409,
    "Version conflict",
  );
  assert.equal((await update(t, { state: { reported: { x: 2 } }, version: 3 })).version, 4);
  assert.equal((await get(t)).version, 4);
  // A version on a shadow that does not exist yet must be 0 (nothing to continue from).
  const fresh = thing("shd4-new");
  await rejects(update(fresh, { state: { reported: {} }, version: 1 }), "ConflictException", 409);
  assert.equal((await update(fresh, { state: { reported: { y: 1 } }, version: 0 })).version, 1);
});

test("SHD-5: each written leaf gets its own timestamp; arrays per element; deleted keys lose theirs", async () => {
  const t = thing("shd5");
  const first = await update(t, { state: { reported: { a: 1, list: [1, { z: 2 }], gone: "x" } } });
  const t1 = first.timestamp as number;
  assert.deepEqual(first.metadata, {
    reported: {
      a: { timestamp: t1 },
      list: [{ timestamp: t1 }, { z: { timestamp: t1 } }],
      gone: { timestamp: t1 },
    },
  });
  await sb.advanceClock(100);
  const second = await update(t, { state: { reported: { b: 2, gone: null } } });
  const t2 = second.timestamp as number;
  assert.ok(t2 >= t1 + 100, `${t2} >= ${t1} + 100`);
  // The response echoes metadata for every key of the request, deletions included.
  assert.deepEqual(second.metadata, { reported: { b: { timestamp: t2 }, gone: { timestamp: t2 } } });
  const doc = await get(t);
  assert.deepEqual(doc.metadata, {
    reported: {
      a: { timestamp: t1 },
      list: [{ timestamp: t1 }, { z: { timestamp: t1 } }],
      b: { timestamp: t2 },
    },
  });
});

test("SHD-7: delta keeps nested paths, compares arrays whole and ignores reported-only keys", async () => {
  const t = thing("shd7");
  await update(t, {
    state: {
      desired: { light: { color: "red", level: 5 }, tags: [1, 2], same: "x" },
      reported: { light: { color: "green", level: 5 }, tags: [1, 2, 3], same: "x", extra: true },
    },
  });
  const doc = await get(t);
  assert.deepEqual((doc.state as Json).delta, { light: { color: "red" }, tags: [1, 2] });
  await update(t, { state: { reported: { light: { color: "red" }, tags: [1, 2] } } });
  assert.equal(((await get(t)).state as Json).delta, undefined);
});

test("SHD-6: desired + reported above 8 KB is 413; metadata does not count", async () => {
  const t = thing("shd6");
  // {"v":"<n chars>"} = n + 8 bytes; exactly 8192 bytes is accepted.
  await update(t, { state: { reported: { v: "x".repeat(8192 - 8) } } });
  await rejects(
    update(t, { state: { desired: { w: 1 } } }),
    "RequestEntityTooLargeException",
    413,
    "The payload exceeds the maximum size allowed",
  );
  // The rejected update left the shadow untouched.
  assert.equal((await get(t)).version, 1);
  // Many small keys: metadata (far larger than the state) is not counted.
  const many: Json = {};
  for (let i = 0; i < 500; i++) many[`k${i}`] = i;
  const small = thing("shd6-meta");
  assert.equal((await update(small, { state: { reported: many } })).version, 1);
});

test("SHD-2: invalid documents are 400 InvalidRequestException with AWS's messages", async () => {
  const t = thing("shd2");
  const cases: Array<[unknown, string]> = [
    ["{not json", "Invalid JSON"],
    ["", "Invalid JSON"],
    [{ version: 1 }, "Missing required node: state"],
    [{ state: 5 }, "State node must be an object"],
    [{ state: { desired: 5 } }, "Desired node must be an object"],
    [{ state: { reported: [1] } }, "Reported node must be an object"],
    [{ state: { delta: {} } }, "State contains an invalid node"],
    [{ state: {}, version: "1" }, "Invalid version"],
    [{ state: {}, clientToken: "x".repeat(65) }, "Invalid clientToken"],
    [
      { state: { desired: { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } } } },
      "JSON contains too many levels of nesting; maximum is 6",
    ],
    [{ state: { reported: { list: [1, null] } } }, "Invalid JSON"],
  ];
  for (const [doc, message] of cases) await rejects(update(t, doc), "InvalidRequestException", 400, message);
  await rejects(get(t), "ResourceNotFoundException", 404);
  // Six levels are fine, extra top-level keys are ignored, a 64-byte token is accepted.
  const ok = await update(t, {
    state: { desired: { a: { b: { c: { d: { e: { f: 1 } } } } } } },
    clientToken: "é".repeat(32),
    other: 1,
  });
  assert.equal(ok.version, 1);
  assert.equal(ok.clientToken, "é".repeat(32));
  assert.equal(ok.other, undefined);
});

test("SHD-2: a body that is not UTF-8 is 415 UnsupportedDocumentEncodingException", async () => {
  const payload = new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
  await rejects(
    data.send(new UpdateThingShadowCommand({ thingName: thing("shd2-enc"), payload })),
    "UnsupportedDocumentEncodingException",
    415,
  );
});

test("SHD-8: 404 names the thing for the classic shadow and the shadow for a named one", async () => {
  const t = thing("shd8");
  await rejects(get(t), "ResourceNotFoundException", 404, `No shadow exists with name: '${t}'`);
  await rejects(get(t, "cfg"), "ResourceNotFoundException", 404, "No shadow exists with name: 'cfg'");
  await rejects(
    data.send(new DeleteThingShadowCommand({ thingName: t, shadowName: "cfg" })),
    "ResourceNotFoundException",
    404,
    "No shadow exists with name: 'cfg'",
  );
  // A named shadow does not make the classic one exist, nor the reverse.
  await update(t, { state: { reported: { n: 1 } } }, "cfg");
  await rejects(get(t), "ResourceNotFoundException", 404);
  assert.deepEqual((await get(t, "cfg")).state, { reported: { n: 1 } });
});

test("SHD-8/SHD-4: delete answers {version, timestamp}; a re-created shadow continues the version", async () => {
  const t = thing("del");
  await update(t, { state: { reported: { a: 1 } } });
  await update(t, { state: { reported: { a: 2 } } });
  await update(t, { state: { reported: { a: 3 } } }, "side");
  const del = parse((await data.send(new DeleteThingShadowCommand({ thingName: t }))).payload);
  assert.deepEqual(Object.keys(del).sort(), ["timestamp", "version"]);
  assert.equal(del.version, 2);
  assert.ok(Number.isInteger(del.timestamp));
  await rejects(get(t), "ResourceNotFoundException", 404);
  await rejects(data.send(new DeleteThingShadowCommand({ thingName: t })), "ResourceNotFoundException", 404);
  // The named shadow is independent of the classic one.
  assert.equal((await get(t, "side")).version, 1);
  // A version check on the re-created shadow compares with the deleted version.
  await rejects(update(t, { state: { reported: { b: 1 } }, version: 0 }), "ConflictException", 409);
  const again = await update(t, { state: { reported: { b: 1 } }, version: 2 });
  assert.equal(again.version, 3);
  assert.deepEqual((await get(t)).state, { reported: { b: 1 } });
});

test("SHD-4: more than 48 h after a delete the re-created shadow starts again at version 1", async () => {
  const t = thing("del48");
  for (let i = 0; i < 3; i++) await update(t, { state: { reported: { i } } }, "s");
  await data.send(new DeleteThingShadowCommand({ thingName: t, shadowName: "s" }));
  await sb.advanceClock(47 * 3600);
  await update(t, { state: { reported: { i: 9 } } }, "s");
  assert.equal((await get(t, "s")).version, 4);
  await data.send(new DeleteThingShadowCommand({ thingName: t, shadowName: "s" }));
  await sb.advanceClock(48 * 3600 + 1);
  assert.equal((await update(t, { state: { reported: { i: 10 } } }, "s")).version, 1);
});

test("VAL-1: thing and shadow names are validated (400 InvalidRequestException)", async () => {
  const bad: Array<[string, string | undefined]> = [
    ["bad!name", undefined],
    ["x".repeat(129), undefined],
    ["ok-thing", "bad/name"],
    ["ok-thing", "bad name"],
    ["ok-thing", "s".repeat(65)],
  ];
  for (const [thingName, shadowName] of bad) {
    await rejects(
      data.send(new GetThingShadowCommand({ thingName, shadowName })),
      "InvalidRequestException",
      400,
      /validation error/,
    );
    await rejects(
      data.send(new UpdateThingShadowCommand({ thingName, shadowName, payload: body({ state: {} }) })),
      "InvalidRequestException",
      400,
    );
  }
  // Edge values of the patterns and lengths are accepted.
  const longest = "T:_-".repeat(32);
  assert.equal(
    (await update(longest, { state: { reported: { ok: 1 } } }, "$a:_-".repeat(12) + "1234")).version,
    1,
  );
});

test("JSON-7: a wrong HTTP method on a shadow path is 405 MethodNotAllowedException", async () => {
  const client = new IoTDataPlaneClient(sb.config);
  client.middlewareStack.add(
    (next) => async (args) => {
      (args.request as { method: string }).method = "PUT";
      return next(args);
    },
    { step: "build", name: "forcePut" },
  );
  await rejects(
    client.send(new GetThingShadowCommand({ thingName: thing("m405") })),
    "MethodNotAllowedException",
    405,
  );
});
