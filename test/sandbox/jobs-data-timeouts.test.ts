/**
 * JOB-23 timeouts and JOB-24 retries and abort, driven by advancing the sandbox clock (the admin
 * call answers once the scheduler ran what became due).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { DescribeJobCommand } from "@aws-sdk/client-iot";
import {
  GetPendingJobExecutionsCommand,
  StartNextPendingJobExecutionCommand,
} from "@aws-sdk/client-iot-jobs-data-plane";
import { expectError, jobsDataSandbox } from "./jobs-data-helpers.js";

const t = jobsDataSandbox();

const startNext = (thingName: string, stepTimeoutInMinutes?: number) =>
  t.rig.data.send(new StartNextPendingJobExecutionCommand({ thingName, stepTimeoutInMinutes }));

/** approximateSecondsBeforeTimedOut within a few seconds below `seconds` (real time moves a little). */
function about(actual: number | undefined, seconds: number): void {
  assert.ok(actual !== undefined && actual <= seconds && actual > seconds - 15, `${actual} ≈ ${seconds}`);
}

const jobStatus = async (jobId: string) => (await t.rig.iot.send(new DescribeJobCommand({ jobId }))).job!;

test("JOB-23: inProgressTimeoutInMinutes runs from IN_PROGRESS; on expiry TIMED_OUT (terminal, counted)", async () => {
  const { thing, jobId } = await t.rig.thingWithJob({ timeoutConfig: { inProgressTimeoutInMinutes: 10 } });
  await t.sb.advanceClock(1200);
  assert.equal(
    (await t.rig.execution(thing, jobId)).status,
    "QUEUED",
    "a QUEUED execution does not time out",
  );
  const started = await startNext(thing);
  about(started.execution?.approximateSecondsBeforeTimedOut, 600);
  await t.sb.advanceClock(300);
  const halfway = await t.rig.execution(thing, jobId);
  assert.equal(halfway.status, "IN_PROGRESS");
  about(halfway.approximateSecondsBeforeTimedOut, 300);
  await t.sb.advanceClock(301);
  assert.equal((await t.rig.controlStatus(thing, jobId)).status, "TIMED_OUT");
  await expectError(
    t.rig.update(thing, jobId, { status: "SUCCEEDED" }),
    "InvalidStateTransitionException",
    409,
  );
  const job = await jobStatus(jobId);
  assert.equal(job.jobProcessDetails?.numberOfTimedOutThings, 1);
  assert.equal(job.status, "COMPLETED");
  await t.rig.assertCounters(jobId);
});

test("JOB-23: a step timeout set by StartNext, reset by UpdateJobExecution, times the execution out", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  about((await startNext(thing, 2)).execution?.approximateSecondsBeforeTimedOut, 120);
  await t.sb.advanceClock(100);
  await t.rig.update(thing, jobId, { status: "IN_PROGRESS", stepTimeoutInMinutes: 5 });
  about((await t.rig.execution(thing, jobId)).approximateSecondsBeforeTimedOut, 300);
  await t.sb.advanceClock(100);
  assert.equal(
    (await t.rig.execution(thing, jobId)).status,
    "IN_PROGRESS",
    "the first step timer was replaced",
  );
  await t.sb.advanceClock(201);
  assert.equal((await t.rig.controlStatus(thing, jobId)).status, "TIMED_OUT");
});

test("JOB-23: a step timer never runs past the in-progress deadline", async () => {
  const { thing, jobId } = await t.rig.thingWithJob({ timeoutConfig: { inProgressTimeoutInMinutes: 3 } });
  about((await startNext(thing, 10)).execution?.approximateSecondsBeforeTimedOut, 180);
  await t.sb.advanceClock(181);
  assert.equal((await t.rig.controlStatus(thing, jobId)).status, "TIMED_OUT");
});

