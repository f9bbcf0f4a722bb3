/**
 * The sandbox scheduler end to end (scheduler.ts): its timers live in the store, so they survive a
 * restart (clean or kill -9), and the admin clock runs what became due before it answers.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { StartNextPendingJobExecutionCommand } from "@aws-sdk/client-iot-jobs-data-plane";
import { jobsDataSandbox } from "./jobs-data-helpers.js";

const t = jobsDataSandbox({ captureStderr: true });

for (const kill of [false, true]) {
  test(`JOB-23 on the scheduler: a timer set before a ${kill ? "kill -9" : "clean stop"} fires after the restart`, async () => {
    const { thing, jobId } = await t.rig.thingWithJob({ timeoutConfig: { inProgressTimeoutInMinutes: 5 } });
    await t.rig.data.send(new StartNextPendingJobExecutionCommand({ thingName: thing }));
    await t.sb.restart({ kill });
    await t.sb.advanceClock(200);
    assert.equal((await t.rig.execution(thing, jobId)).status, "IN_PROGRESS", "not due yet");
    await t.sb.advanceClock(101);
    assert.equal((await t.rig.controlStatus(thing, jobId)).status, "TIMED_OUT");
  });
}

test("JOB-5 on the scheduler: a rollout goes on after a restart, from where it was", async () => {
  const names = await t.rig.things(3);
  const jobId = await t.rig.job({
    targets: [t.rig.groupArn(await t.rig.group(names))],
    jobExecutionsRolloutConfig: { maximumPerMinute: 1 },
  });
  await t.sb.restart({ kill: true });
  assert.equal(Object.keys(await t.rig.statuses(jobId)).length, 1);
  await t.sb.advanceClock(120);
  assert.equal(Object.keys(await t.rig.statuses(jobId)).length, 3);
});

test("the admin clock answers after everything due ran: one advance covers many timers in due order", async () => {
  const jobs: Array<{ thing: string; jobId: string }> = [];
  for (const minutes of [3, 1, 2]) {
    const j = await t.rig.thingWithJob({ timeoutConfig: { inProgressTimeoutInMinutes: minutes } });
    await t.rig.data.send(new StartNextPendingJobExecutionCommand({ thingName: j.thing }));
    jobs.push(j);
  }
  const report = (await t.sb.admin("clock", { advanceSeconds: 181 })) as { offsetSeconds: number };
  assert.ok(report.offsetSeconds >= 181);
  for (const { thing, jobId } of jobs)
    assert.equal((await t.rig.controlStatus(thing, jobId)).status, "TIMED_OUT");
  assert.equal(t.sb.stderr(), "", "no timer failed");
});
