/**
 * The jobs model (iot/jobs/model.ts) over a real SQLite store: the JOB-20 transition table
 * (including the device-driven statuses the control plane cannot reach over HTTP), versions
 * and timers, incremental counters (JOB-7), SNAPSHOT completion (JOB-6), retries and abort
 * (JOB-24), the `$package` shadow on success (PKG-7) and the bus events for JOB-30.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, beforeEach, test } from "node:test";
import { Clock } from "../../src/sandbox/clock.js";
import { createOperationContext } from "../../src/sandbox/context.js";
import { ServiceError } from "../../src/sandbox/errors.js";
import { Scheduler } from "../../src/sandbox/scheduler.js";
import { EventBus, type SandboxEvent } from "../../src/sandbox/events.js";
import { cancelJob } from "../../src/sandbox/services/iot/jobs/effects.js";
import { applyShadowUpdate, readShadow } from "../../src/sandbox/services/iot-data/shadow-store.js";
import { collection, KIND } from "../../src/sandbox/services/iot/common.js";
import {
  EXECUTION_STATUSES,
  type ExecutionStatus,
  emptyCounts,
  executionsOfJob,
  findExecution,
  isTerminal,
  type JobDoc,
  pendingExecutionsOfThing,
  queueExecution,
  saveJob,
  setExecutionStatus,
} from "../../src/sandbox/services/iot/jobs/model.js";
import { ServiceRuntime } from "../../src/sandbox/services/runtime.js";
import type { OperationContext } from "../../src/sandbox/services/types.js";
import type { SandboxSettings } from "../../src/sandbox/settings.js";
import { openDatabase, Store } from "../../src/sandbox/storage/store.js";

const dir = mkdtempSync(join(tmpdir(), "iotdm-jobs-model-"));
const store = new Store(openDatabase(join(dir, "state.db")));
after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const settings = { host: "127.0.0.1", port: 5566, dataDir: dir } as SandboxSettings;
let ctx: OperationContext;
let clock: Clock;
let events: SandboxEvent[];
beforeEach(() => {
  events = [];
  clock = new Clock();
  const bus = new EventBus();
  bus.on((e) => events.push(e));
  const scheduler = new Scheduler({
    store,
    clock,
    context: () => assert.fail("no timer runs"),
    log: () => {},
  });
  const deps = { store, clock, events: bus, settings, runtime: new ServiceRuntime(), scheduler };
  ctx = createOperationContext(deps, {
    scope: { accountId: "123456789012", region: "us-east-1" },
    origin: { kind: "internal", name: "test" },
  });
});

const run = <T>(fn: () => T): T => store.transaction(fn);
let n = 0;

/** A job IN_PROGRESS with one QUEUED execution per thing. */
function newJob(things: string[], extra: Partial<JobDoc> = {}): JobDoc {
  return run(() => {
    const now = clock.nowMs();
    const job: JobDoc = {
      jobId: `job${++n}`,
      targetSelection: "SNAPSHOT",
      status: "IN_PROGRESS",
      targets: [],
      createdAt: now,
      lastUpdatedAt: now,
      counts: emptyCounts(),
      ...extra,
    };
    saveJob(ctx, job);
    for (const t of things) queueExecution(ctx, job, t);
    return job;
  });
}

const exec = (job: JobDoc, thing: string) => findExecution(ctx, job.jobId, thing)!;
const move = (job: JobDoc, thing: string, to: ExecutionStatus, opts = {}) =>
  run(() => setExecutionStatus(ctx, job, exec(job, thing), to, opts));

/** JOB-20, written out independently of the model's table. */
const ALLOWED: Record<string, ExecutionStatus[]> = {
  QUEUED: ["IN_PROGRESS", "SUCCEEDED", "FAILED", "REJECTED", "CANCELED", "REMOVED"],
  IN_PROGRESS: ["IN_PROGRESS", "SUCCEEDED", "FAILED", "REJECTED", "CANCELED", "REMOVED", "TIMED_OUT"],
};
/** How to bring a fresh QUEUED execution into each status. */
const PATH: Record<ExecutionStatus, ExecutionStatus[]> = {
  QUEUED: [],
  IN_PROGRESS: ["IN_PROGRESS"],
  SUCCEEDED: ["SUCCEEDED"],
  FAILED: ["FAILED"],
  REJECTED: ["REJECTED"],
  REMOVED: ["REMOVED"],
  CANCELED: ["CANCELED"],
  TIMED_OUT: ["IN_PROGRESS", "TIMED_OUT"],
};

