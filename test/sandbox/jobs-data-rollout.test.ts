/**
 * Rollout rates (JOB-2, JOB-5) and scheduled jobs (JOB-4 schedulingConfig) on the sandbox clock:
 * executions are created batch by batch as the clock advances; things not yet reached see nothing.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { CancelJobCommand, DescribeJobCommand, type JobExecutionsRolloutConfig } from "@aws-sdk/client-iot";
import { GetPendingJobExecutionsCommand } from "@aws-sdk/client-iot-jobs-data-plane";
import { jobsDataSandbox } from "./jobs-data-helpers.js";

const t = jobsDataSandbox();

const describe = async (jobId: string) => (await t.rig.iot.send(new DescribeJobCommand({ jobId }))).job!;
const released = async (jobId: string) => Object.keys(await t.rig.statuses(jobId)).length;
const pendingOf = async (thingName: string) =>
  (await t.rig.data.send(new GetPendingJobExecutionsCommand({ thingName }))).queuedJobs!.length;

/** A group of `n` new things and a job on it with this rollout config. */
async function rolledOut(n: number, rollout: JobExecutionsRolloutConfig, extra: object = {}) {
  const names = await t.rig.things(n);
  const group = await t.rig.group(names);
  const jobId = await t.rig.job({
    targets: [t.rig.groupArn(group)],
    jobExecutionsRolloutConfig: rollout,
    ...extra,
  });
  return { names, group, jobId };
}

/** Counts of released executions after each minute (the first entry: at creation). */
async function perMinute(jobId: string, minutes: number): Promise<number[]> {
  const out = [await released(jobId)];
  for (let i = 0; i < minutes; i++) {
    await t.sb.advanceClock(60);
    out.push(await released(jobId));
  }
  return out;
}

test("JOB-5 maximumPerMinute: a batch a minute; unreached things see nothing; processingTargets while rolling out", async () => {
  const { names, group, jobId } = await rolledOut(5, { maximumPerMinute: 2 });
  const job = await describe(jobId);
  assert.equal(job.jobProcessDetails?.numberOfQueuedThings, 2);
  assert.deepEqual(job.jobProcessDetails?.processingTargets, [t.rig.groupArn(group)]);
  assert.equal(job.isConcurrent, true);
  const reached = Object.keys(await t.rig.statuses(jobId));
  const waiting = names.filter((n) => !reached.includes(n));
  assert.equal(waiting.length, 3);
  assert.equal(await pendingOf(waiting[0]), 0, "no execution yet for the device");
  assert.deepEqual(await perMinute(jobId, 2), [2, 4, 5]);
  assert.equal(await pendingOf(waiting[2]), 1);
  const done = await describe(jobId);
  assert.equal(done.jobProcessDetails?.processingTargets, undefined);
  assert.equal(done.isConcurrent, false);
  await t.rig.assertCounters(jobId);
});

test("JOB-5: one clock advance catches up on every minute it skipped", async () => {
  const { jobId } = await rolledOut(7, { maximumPerMinute: 1 });
  assert.equal(await released(jobId), 1);
  await t.sb.advanceClock(600);
  assert.equal(await released(jobId), 7);
});

test("JOB-6: a SNAPSHOT job does not complete while things still wait for their execution", async () => {
  const { jobId } = await rolledOut(2, { maximumPerMinute: 1 });
  const [first] = Object.keys(await t.rig.statuses(jobId));
  await t.rig.update(first, jobId, { status: "SUCCEEDED" });
  assert.equal((await describe(jobId)).status, "IN_PROGRESS");
  await t.sb.advanceClock(60);
  const second = Object.keys(await t.rig.statuses(jobId, "QUEUED"))[0];
  await t.rig.update(second, jobId, { status: "SUCCEEDED" });
  assert.equal((await describe(jobId)).status, "COMPLETED");
});

test("JOB-2 exponentialRate by notified things: the rate grows by incrementFactor, capped by maximumPerMinute", async () => {
  const criteria = { numberOfNotifiedThings: 1 };
  const free = await rolledOut(10, {
    exponentialRate: { baseRatePerMinute: 1, incrementFactor: 2, rateIncreaseCriteria: criteria },
  });
  assert.deepEqual(await perMinute(free.jobId, 3), [1, 3, 7, 10]);
  const capped = await rolledOut(10, {
    maximumPerMinute: 3,
    exponentialRate: { baseRatePerMinute: 1, incrementFactor: 2, rateIncreaseCriteria: criteria },
  });
  assert.deepEqual(await perMinute(capped.jobId, 4), [1, 3, 6, 9, 10]);
});

