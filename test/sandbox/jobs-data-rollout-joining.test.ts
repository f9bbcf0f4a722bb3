/**
 * Rollout rates for things that join a CONTINUOUS job later (JOB-2, JOB-5, JOB-9): things added to
 * a target group and targets added by AssociateTargetsWithJob wait in the job's line and get
 * their executions at the job's rate, a batch a minute on the sandbox clock; a thing that leaves
 * the targets while it waits gets nothing; once the line is empty for a minute a joiner is
 * released at once.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  AddThingToThingGroupCommand,
  AssociateTargetsWithJobCommand,
  DescribeJobCommand,
  RemoveThingFromThingGroupCommand,
} from "@aws-sdk/client-iot";
import { jobsDataSandbox } from "./jobs-data-helpers.js";

const t = jobsDataSandbox();

const released = async (jobId: string) => Object.keys(await t.rig.statuses(jobId)).length;
const join = (thingGroupName: string, names: string[]) =>
  Promise.all(
    names.map((thingName) => t.rig.iot.send(new AddThingToThingGroupCommand({ thingGroupName, thingName }))),
  );

/** A CONTINUOUS job at `perMinute` on a new group of `n` things. */
async function continuousJob(n: number, perMinute: number) {
  const names = await t.rig.things(n);
  const group = await t.rig.group(names);
  const jobId = await t.rig.job({
    targets: [t.rig.groupArn(group)],
    targetSelection: "CONTINUOUS",
    jobExecutionsRolloutConfig: { maximumPerMinute: perMinute },
  });
  return { names, group, jobId };
}

test("JOB-9 + JOB-5: things joining a target group wait in the job's line at its rate, a batch a minute", async () => {
  const { group, jobId } = await continuousJob(3, 2);
  assert.equal(await released(jobId), 2);
  await join(group, await t.rig.things(3));
  assert.equal(await released(jobId), 2, "joiners wait: this minute's batch is gone");
  const job = (await t.rig.iot.send(new DescribeJobCommand({ jobId }))).job!;
  assert.deepEqual(job.jobProcessDetails?.processingTargets, [t.rig.groupArn(group)]);
  const counts: number[] = [];
  for (let minute = 0; minute < 3; minute++) {
    await t.sb.advanceClock(60);
    counts.push(await released(jobId));
  }
  assert.deepEqual(counts, [4, 6, 6]);
  await t.rig.assertCounters(jobId);

  // The line has been empty for more than a minute: a joiner is notified at once.
  const [late] = await t.rig.things(1);
  await join(group, [late]);
  assert.equal((await t.rig.statuses(jobId))[late], "QUEUED");
});

test("JOB-9 + JOB-5: a waiting thing that leaves the group before its batch gets no execution", async () => {
  const { names, group, jobId } = await continuousJob(3, 1);
  const reached = Object.keys(await t.rig.statuses(jobId));
  const waiting = names.filter((n) => !reached.includes(n));
  assert.equal(waiting.length, 2);
  await t.rig.iot.send(
    new RemoveThingFromThingGroupCommand({ thingGroupName: group, thingName: waiting[0] }),
  );
  await t.sb.advanceClock(120);
  const statuses = await t.rig.statuses(jobId);
  assert.equal(statuses[waiting[0]], undefined);
  assert.equal(statuses[waiting[1]], "QUEUED");
});

test("AssociateTargetsWithJob at the job's rate: the new targets' things come a batch a minute", async () => {
  const { jobId } = await continuousJob(1, 2);
  assert.equal(await released(jobId), 1);
  const extra = await t.rig.things(3);
  const group = await t.rig.group(extra);
  await t.sb.advanceClock(60);
  await t.rig.iot.send(new AssociateTargetsWithJobCommand({ jobId, targets: [t.rig.groupArn(group)] }));
  assert.equal(await released(jobId), 3, "a minute after the last batch: the next one goes at once");
  await t.sb.advanceClock(60);
  assert.equal(await released(jobId), 4);
  await t.rig.assertCounters(jobId);
});