test("JOB-20: every transition of the table, legal ones applied, illegal ones 409 and unchanged", () => {
  for (const from of EXECUTION_STATUSES) {
    for (const to of EXECUTION_STATUSES) {
      const job = newJob(["t"], { targetSelection: "CONTINUOUS" });
      for (const step of PATH[from]) move(job, "t", step);
      const before = exec(job, "t");
      assert.equal(before.status, from);
      if ((ALLOWED[from] ?? []).includes(to)) {
        move(job, "t", to);
        assert.equal(exec(job, "t").status, to, `${from} -> ${to}`);
        assert.equal(exec(job, "t").versionNumber, before.versionNumber + 1);
      } else {
        assert.throws(
          () => move(job, "t", to),
          (e: ServiceError) => e.code === "InvalidStateTransitionException" && e.status === 409,
          `${from} -> ${to} must be refused`,
        );
        assert.deepEqual(exec(job, "t"), before);
      }
    }
  }
});

test("JOB-20/JOB-23: startedAt on the first IN_PROGRESS, statusDetails replaced, deadlines", () => {
  const job = newJob(["t"], { timeoutConfig: { inProgressTimeoutInMinutes: 10 } });
  const queued = exec(job, "t");
  assert.deepEqual([queued.versionNumber, queued.executionNumber, queued.retryAttempt], [1, 1, 0]);
  assert.equal(queued.startedAt, undefined);
  const t0 = clock.nowMs();
  move(job, "t", "IN_PROGRESS", { statusDetails: { step: "1" }, stepTimeoutInMinutes: 2 });
  const started = exec(job, "t");
  assert.ok(started.startedAt! >= t0);
  assert.ok(Math.abs(started.inProgressDeadlineMs! - (started.startedAt! + 600_000)) < 5);
  assert.ok(Math.abs(started.stepDeadlineMs! - (started.lastUpdatedAt + 120_000)) < 5);
  clock.advance(60_000);
  move(job, "t", "IN_PROGRESS", { statusDetails: { step: "2" }, stepTimeoutInMinutes: 60 });
  const again = exec(job, "t");
  assert.equal(again.startedAt, started.startedAt);
  assert.deepEqual(again.statusDetails, { step: "2" });
  assert.equal(
    again.stepDeadlineMs,
    again.inProgressDeadlineMs,
    "a step never outlasts the in-progress deadline",
  );
  move(job, "t", "SUCCEEDED");
  const done = exec(job, "t");
  assert.deepEqual(
    [done.inProgressDeadlineMs, done.stepDeadlineMs, done.versionNumber],
    [undefined, undefined, 4],
  );
  assert.deepEqual(done.statusDetails, { step: "2" }, "kept when not given");
});

test("JOB-6/JOB-7: counters follow every change; a SNAPSHOT job completes when all are terminal", () => {
  const job = newJob(["a", "b", "c"]);
  assert.deepEqual(job.counts, { ...emptyCounts(), QUEUED: 3 });
  move(job, "a", "IN_PROGRESS");
  move(job, "b", "REJECTED");
  assert.deepEqual(job.counts, { ...emptyCounts(), QUEUED: 1, IN_PROGRESS: 1, REJECTED: 1 });
  move(job, "a", "SUCCEEDED");
  assert.equal(job.status, "IN_PROGRESS");
  move(job, "c", "FAILED");
  assert.equal(job.status, "COMPLETED");
  assert.ok(job.completedAt !== undefined);
  const stored = collection<JobDoc>(ctx, KIND.job).get(job.jobId)!;
  assert.deepEqual(stored.counts, { ...emptyCounts(), SUCCEEDED: 1, REJECTED: 1, FAILED: 1 });
  const listed: Record<string, number> = {};
  for (const e of executionsOfJob(ctx, job.jobId)) listed[e.status] = (listed[e.status] ?? 0) + 1;
  assert.deepEqual(listed, { SUCCEEDED: 1, REJECTED: 1, FAILED: 1 });
  const continuous = newJob(["a"], { targetSelection: "CONTINUOUS" });
  move(continuous, "a", "SUCCEEDED");
  assert.equal(continuous.status, "IN_PROGRESS");
});

