/** The sandbox's one scheduler (scheduler.ts) over a real SQLite file and a real Clock. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { Clock } from "../../src/sandbox/clock.js";
import { createOperationContext } from "../../src/sandbox/context.js";
import { EventBus } from "../../src/sandbox/events.js";
import { Scheduler, type SchedulerDeps, timerKind } from "../../src/sandbox/scheduler.js";
import type { OperationContext } from "../../src/sandbox/services/types.js";
import { ServiceRuntime } from "../../src/sandbox/services/runtime.js";
import { openDatabase, Store } from "../../src/sandbox/storage/store.js";
import { testSettings } from "../helpers/settings.js";

const dir = mkdtempSync(join(tmpdir(), "iotdm-scheduler-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const SCOPE = { accountId: "123456789012", region: "eu-west-1" };
const settings = testSettings(dir);

interface Rig {
  store: Store;
  clock: Clock;
  scheduler: Scheduler;
  logs: string[];
  close(): void;
}

let files = 0;
/** A scheduler on its own database file (or `file` again, as after a restart). */
function rig(
  file = join(dir, `state-${files++}.db`),
  extra: Partial<SchedulerDeps> = {},
): Rig & { file: string } {
  const store = new Store(openDatabase(file));
  const clock = new Clock();
  const logs: string[] = [];
  const deps: SchedulerDeps = {
    store,
    clock,
    log: (m) => logs.push(m),
    context: (req) =>
      createOperationContext({ store, clock, events: new EventBus(), settings, runtime, scheduler }, req),
    ...extra,
  };
  const runtime = new ServiceRuntime();
  const scheduler = new Scheduler(deps);
  return {
    file,
    store,
    clock,
    scheduler,
    logs,
    close: () => {
      scheduler.stop();
      store.close();
    },
  };
}

const NOTE = timerKind<{ note: string }>("test.note");
const notes = (store: Store) => store.collection<{ note: string; at: number }>("test", "notes");

/** A handler that records what ran (in the store, so a rolled-back run leaves nothing). */
function recordNotes(r: Rig, seen: OperationContext[] = []): OperationContext[] {
  r.scheduler.on(NOTE, (ctx, payload, timer) => {
    seen.push(ctx);
    const c = notes(ctx.store);
    c.put(String(c.count()).padStart(4, "0"), { note: payload.note, at: timer.dueMs });
  });
  return seen;
}
const ran = (r: Rig) =>
  notes(r.store)
    .list()
    .map((e) => e.doc.note);

test("due timers run in due order, in a scheduler context of the timer's scope; future ones wait", () => {
  const r = rig();
  const seen = recordNotes(r);
  r.scheduler.start();
  const now = r.clock.nowMs();
  r.scheduler.at(SCOPE, NOTE, "b", now + 2000, { note: "second" });
  r.scheduler.at(SCOPE, NOTE, "a", now + 1000, { note: "first" });
  r.scheduler.at(SCOPE, NOTE, "c", now + 3_600_000, { note: "later" });
  assert.equal(r.scheduler.runDue(), 0);
  r.clock.advance(5000);
  r.scheduler.clockChanged();
  assert.deepEqual(ran(r), ["first", "second"]);
  assert.deepEqual(seen[0].scope, SCOPE);
  assert.deepEqual(seen[0].origin, { kind: "internal", name: "scheduler" });
  assert.equal(r.scheduler.dueOf(SCOPE, NOTE, "a"), undefined, "a timer that ran is gone");
  assert.equal(r.scheduler.dueOf(SCOPE, NOTE, "c"), now + 3_600_000);
  r.close();
});

test("at() replaces the timer of the same (kind, id); cancel() removes it; scopes are apart", () => {
  const r = rig();
  recordNotes(r);
  r.scheduler.start();
  const now = r.clock.nowMs();
  const other = { ...SCOPE, region: "us-west-2" };
  r.scheduler.at(SCOPE, NOTE, "x", now + 1000, { note: "old" });
  r.scheduler.at(SCOPE, NOTE, "x", now + 2000, { note: "new" });
  r.scheduler.at(other, NOTE, "x", now + 1000, { note: "other region" });
  r.scheduler.at(SCOPE, NOTE, "gone", now + 1000, { note: "canceled" });
  r.scheduler.cancel(SCOPE, NOTE, "gone");
  r.clock.advance(3000);
  r.scheduler.clockChanged();
  assert.deepEqual(ran(r), ["other region", "new"]);
  r.close();
});

test("a timer a handler sets that is already due runs in the same pass", () => {
  const r = rig();
  const CHAIN = timerKind<{ left: number }>("test.chain");
  r.scheduler.on(CHAIN, (ctx, { left }, timer) => {
    const c = notes(ctx.store);
    c.put(String(c.count()).padStart(4, "0"), { note: `chain ${left}`, at: timer.dueMs });
    if (left > 0) ctx.scheduler.at(ctx.scope, CHAIN, "c", timer.dueMs + 1000, { left: left - 1 });
  });
  r.scheduler.start();
  r.scheduler.at(SCOPE, CHAIN, "c", r.clock.nowMs() + 1000, { left: 3 });
  r.clock.advance(2500);
  r.scheduler.clockChanged();
  // Due at +1 s and +2 s ran; +3 s is not due yet.
  assert.deepEqual(ran(r), ["chain 3", "chain 2"]);
  r.clock.advance(10_000);
  r.scheduler.clockChanged();
  assert.deepEqual(ran(r), ["chain 3", "chain 2", "chain 1", "chain 0"]);
  r.close();
});

