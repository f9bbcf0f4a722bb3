/** Jobs data plane UpdateJobExecution (JOB-20, JOB-21) over the real SDK v3 client. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { DescribeJobCommand } from "@aws-sdk/client-iot";
import type { JobExecutionStatus } from "@aws-sdk/client-iot-jobs-data-plane";
import { DOCUMENT } from "./iot-jobs-helpers.js";
import { expectError, jobsDataSandbox, uniqueName } from "./jobs-data-helpers.js";

const t = jobsDataSandbox();

const DEVICE_TERMINAL: JobExecutionStatus[] = ["SUCCEEDED", "FAILED", "REJECTED"];

test("JOB-20: QUEUED → IN_PROGRESS sets startedAt; IN_PROGRESS → IN_PROGRESS re-reports (version + 1)", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  const started = await t.rig.update(thing, jobId, { status: "IN_PROGRESS", includeJobExecutionState: true });
  assert.deepEqual(started.executionState, { status: "IN_PROGRESS", versionNumber: 2 });
  const e = await t.rig.execution(thing, jobId);
  assert.ok(e.startedAt! > 0);
  await t.sb.advanceClock(5);
  const again = await t.rig.update(thing, jobId, {
    status: "IN_PROGRESS",
    statusDetails: { progress: "50%" },
    includeJobExecutionState: true,
  });
  assert.deepEqual(again.executionState, {
    status: "IN_PROGRESS",
    statusDetails: { progress: "50%" },
    versionNumber: 3,
  });
  const later = await t.rig.execution(thing, jobId);
  assert.equal(later.startedAt, e.startedAt, "startedAt stays");
  assert.ok(later.lastUpdatedAt! > e.lastUpdatedAt!);
});

for (const to of DEVICE_TERMINAL) {
  test(`JOB-20: QUEUED → ${to} directly and IN_PROGRESS → ${to}; then every device status → 409`, async () => {
    const direct = await t.rig.thingWithJob();
    await t.rig.update(direct.thing, direct.jobId, { status: to });
    assert.equal((await t.rig.controlStatus(direct.thing, direct.jobId)).status, to);
    const { thing, jobId } = await t.rig.thingWithJob();
    await t.rig.update(thing, jobId, { status: "IN_PROGRESS" });
    await t.rig.update(thing, jobId, { status: to });
    for (const next of ["IN_PROGRESS", ...DEVICE_TERMINAL] as JobExecutionStatus[])
      await expectError(t.rig.update(thing, jobId, { status: next }), "InvalidStateTransitionException", 409);
    const control = await t.rig.controlStatus(thing, jobId);
    assert.equal(control.status, to);
    assert.equal(control.versionNumber, 3, "refused updates store nothing");
  });
}

test("JOB-20: statuses only the service sets (QUEUED, TIMED_OUT, CANCELED, REMOVED) → 400; unknown status 400", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  for (const status of ["QUEUED", "TIMED_OUT", "CANCELED", "REMOVED"] as JobExecutionStatus[])
    await expectError(t.rig.update(thing, jobId, { status }), "InvalidRequestException", 400);
  await expectError(
    t.rig.update(thing, jobId, { status: "DONE" as JobExecutionStatus }),
    "InvalidRequestException",
    400,
  );
  assert.equal((await t.rig.execution(thing, jobId)).versionNumber, 1);
});

test("JOB-21: expectedVersion other than versionNumber → 409 version mismatch, nothing stored; the right one passes", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  await expectError(
    t.rig.update(thing, jobId, { status: "IN_PROGRESS", expectedVersion: 2, statusDetails: { a: "b" } }),
    "InvalidStateTransitionException",
    409,
    /version mismatch/i,
  );
  const unchanged = await t.rig.execution(thing, jobId);
  assert.equal(unchanged.status, "QUEUED");
  assert.equal(unchanged.versionNumber, 1);
  assert.equal(unchanged.statusDetails, undefined);
  await t.rig.update(thing, jobId, { status: "IN_PROGRESS", expectedVersion: 1 });
  await expectError(
    t.rig.update(thing, jobId, { status: "SUCCEEDED", expectedVersion: 1 }),
    "InvalidStateTransitionException",
    409,
    /version mismatch/i,
  );
  await t.rig.update(thing, jobId, { status: "SUCCEEDED", expectedVersion: 2 });
});

test("JOB-21: the answer holds executionState and jobDocument only when asked", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  const plain = await t.rig.update(thing, jobId, { status: "IN_PROGRESS" });
  assert.equal(plain.executionState, undefined);
  assert.equal(plain.jobDocument, undefined);
  const both = await t.rig.update(thing, jobId, {
    status: "SUCCEEDED",
    includeJobExecutionState: true,
    includeJobDocument: true,
  });
  assert.equal(both.executionState?.status, "SUCCEEDED");
  assert.equal(both.executionState?.versionNumber, 3);
  assert.deepEqual(JSON.parse(both.jobDocument!), JSON.parse(DOCUMENT));
});

test("JOB-21: statusDetails are replaced when given, kept when not; values over 1024 chars or bad keys → 400", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  await t.rig.update(thing, jobId, { status: "IN_PROGRESS", statusDetails: { a: "1", b: "2" } });
  await t.rig.update(thing, jobId, { status: "IN_PROGRESS", statusDetails: { c: "3" } });
  assert.deepEqual((await t.rig.execution(thing, jobId)).statusDetails, { c: "3" });
  await t.rig.update(thing, jobId, { status: "IN_PROGRESS" });
  assert.deepEqual((await t.rig.execution(thing, jobId)).statusDetails, { c: "3" });
  const refused: Record<string, string>[] = [{ long: "x".repeat(1025) }, { "bad key": "v" }, { empty: "" }];
  for (const statusDetails of refused)
    await expectError(
      t.rig.update(thing, jobId, { status: "IN_PROGRESS", statusDetails }),
      "InvalidRequestException",
      400,
    );
  await t.rig.update(thing, jobId, { status: "IN_PROGRESS", statusDetails: { max: "x".repeat(1024) } });
  assert.equal((await t.rig.execution(thing, jobId)).versionNumber, 5);
});

test("JOB-21: unknown job, thing or execution number 404; bad names 400; stepTimeoutInMinutes 0 → 400", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  await expectError(
    t.rig.update(thing, uniqueName("nojob"), { status: "IN_PROGRESS" }),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    t.rig.update(uniqueName("nothing"), jobId, { status: "IN_PROGRESS" }),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    t.rig.update(thing, jobId, { status: "IN_PROGRESS", executionNumber: 2 }),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    t.rig.update(thing, "bad id!", { status: "IN_PROGRESS" }),
    "InvalidRequestException",
    400,
  );
  await expectError(
    t.rig.update(thing, jobId, { status: "IN_PROGRESS", stepTimeoutInMinutes: 0 }),
    "InvalidRequestException",
    400,
  );
  await t.rig.update(thing, jobId, { status: "IN_PROGRESS", executionNumber: 1 });
});

test("JOB-6 / JOB-7: devices finishing every execution complete a SNAPSHOT job; counters follow each update", async () => {
  const names = await t.rig.things(3);
  const jobId = await t.rig.job({ targets: names.map(t.rig.thingArn) });
  await t.rig.update(names[0], jobId, { status: "IN_PROGRESS" });
  await t.rig.update(names[1], jobId, { status: "FAILED" });
  assert.deepEqual(
    Object.entries(await t.rig.assertCounters(jobId)).filter(([, n]) => n > 0),
    [
      ["QUEUED", 1],
      ["IN_PROGRESS", 1],
      ["FAILED", 1],
    ],
  );
  await t.rig.update(names[0], jobId, { status: "SUCCEEDED" });
  assert.equal((await t.rig.iot.send(new DescribeJobCommand({ jobId }))).job?.status, "IN_PROGRESS");
  await t.rig.update(names[2], jobId, { status: "REJECTED" });
  const job = (await t.rig.iot.send(new DescribeJobCommand({ jobId }))).job!;
  assert.equal(job.status, "COMPLETED");
  assert.ok(job.completedAt);
  await t.rig.assertCounters(jobId);
});