test("JOB-22: a thing's pending executions, oldest queuedAt first", () => {
  const first = newJob(["p"]);
  clock.advance(1000);
  const second = newJob(["p", "q"]);
  clock.advance(1000);
  const third = newJob(["p"]);
  move(second, "p", "IN_PROGRESS");
  move(third, "p", "SUCCEEDED");
  assert.deepEqual(
    pendingExecutionsOfThing(ctx, "p").map((e) => [e.jobId, e.status]),
    [
      [first.jobId, "QUEUED"],
      [second.jobId, "IN_PROGRESS"],
    ],
  );
});

test("JOB-30: every creation and change is announced on the bus", () => {
  const job = newJob(["a"]);
  move(job, "a", "IN_PROGRESS");
  const changes = events.filter((e) => e.type === "job.execution.changed");
  assert.deepEqual(
    changes.map((e) => [e.jobId, e.thingName, e.executionNumber, e.from, e.to]),
    [
      [job.jobId, "a", 1, undefined, "QUEUED"],
      [job.jobId, "a", 1, "QUEUED", "IN_PROGRESS"],
    ],
  );
});

test("JOB-24: a FAILED or TIMED_OUT execution with retries left is queued again, numbered +1", () => {
  const job = newJob(["a", "b"], {
    jobExecutionsRetryConfig: {
      criteriaList: [
        { failureType: "FAILED", numberOfRetries: 2 },
        { failureType: "ALL", numberOfRetries: 1 },
      ],
    },
  });
  move(job, "a", "FAILED");
  let latest = exec(job, "a");
  assert.deepEqual([latest.status, latest.executionNumber, latest.retryAttempt], ["QUEUED", 2, 1]);
  assert.equal(findExecution(ctx, job.jobId, "a", 1)!.status, "FAILED");
  assert.deepEqual(job.counts, { ...emptyCounts(), QUEUED: 2 });
  move(job, "a", "FAILED");
  move(job, "a", "FAILED");
  latest = exec(job, "a");
  assert.deepEqual([latest.status, latest.executionNumber, latest.retryAttempt], ["FAILED", 3, 2]);
  move(job, "b", "IN_PROGRESS");
  move(job, "b", "TIMED_OUT");
  assert.deepEqual([exec(job, "b").status, exec(job, "b").executionNumber], ["QUEUED", 2]);
  move(job, "b", "REJECTED");
  assert.equal(exec(job, "b").executionNumber, 2, "REJECTED is never retried");
  assert.equal(job.status, "COMPLETED");
});

test("JOB-24: abort cancels the job and its QUEUED executions once the failure share is reached", () => {
  const job = newJob(["a", "b", "c", "d"], {
    abortConfig: {
      criteriaList: [
        { failureType: "FAILED", action: "CANCEL", thresholdPercentage: 50, minNumberOfExecutedThings: 2 },
      ],
    },
  });
  move(job, "a", "FAILED");
  assert.equal(job.status, "IN_PROGRESS", "one executed thing is below the minimum");
  move(job, "c", "IN_PROGRESS");
  move(job, "b", "SUCCEEDED");
  assert.equal(job.status, "CANCELED");
  assert.deepEqual(
    ["a", "b", "c", "d"].map((t) => exec(job, t).status),
    ["FAILED", "SUCCEEDED", "IN_PROGRESS", "CANCELED"],
  );
  assert.deepEqual(job.counts, { ...emptyCounts(), FAILED: 1, SUCCEEDED: 1, IN_PROGRESS: 1, CANCELED: 1 });
});