test("a handler that throws is logged and dropped: its writes roll back, the others still run", () => {
  const r = rig();
  recordNotes(r);
  const BAD = timerKind<null>("test.bad");
  let calls = 0;
  r.scheduler.on(BAD, (ctx) => {
    calls++;
    notes(ctx.store).put("bad", { note: "half-done", at: 0 });
    throw new Error("boom");
  });
  r.scheduler.start();
  const now = r.clock.nowMs();
  r.scheduler.at(SCOPE, BAD, "1", now + 1000, null);
  r.scheduler.at(SCOPE, NOTE, "after", now + 2000, { note: "after the bad one" });
  r.clock.advance(3000);
  r.scheduler.clockChanged();
  r.scheduler.clockChanged();
  assert.equal(calls, 1, "never retried");
  assert.deepEqual(ran(r), ["after the bad one"]);
  assert.equal(r.scheduler.dueOf(SCOPE, BAD, "1"), undefined);
  assert.match(r.logs.join("\n"), /timer test\.bad 1 failed and was dropped: Error: boom/);
  r.close();
});

test("a kind without a handler is logged and dropped", () => {
  const r = rig();
  r.scheduler.start();
  r.scheduler.at(SCOPE, timerKind<number>("test.orphan"), "o", r.clock.nowMs() - 1, 1);
  r.scheduler.runDue();
  assert.match(r.logs.join("\n"), /timer test\.orphan o failed and was dropped: .*no handler/);
  assert.equal(r.store.timers.next(), undefined);
  r.close();
});

test("a timer set in a transaction that rolls back is not stored", () => {
  const r = rig();
  recordNotes(r);
  r.scheduler.start();
  assert.throws(() =>
    r.store.transaction(() => {
      r.scheduler.at(SCOPE, NOTE, "refused", r.clock.nowMs() + 1000, { note: "never" });
      throw new Error("refused");
    }),
  );
  assert.equal(r.scheduler.dueOf(SCOPE, NOTE, "refused"), undefined);
  r.close();
});

test("timers survive a restart: overdue ones run when the scheduler starts again", () => {
  const first = rig();
  recordNotes(first);
  first.scheduler.start();
  first.scheduler.at(SCOPE, NOTE, "persisted", first.clock.nowMs() + 1000, { note: "after restart" });
  first.close();
  const second = rig(first.file);
  recordNotes(second);
  second.clock.advance(2000);
  assert.deepEqual(ran(second), [], "nothing runs before start()");
  second.scheduler.start();
  assert.deepEqual(ran(second), ["after restart"]);
  second.close();
});

test("the real-time wait fires a timer that comes due on its own", async () => {
  const r = rig();
  let resolve!: (note: string) => void;
  const fired = new Promise<string>((res) => (resolve = res));
  r.scheduler.on(NOTE, (_ctx, payload) => resolve(payload.note));
  r.scheduler.start();
  r.scheduler.at(SCOPE, NOTE, "soon", r.clock.nowMs() + 5, { note: "woke up" });
  assert.equal(await fired, "woke up");
  r.close();
});

test("a far timer neither overflows setTimeout nor fires early", async () => {
  const r = rig();
  recordNotes(r);
  const warnings: Error[] = [];
  const onWarning = (w: Error) => warnings.push(w);
  process.on("warning", onWarning);
  r.scheduler.start();
  r.scheduler.at(SCOPE, NOTE, "far", r.clock.nowMs() + 50 * 365 * 24 * 3600 * 1000, { note: "far" });
  await new Promise((res) => setTimeout(res, 20));
  process.off("warning", onWarning);
  assert.deepEqual(ran(r), []);
  assert.deepEqual(
    warnings.filter((w) => w.name === "TimeoutOverflowWarning"),
    [],
  );
  r.close();
});

test("a handler that keeps setting itself due cannot hold the process: a pass stops at its cap", () => {
  const r = rig(undefined, { maxRunsPerPass: 50 });
  const LOOP = timerKind<null>("test.loop");
  let calls = 0;
  r.scheduler.on(LOOP, (ctx) => {
    calls++;
    ctx.scheduler.at(ctx.scope, LOOP, "l", 0, null);
  });
  r.scheduler.start();
  r.scheduler.at(SCOPE, LOOP, "l", 0, null);
  assert.equal(r.scheduler.runDue(), 50);
  assert.equal(calls, 50);
  assert.match(r.logs.join("\n"), /more than 50 timers were due at once/);
  r.scheduler.cancel(SCOPE, LOOP, "l");
  r.close();
});