test("JOB-23: stepTimeoutInMinutes -1 cancels the step timer; an update without one keeps it", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  await startNext(thing, 2);
  await t.rig.update(thing, jobId, { status: "IN_PROGRESS", statusDetails: { step: "1" } });
  about((await t.rig.execution(thing, jobId)).approximateSecondsBeforeTimedOut, 120);
  await t.rig.update(thing, jobId, { status: "IN_PROGRESS", stepTimeoutInMinutes: -1 });
  assert.equal((await t.rig.execution(thing, jobId)).approximateSecondsBeforeTimedOut, undefined);
  await t.sb.advanceClock(3600);
  assert.equal((await t.rig.execution(thing, jobId)).status, "IN_PROGRESS");
});

test("JOB-23: an execution that ends before its deadline is left alone", async () => {
  const { thing, jobId } = await t.rig.thingWithJob({ timeoutConfig: { inProgressTimeoutInMinutes: 1 } });
  await startNext(thing);
  await t.rig.update(thing, jobId, { status: "SUCCEEDED" });
  await t.sb.advanceClock(120);
  const control = await t.rig.controlStatus(thing, jobId);
  assert.equal(control.status, "SUCCEEDED");
  assert.equal(control.versionNumber, 3);
});

test("JOB-24: a TIMED_OUT execution with retries left is queued again (executionNumber + 1) until they run out", async () => {
  const { thing, jobId } = await t.rig.thingWithJob({
    timeoutConfig: { inProgressTimeoutInMinutes: 1 },
    jobExecutionsRetryConfig: { criteriaList: [{ failureType: "TIMED_OUT", numberOfRetries: 1 }] },
  });
  await startNext(thing);
  await t.sb.advanceClock(61);
  const pending = await t.rig.data.send(new GetPendingJobExecutionsCommand({ thingName: thing }));
  assert.equal(pending.queuedJobs?.[0]?.jobId, jobId);
  assert.equal(pending.queuedJobs?.[0]?.executionNumber, 2);
  assert.equal((await t.rig.controlStatus(thing, jobId, 1)).status, "TIMED_OUT");
  const retry = await startNext(thing);
  assert.equal(retry.execution?.executionNumber, 2);
  assert.equal(retry.execution?.versionNumber, 2);
  await t.sb.advanceClock(61);
  assert.equal((await t.rig.controlStatus(thing, jobId)).status, "TIMED_OUT");
  assert.deepEqual(
    (await t.rig.data.send(new GetPendingJobExecutionsCommand({ thingName: thing }))).queuedJobs,
    [],
  );
  assert.equal((await jobStatus(jobId)).status, "COMPLETED");
});

test("JOB-24: a FAILED report with retries left is queued again; the device sees the new execution number", async () => {
  const { thing, jobId } = await t.rig.thingWithJob({
    jobExecutionsRetryConfig: { criteriaList: [{ failureType: "ALL", numberOfRetries: 2 }] },
  });
  for (const n of [1, 2, 3]) {
    const next = await startNext(thing);
    assert.equal(next.execution?.executionNumber, n);
    await t.rig.update(thing, jobId, { status: "FAILED", executionNumber: n });
  }
  assert.equal((await startNext(thing)).execution, undefined, "two retries, then none");
  assert.equal((await t.rig.controlStatus(thing, jobId)).executionNumber, 3);
});

test("JOB-24: timeouts count for abort: the job is canceled, its QUEUED executions too", async () => {
  const names = await t.rig.things(3);
  const jobId = await t.rig.job({
    targets: names.map(t.rig.thingArn),
    timeoutConfig: { inProgressTimeoutInMinutes: 1 },
    abortConfig: {
      criteriaList: [
        { failureType: "TIMED_OUT", action: "CANCEL", thresholdPercentage: 50, minNumberOfExecutedThings: 1 },
      ],
    },
  });
  await startNext(names[0]);
  await t.sb.advanceClock(61);
  const job = await jobStatus(jobId);
  assert.equal(job.status, "CANCELED");
  assert.equal(job.jobProcessDetails?.numberOfTimedOutThings, 1);
  assert.equal(job.jobProcessDetails?.numberOfCanceledThings, 2);
  await t.rig.assertCounters(jobId);
});
