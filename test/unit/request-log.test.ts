/** The request log ring behind `iotdm sandbox logs`: bounded, ordered, read with a `since` cursor. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { type NewLogEntry, RequestLog } from "../../src/sandbox/request-log.js";

const entry = (operation: string): NewLogEntry => ({
  time: new Date("2026-01-01T00:00:00Z"),
  service: "iot",
  operation,
  method: "POST",
  status: 200,
  latencyMs: 1.5,
  requestId: `id-${operation}`,
});

test("the log keeps the last entries only, oldest first, with increasing sequence numbers", () => {
  const log = new RequestLog(3);
  for (const op of ["A", "B", "C", "D", "E"]) log.add(entry(op));
  const { entries, next } = log.since(0);
  assert.deepEqual(
    entries.map((e) => [e.seq, e.operation]),
    [
      [3, "C"],
      [4, "D"],
      [5, "E"],
    ],
  );
  assert.equal(next, 5);
  assert.equal(entries[0].time, "2026-01-01T00:00:00.000Z");
});

test("since returns what came after the cursor, at most limit, and a cursor to continue from", () => {
  const log = new RequestLog(10);
  for (const op of ["A", "B", "C", "D"]) log.add(entry(op));
  const first = log.since(1, 2);
  assert.deepEqual(
    first.entries.map((e) => e.operation),
    ["B", "C"],
  );
  const rest = log.since(first.next);
  assert.deepEqual(
    rest.entries.map((e) => e.operation),
    ["D"],
  );
  assert.deepEqual(log.since(rest.next), { entries: [], next: 4 });
  // A cursor from another instance (beyond the last entry) continues from the present.
  assert.equal(log.since(99).next, 4);
});

test("a reader waiting after the last entry wakes up when the next one is added", async () => {
  const log = new RequestLog(10);
  log.add(entry("A"));
  const waiting = log.waitAfter(1, 60_000);
  log.add(entry("B"));
  await waiting;
  assert.deepEqual(
    log.since(1).entries.map((e) => e.operation),
    ["B"],
  );
});

test("entries hold no bodies, headers or credentials: only the listed fields", () => {
  const log = new RequestLog(2);
  log.add({ ...entry("A"), errorCode: "ThrottlingException" });
  assert.deepEqual(Object.keys(log.since(0).entries[0]).sort(), [
    "errorCode",
    "latencyMs",
    "method",
    "operation",
    "requestId",
    "seq",
    "service",
    "status",
    "time",
  ]);
});