test("JOB-8: CancelJob leaves IN_PROGRESS executions running unless forced", () => {
  const soft = newJob(["a", "b"]);
  move(soft, "a", "IN_PROGRESS");
  run(() => cancelJob(ctx, soft, { force: false, comment: "c" }));
  assert.deepEqual([exec(soft, "a").status, exec(soft, "b").status], ["IN_PROGRESS", "CANCELED"]);
  assert.deepEqual([soft.status, soft.forceCanceled, soft.comment], ["CANCELED", false, "c"]);
  move(soft, "a", "SUCCEEDED");
  assert.equal(soft.status, "CANCELED", "a canceled job never completes");
  const hard = newJob(["a", "b"]);
  move(hard, "a", "IN_PROGRESS");
  run(() => cancelJob(ctx, hard, { force: true }));
  assert.deepEqual(
    ["a", "b"].map((t) => [exec(hard, t).status, exec(hard, t).forceCanceled]),
    [
      ["CANCELED", true],
      ["CANCELED", undefined],
    ],
  );
  assert.deepEqual(hard.counts, { ...emptyCounts(), CANCELED: 2 });
});

/** Stores a package version and the package configuration directly (the catalog's own tests cover its API). */
function catalog(enabled: boolean): void {
  run(() => {
    const now = new Date().toISOString();
    collection(ctx, KIND.package).put("fw", { packageName: "fw", creationDate: now, lastModifiedDate: now });
    collection(ctx, KIND.packageVersion).put("fw/2.0", {
      packageName: "fw",
      versionName: "2.0",
      attributes: {},
      status: "PUBLISHED",
      creationDate: now,
      lastModifiedDate: now,
    });
    collection(ctx, KIND.settings).put("packageConfiguration", { enabled, roleArn: "arn:aws:iam::1:role/r" });
  });
}

const arn = (p: string, v: string) => `arn:aws:iot:us-east-1:123456789012:package/${p}/version/${v}`;
const packageShadow = (thing: string) => readShadow(ctx, { thingName: thing, shadowName: "$package" });

test("PKG-7: SUCCEEDED writes the $package shadow when enabled; $null removes an entry", () => {
  catalog(true);
  const job = newJob(["pk1", "pk2"], { destinationPackageVersions: [arn("fw", "2.0"), arn("old", "$null")] });
  run(() =>
    applyShadowUpdate(
      ctx,
      { thingName: "pk1", shadowName: "$package" },
      {
        state: {
          reported: { fw: { version: "1.0", attributes: { channel: "beta" } }, old: { version: "0.1" } },
        },
      },
    ),
  );
  move(job, "pk2", "FAILED");
  assert.equal(packageShadow("pk2"), undefined, "failures leave the shadow alone");
  move(job, "pk1", "SUCCEEDED");
  assert.deepEqual(packageShadow("pk1")?.state.reported, {
    fw: { version: "2.0", attributes: { channel: "beta" } },
  });
  assert.equal(packageShadow("pk1")?.version, 2);
  assert.ok(events.some((e) => e.type === "shadow.updated" && e.shadowName === "$package"));
});

test("PKG-7: disabled configuration or a deleted version leave the shadow untouched", () => {
  catalog(false);
  const job = newJob(["pk3"], { destinationPackageVersions: [arn("fw", "2.0")] });
  move(job, "pk3", "SUCCEEDED");
  assert.equal(packageShadow("pk3"), undefined);
  catalog(true);
  const gone = newJob(["pk4"], { destinationPackageVersions: [arn("fw", "9.9")] });
  move(gone, "pk4", "SUCCEEDED");
  assert.equal(packageShadow("pk4"), undefined);
  assert.equal(exec(gone, "pk4").status, "SUCCEEDED");
});

test("isTerminal matches JOB-20", () => {
  const terminal = EXECUTION_STATUSES.filter(isTerminal);
  assert.deepEqual(terminal, ["SUCCEEDED", "FAILED", "TIMED_OUT", "REJECTED", "REMOVED", "CANCELED"]);
});
