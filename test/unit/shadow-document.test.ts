import assert from "node:assert/strict";
import { test } from "node:test";
import { ServiceError } from "../../src/sandbox/errors.js";
import {
  applyUpdate,
  computeDelta,
  MAX_SHADOW_STATE_BYTES,
  parseUpdateRequest,
  renderGet,
  type StoredShadow,
  stateSizeBytes,
  type UpdateRequest,
} from "../../src/sandbox/services/iot-data/shadow-document.js";

const T0 = 1_700_000_000;
const T1 = T0 + 60;
const T2 = T0 + 120;

const parse = (doc: unknown, reservedPackageShadow = false): UpdateRequest =>
  parseUpdateRequest(Buffer.from(typeof doc === "string" ? doc : JSON.stringify(doc)), {
    reservedPackageShadow,
  });

/** Parse + apply, as the service does for one request. */
const update = (
  current: StoredShadow | undefined,
  doc: unknown,
  now: number,
  opts: { omitMetadata?: boolean; deletedVersion?: number; reserved?: boolean } = {},
) => applyUpdate(current, parse(doc, opts.reserved ?? false), now, opts);

const expectError = (fn: () => unknown, code: string, status: number, message: string): void => {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof ServiceError, `expected ServiceError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.equal(e.status, status);
    assert.equal(e.message, message);
    return true;
  });
};
const expect400 = (doc: unknown, message: string, reserved = false): void =>
  expectError(() => parse(doc, reserved), "InvalidRequestException", 400, message);

const ts = (t: number) => ({ timestamp: t });

// ---------------------------------------------------------------- SHD-2 validation

test("SHD-2: a valid request keeps state, version and clientToken and ignores other top-level keys", () => {
  const req = parse({
    state: { desired: { a: 1 }, reported: null },
    version: 3,
    clientToken: "tok",
    extra: 1,
  });
  assert.deepEqual(req, { state: { desired: { a: 1 }, reported: null }, version: 3, clientToken: "tok" });
  assert.deepEqual(parse({ state: {} }), { state: {} });
});

test("SHD-2: body that is not JSON -> 400 Invalid JSON", () => {
  expect400("{not json", "Invalid JSON");
  expect400("", "Invalid JSON");
  expect400("[1,2]", "Invalid JSON");
});

test("SHD-2: missing state -> 400 Missing required node: state", () => {
  expect400({ version: 1 }, "Missing required node: state");
});

test("SHD-2: state not an object -> 400 State node must be an object", () => {
  expect400({ state: "on" }, "State node must be an object");
  expect400({ state: null }, "State node must be an object");
  expect400({ state: [1] }, "State node must be an object");
});

test("SHD-2: desired/reported neither object nor null -> 400", () => {
  expect400({ state: { desired: 5 } }, "Desired node must be an object");
  expect400({ state: { desired: [1] } }, "Desired node must be an object");
  expect400({ state: { reported: "x" } }, "Reported node must be an object");
});

test("SHD-2: state with a node other than desired/reported -> 400 State contains an invalid node", () => {
  expect400({ state: { desired: { a: 1 }, delta: { a: 1 } } }, "State contains an invalid node");
});

test("SHD-2: version not a number -> 400 Invalid version", () => {
  expect400({ state: { desired: {} }, version: "1" }, "Invalid version");
  expect400({ state: { desired: {} }, version: null }, "Invalid version");
});

test("SHD-2: clientToken longer than 64 bytes -> 400 Invalid clientToken (64 bytes accepted)", () => {
  assert.equal(parse({ state: {}, clientToken: "x".repeat(64) }).clientToken, "x".repeat(64));
  expect400({ state: {}, clientToken: "x".repeat(65) }, "Invalid clientToken");
  // 22 x 3-byte characters = 66 bytes although only 22 UTF-16 units
  expect400({ state: {}, clientToken: "\u20ac".repeat(22) }, "Invalid clientToken");
  expect400({ state: {}, clientToken: 12 }, "Invalid clientToken");
});

test("SHD-2: nesting deeper than 6 levels inside desired/reported -> 400", () => {
  const six = { l1: { l2: { l3: { l4: { l5: { l6: "v" } } } } } };
  assert.deepEqual(parse({ state: { reported: six } }).state.reported, six);
  const seven = { l1: { l2: { l3: { l4: { l5: { l6: { l7: "v" } } } } } } };
  expect400({ state: { desired: seven } }, "JSON contains too many levels of nesting; maximum is 6");
  const sevenWithArray = { l1: { l2: { l3: { l4: { l5: { l6: [1] } } } } } };
  expect400(
    { state: { reported: sevenWithArray } },
    "JSON contains too many levels of nesting; maximum is 6",
  );
});

test("SHD-2: arrays containing null -> 400", () => {
  expect400({ state: { desired: { colors: ["RED", null] } } }, "Invalid JSON");
  expect400({ state: { reported: { a: { b: [[1, null]] } } } }, "Invalid JSON");
});

test("SHD-2: non-UTF-8 body -> 415 UnsupportedDocumentEncodingException", () => {
  const body = Buffer.concat([
    Buffer.from('{"state":{"desired":{"a":"'),
    Buffer.from([0xff, 0xfe]),
    Buffer.from('"}}}'),
  ]);
  expectError(
    () => parseUpdateRequest(body, { reservedPackageShadow: false }),
    "UnsupportedDocumentEncodingException",
    415,
    "Unsupported documented encoding; supported encoding is UTF-8",
  );
});

// ---------------------------------------------------------------- PKG-SHD-1

test("PKG-SHD-1: $package entries accept only version and attributes", () => {
  const ok = { state: { reported: { Sensor: { version: "1.0.0", attributes: {} }, Old: null } } };
  assert.deepEqual(parse(ok, true), ok);
  expect400(
    { state: { reported: { Sensor: { version: "1.0.0", description: "x" } } } },
    "Invalid package entry for Sensor: only version and attributes are allowed (found description)",
    true,
  );
  expect400(
    { state: { desired: { Sensor: "1.0.0" } } },
    "Invalid package entry for Sensor: it must be an object",
    true,
  );
  // The same document is fine on an ordinary shadow.
  assert.ok(parse({ state: { reported: { Sensor: { version: "1", description: "x" } } } }, false));
});

test("PKG-SHD-1/PKG-SHD-2: $package written without metadata, version starts at 1", () => {
  const doc = { state: { reported: { MyType: { version: "1.0.0", attributes: {} } } } };
  const r = update(undefined, doc, T0, { omitMetadata: true, reserved: true });
  assert.deepEqual(r.shadow, {
    state: { reported: { MyType: { version: "1.0.0", attributes: {} } } },
    metadata: {},
    version: 1,
  });
  assert.deepEqual(r.accepted, { state: doc.state, version: 1, timestamp: T0 });
  assert.deepEqual(r.documents, {
    current: { state: { reported: { MyType: { version: "1.0.0", attributes: {} } } }, version: 1 },
    timestamp: T0,
  });
  assert.equal(r.delta, undefined);
  assert.deepEqual(renderGet(r.shadow, T1, { omitMetadata: true }), {
    state: { reported: { MyType: { version: "1.0.0", attributes: {} } } },
    version: 1,
    timestamp: T1,
  });
});

// ---------------------------------------------------------------- SHD-3 merge

test("SHD-3: objects merge recursively key by key", () => {
  const s1 = update(undefined, { state: { reported: { a: 1, nested: { x: 1, y: 2 } } } }, T0).shadow;
  const s2 = update(s1, { state: { reported: { b: 2, nested: { y: 3, z: 4 } } } }, T1).shadow;
  assert.deepEqual(s2.state, { reported: { a: 1, b: 2, nested: { x: 1, y: 3, z: 4 } } });
});

test("SHD-3: a key set to null is deleted; objects emptied by deletion disappear", () => {
  const s1 = update(undefined, { state: { reported: { a: 1, b: 2, n: { x: 1 } } } }, T0).shadow;
  const s2 = update(s1, { state: { reported: { a: null, n: { x: null }, missing: null } } }, T1).shadow;
  assert.deepEqual(s2.state, { reported: { b: 2 } });
  assert.deepEqual(s2.metadata, { reported: { b: ts(T0) } });
  // An explicitly written empty object is stored (e.g. PKG-SHD-2 "attributes": {}).
  const s3 = update(s2, { state: { reported: { e: {}, gone: { x: null } } } }, T2).shadow;
  assert.deepEqual(s3.state, { reported: { b: 2, e: {} } });
  assert.deepEqual(s3.metadata, { reported: { b: ts(T0), e: {} } });
});

test("SHD-3: section set to null is removed; a section that becomes empty disappears", () => {
  const s1 = update(undefined, { state: { desired: { a: 1 }, reported: { a: 2 } } }, T0).shadow;
  const s2 = update(s1, { state: { desired: null } }, T1).shadow;
  assert.deepEqual(s2, { state: { reported: { a: 2 } }, metadata: { reported: { a: ts(T0) } }, version: 2 });
  const s3 = update(s2, { state: { reported: { a: null } } }, T2).shadow;
  assert.deepEqual(s3, { state: {}, metadata: {}, version: 3 });
});

test("SHD-3/SHD-4: removing both sections keeps an empty shadow and increments the version", () => {
  const s1 = update(undefined, { state: { desired: { a: 1 }, reported: { b: 1 } } }, T0).shadow;
  const r = update(s1, { state: { desired: null, reported: null } }, T1);
  assert.deepEqual(r.shadow, { state: {}, metadata: {}, version: 2 });
  assert.deepEqual(renderGet(r.shadow, T2), { state: {}, metadata: {}, version: 2, timestamp: T2 });
});

test("SHD-3: arrays replace the stored array whole (never partially updated)", () => {
  const s1 = update(undefined, { state: { desired: { colors: ["RED", "GREEN", "BLUE"] } } }, T0).shadow;
  const s2 = update(s1, { state: { desired: { colors: ["RED"] } } }, T1).shadow;
  assert.deepEqual(s2.state, { desired: { colors: ["RED"] } });
  assert.deepEqual(s2.metadata, { desired: { colors: [ts(T1)] } });
});

test("SHD-3: scalar replaces object and object replaces scalar (metadata follows)", () => {
  const s1 = update(undefined, { state: { reported: { a: { x: 1 }, b: 5 } } }, T0).shadow;
  const s2 = update(s1, { state: { reported: { a: "flat", b: { y: 2, z: null } } } }, T1).shadow;
  assert.deepEqual(s2.state, { reported: { a: "flat", b: { y: 2 } } });
  assert.deepEqual(s2.metadata, { reported: { a: ts(T1), b: { y: ts(T1) } } });
});

test("SHD-3: the stored shadow does not alias the request or the previous shadow", () => {
  const s1 = update(undefined, { state: { reported: { n: { x: 1 } } } }, T0).shadow;
  const s2 = update(s1, { state: { reported: { n: { y: 2 } } } }, T1).shadow;
  assert.deepEqual(s1.state, { reported: { n: { x: 1 } } });
  assert.deepEqual(s2.state, { reported: { n: { x: 1, y: 2 } } });
});

// ---------------------------------------------------------------- SHD-4 version

test("SHD-4: new shadow starts at version 1, every accepted update adds 1 (even no-ops)", () => {
  const r1 = update(undefined, { state: { reported: { a: 1 } } }, T0);
  assert.equal(r1.shadow.version, 1);
  const r2 = update(r1.shadow, { state: { reported: { a: 1 } } }, T1);
  assert.equal(r2.shadow.version, 2);
  const r3 = update(r2.shadow, { state: {} }, T2);
  assert.equal(r3.shadow.version, 3);
  assert.deepEqual(r3.shadow.state, { reported: { a: 1 } });
});

test("SHD-4: request version must equal the current version, else 409 Version conflict", () => {
  const s1 = update(undefined, { state: { reported: { a: 1 } } }, T0).shadow;
  assert.equal(update(s1, { state: { reported: { a: 2 } }, version: 1 }, T1).shadow.version, 2);
  expectError(
    () => update(s1, { state: { reported: { a: 2 } }, version: 5 }, T1),
    "ConflictException",
    409,
    "Version conflict",
  );
});

test("SHD-4: a re-created shadow continues from the deleted version", () => {
  const r = update(undefined, { state: { desired: { a: 1 } } }, T0, { deletedVersion: 7 });
  assert.equal(r.shadow.version, 8);
  assert.equal(r.accepted["version"], 8);
  expectError(
    () => update(undefined, { state: { desired: { a: 1 } }, version: 1 }, T0, { deletedVersion: 7 }),
    "ConflictException",
    409,
    "Version conflict",
  );
  assert.equal(update(undefined, { state: {}, version: 7 }, T0, { deletedVersion: 7 }).shadow.version, 8);
});

// ---------------------------------------------------------------- SHD-5 metadata

test("SHD-5: every written leaf gets a timestamp; arrays one per element; objects recurse", () => {
  const s1 = update(
    undefined,
    { state: { reported: { a: 1, arr: [1, "two", { k: true }], o: { p: { q: 1 } } } } },
    T0,
  ).shadow;
  assert.deepEqual(s1.metadata, {
    reported: { a: ts(T0), arr: [ts(T0), ts(T0), { k: ts(T0) }], o: { p: { q: ts(T0) } } },
  });
  const s2 = update(s1, { state: { reported: { o: { p: { r: 2 } } } } }, T1).shadow;
  assert.deepEqual(s2.metadata, {
    reported: { a: ts(T0), arr: [ts(T0), ts(T0), { k: ts(T0) }], o: { p: { q: ts(T0), r: ts(T1) } } },
  });
});

// ---------------------------------------------------------------- SHD-6 size

test("SHD-6: desired + reported above 8192 bytes -> 413; metadata does not count", () => {
  // {"v":"<n chars>"} is n + 8 bytes
  const exact = update(undefined, { state: { reported: { v: "x".repeat(MAX_SHADOW_STATE_BYTES - 8) } } }, T0);
  assert.equal(stateSizeBytes(exact.shadow.state), MAX_SHADOW_STATE_BYTES);
  expectError(
    () => update(exact.shadow, { state: { desired: { d: 1 } } }, T1),
    "RequestEntityTooLargeException",
    413,
    "The payload exceeds the maximum size allowed",
  );
  // Combined sections count together.
  const half = "y".repeat(4100);
  const s = update(undefined, { state: { desired: { v: half } } }, T0).shadow;
  expectError(
    () => update(s, { state: { reported: { v: half } } }, T1),
    "RequestEntityTooLargeException",
    413,
    "The payload exceeds the maximum size allowed",
  );
  // Deleting keys to shrink the document below the limit is accepted.
  const shrunk = update(exact.shadow, { state: { reported: { v: null, w: 1 } } }, T1);
  assert.deepEqual(shrunk.shadow.state, { reported: { w: 1 } });
});

// ---------------------------------------------------------------- SHD-7 delta

test("SHD-7: delta holds desired keys absent from or different in reported; reported-only keys never", () => {
  assert.deepEqual(computeDelta({ a: 1, b: 2, c: 3 }, { a: 1, b: 5, extra: 9 }), { b: 2, c: 3 });
  assert.equal(computeDelta({ a: 1 }, { a: 1, z: 2 }), undefined);
  assert.equal(computeDelta(undefined, { a: 1 }), undefined);
  assert.deepEqual(computeDelta({ a: 1 }, undefined), { a: 1 });
});

test("SHD-7: nested objects recurse and keep the path from the root", () => {
  const desired = { lights: { color: "RED", power: "ON" }, engine: "ON", cfg: { x: { y: 1, z: 2 } } };
  const reported = { lights: { color: "GREEN", power: "ON" }, engine: "ON", cfg: { x: { y: 1, z: 3 } } };
  assert.deepEqual(computeDelta(desired, reported), { lights: { color: "RED" }, cfg: { x: { z: 2 } } });
  assert.deepEqual(computeDelta({ o: { a: 1 } }, { o: "scalar" }), { o: { a: 1 } });
});

test("SHD-7: arrays are compared whole and copied whole", () => {
  assert.deepEqual(computeDelta({ c: [1, 2, 3] }, { c: [1, 2] }), { c: [1, 2, 3] });
  assert.equal(computeDelta({ c: [1, { k: 2 }] }, { c: [1, { k: 2 }] }), undefined);
  assert.deepEqual(computeDelta({ c: [2, 1] }, { c: [1, 2] }), { c: [2, 1] });
});

// ---------------------------------------------------------------- SHD-8 / SHD-10 bodies

test("SHD-8/SHD-10: accepted, documents and delta bodies for a first desired update", () => {
  const r = update(undefined, { state: { desired: { color: "RED", n: { x: 1 } } }, clientToken: "c1" }, T0);
  assert.deepEqual(r.shadow, {
    state: { desired: { color: "RED", n: { x: 1 } } },
    metadata: { desired: { color: ts(T0), n: { x: ts(T0) } } },
    version: 1,
  });
  assert.deepEqual(r.accepted, {
    state: { desired: { color: "RED", n: { x: 1 } } },
    metadata: { desired: { color: ts(T0), n: { x: ts(T0) } } },
    version: 1,
    timestamp: T0,
    clientToken: "c1",
  });
  assert.deepEqual(r.documents, {
    current: {
      state: { desired: { color: "RED", n: { x: 1 } } },
      metadata: { desired: { color: ts(T0), n: { x: ts(T0) } } },
      version: 1,
    },
    timestamp: T0,
    clientToken: "c1",
  });
  assert.deepEqual(r.delta, {
    state: { color: "RED", n: { x: 1 } },
    metadata: { color: ts(T0), n: { x: ts(T0) } },
    version: 1,
    timestamp: T0,
    clientToken: "c1",
  });
});

test("SHD-8/SHD-10: accepted echoes request nulls with metadata; documents carry previous and current", () => {
  const s1 = update(undefined, { state: { desired: { a: 1, b: 2 }, reported: { a: 0 } } }, T0).shadow;
  const r = update(s1, { state: { desired: { a: 3, b: null } }, version: 1 }, T1);
  assert.deepEqual(r.accepted, {
    state: { desired: { a: 3, b: null } },
    metadata: { desired: { a: ts(T1), b: ts(T1) } },
    version: 2,
    timestamp: T1,
  });
  assert.deepEqual(r.documents, {
    previous: {
      state: { desired: { a: 1, b: 2 }, reported: { a: 0 } },
      metadata: { desired: { a: ts(T0), b: ts(T0) }, reported: { a: ts(T0) } },
      version: 1,
    },
    current: {
      state: { desired: { a: 3 }, reported: { a: 0 } },
      metadata: { desired: { a: ts(T1) }, reported: { a: ts(T0) } },
      version: 2,
    },
    timestamp: T1,
  });
  assert.deepEqual(r.delta, { state: { a: 3 }, metadata: { a: ts(T1) }, version: 2, timestamp: T1 });
});

test("SHD-8: accepted for a section removal reports the section as null", () => {
  const s1 = update(undefined, { state: { desired: { a: 1 } } }, T0).shadow;
  const r = update(s1, { state: { desired: null } }, T1);
  assert.deepEqual(r.accepted, {
    state: { desired: null },
    metadata: { desired: ts(T1) },
    version: 2,
    timestamp: T1,
  });
});

test("SHD-10: delta is published only when the update contains desired and the delta is non-empty", () => {
  const s1 = update(undefined, { state: { desired: { a: 1, b: 1 } } }, T0).shadow;
  // reported-only update while a delta still exists: no delta message
  const r2 = update(s1, { state: { reported: { a: 1 } } }, T1);
  assert.equal(r2.delta, undefined);
  // desired update that leaves a delta: the FULL delta is sent, not just the changed key
  const r3 = update(r2.shadow, { state: { desired: { c: 5 } } }, T2);
  assert.deepEqual(r3.delta, {
    state: { b: 1, c: 5 },
    metadata: { b: ts(T0), c: ts(T2) },
    version: 3,
    timestamp: T2,
  });
  // desired update matching reported: empty delta, no message
  const r4 = update(r2.shadow, { state: { desired: { b: null } } }, T2);
  assert.equal(r4.delta, undefined);
});

test("SHD-8: get returns desired, reported, delta, metadata without delta metadata, version, timestamp", () => {
  const s1 = update(undefined, { state: { desired: { color: "RED", arr: [1, 2] } } }, T0).shadow;
  const s2 = update(s1, { state: { reported: { color: "GREEN", arr: [1, 2], other: true } } }, T1).shadow;
  assert.deepEqual(renderGet(s2, T2), {
    state: {
      desired: { color: "RED", arr: [1, 2] },
      reported: { color: "GREEN", arr: [1, 2], other: true },
      delta: { color: "RED" },
    },
    metadata: {
      desired: { color: ts(T0), arr: [ts(T0), ts(T0)] },
      reported: { color: ts(T1), arr: [ts(T1), ts(T1)], other: ts(T1) },
    },
    version: 2,
    timestamp: T2,
  });
  const s3 = update(s2, { state: { reported: { color: "RED" } } }, T2).shadow;
  assert.equal("delta" in (renderGet(s3, T2)["state"] as object), false);
});