test("JOB-2 exponentialRate by succeeded things: the rate grows only after devices succeed", async () => {
  const { jobId } = await rolledOut(8, {
    exponentialRate: {
      baseRatePerMinute: 1,
      incrementFactor: 2,
      rateIncreaseCriteria: { numberOfSucceededThings: 1 },
    },
  });
  assert.deepEqual(await perMinute(jobId, 1), [1, 2], "nobody succeeded yet: still 1 a minute");
  for (const thing of Object.keys(await t.rig.statuses(jobId)))
    await t.rig.update(thing, jobId, { status: "SUCCEEDED" });
  assert.deepEqual((await perMinute(jobId, 1)).slice(1), [4]);
});

test("JOB-8: a canceled job releases no more executions", async () => {
  const { jobId } = await rolledOut(4, { maximumPerMinute: 1 });
  await t.rig.iot.send(new CancelJobCommand({ jobId }));
  const canceled = await describe(jobId);
  assert.equal(canceled.jobProcessDetails?.processingTargets, undefined);
  assert.equal(canceled.isConcurrent, false);
  await t.sb.advanceClock(300);
  assert.equal(await released(jobId), 1);
});

/** `yyyy-MM-ddTHH:mm` of the sandbox clock `minutes` from now, rounded up to a whole minute. */
async function sandboxTime(minutes: number): Promise<string> {
  const { now } = (await t.sb.admin("clock", { advanceSeconds: 0 })) as { now: string };
  const ms = Math.ceil((Date.parse(now) + minutes * 60_000) / 60_000) * 60_000;
  return new Date(ms).toISOString().slice(0, 16);
}

test("JOB-4: a SCHEDULED job starts at its startTime on the sandbox clock; devices see nothing before", async () => {
  const [thing] = await t.rig.things(1);
  const jobId = await t.rig.job({
    targets: [t.rig.thingArn(thing)],
    schedulingConfig: { startTime: await sandboxTime(60) },
  });
  assert.equal((await describe(jobId)).status, "SCHEDULED");
  assert.equal(await pendingOf(thing), 0);
  await t.sb.advanceClock(30 * 60);
  assert.equal((await describe(jobId)).status, "SCHEDULED");
  await t.sb.advanceClock(31 * 60);
  assert.equal((await describe(jobId)).status, "IN_PROGRESS");
  assert.equal(await pendingOf(thing), 1);
  await t.rig.assertCounters(jobId);
});

for (const endBehavior of ["CANCEL", "FORCE_CANCEL"] as const) {
  test(`JOB-4 endTime with ${endBehavior}: the job is canceled at its end time`, async () => {
    const names = await t.rig.things(2);
    const jobId = await t.rig.job({
      targets: names.map(t.rig.thingArn),
      schedulingConfig: { endTime: await sandboxTime(31), endBehavior },
    });
    await t.rig.update(names[0], jobId, { status: "IN_PROGRESS" });
    await t.sb.advanceClock(32 * 60);
    const job = await describe(jobId);
    assert.equal(job.status, "CANCELED");
    assert.equal(job.forceCanceled, endBehavior === "FORCE_CANCEL");
    const statuses = await t.rig.statuses(jobId);
    assert.equal(statuses[names[1]], "CANCELED");
    assert.equal(statuses[names[0]], endBehavior === "FORCE_CANCEL" ? "CANCELED" : "IN_PROGRESS");
  });
}

test("JOB-4 endTime with STOP_ROLLOUT: things not reached by the end get no execution; the job can complete", async () => {
  const { jobId } = await rolledOut(
    40,
    { maximumPerMinute: 1 },
    { schedulingConfig: { endTime: await sandboxTime(31), endBehavior: "STOP_ROLLOUT" } },
  );
  await t.sb.advanceClock(33 * 60);
  const count = await released(jobId);
  assert.ok(count > 25 && count < 40, `${count} released before the end`);
  await t.sb.advanceClock(600);
  assert.equal(await released(jobId), count, "nothing after the end");
  const job = await describe(jobId);
  assert.equal(job.status, "IN_PROGRESS");
  assert.equal(job.jobProcessDetails?.processingTargets, undefined);
  for (const thing of Object.keys(await t.rig.statuses(jobId)))
    await t.rig.update(thing, jobId, { status: "SUCCEEDED" });
  assert.equal((await describe(jobId)).status, "COMPLETED");
});
