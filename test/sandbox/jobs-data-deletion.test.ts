/**
 * JOB-10 with a deletion delay (`sandbox serve --job-deletion-delay 120`): a deleted job is
 * DELETION_IN_PROGRESS on the sandbox clock (DescribeJob, ListJobs by status), devices no longer
 * see its executions, deleting it again is 409, its id is not free yet, an eleventh job being
 * deleted at once is 410; when the delay has passed on the sandbox clock it is gone.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  CreateJobCommand,
  DeleteJobCommand,
  DescribeJobCommand,
  ListJobsCommand,
  ListTagsForResourceCommand,
} from "@aws-sdk/client-iot";
import { GetPendingJobExecutionsCommand } from "@aws-sdk/client-iot-jobs-data-plane";
import { DOCUMENT } from "./iot-jobs-helpers.js";
import { expectError, jobsDataSandbox } from "./jobs-data-helpers.js";

const DELAY_SECONDS = 120;
const t = jobsDataSandbox({ args: ["--job-deletion-delay", String(DELAY_SECONDS)] });

test("JOB-10: a deleted job is DELETION_IN_PROGRESS for the delay on the sandbox clock, hidden from devices, then gone and its id free", async () => {
  const { iot, data } = t.rig;
  const { thing, jobId } = await t.rig.thingWithJob({ tags: [{ Key: "k", Value: "v" }] });
  assert.equal(
    (await data.send(new GetPendingJobExecutionsCommand({ thingName: thing }))).queuedJobs?.length,
    1,
  );

  await iot.send(new DeleteJobCommand({ jobId, force: true }));
  const deleting = (await iot.send(new DescribeJobCommand({ jobId }))).job!;
  assert.equal(deleting.status, "DELETION_IN_PROGRESS");
  const listed = await iot.send(new ListJobsCommand({ status: "DELETION_IN_PROGRESS" }));
  assert.deepEqual(
    listed.jobs?.map((j) => j.jobId),
    [jobId],
  );
  const pending = await data.send(new GetPendingJobExecutionsCommand({ thingName: thing }));
  assert.deepEqual([pending.queuedJobs?.length, pending.inProgressJobs?.length], [0, 0]);
  await expectError(t.rig.update(thing, jobId, { status: "IN_PROGRESS" }), "ResourceNotFoundException", 404);
  await expectError(
    iot.send(new DeleteJobCommand({ jobId, force: true })),
    "InvalidStateTransitionException",
    409,
  );
  await expectError(
    iot.send(new CreateJobCommand({ jobId, targets: [t.rig.thingArn(thing)], document: DOCUMENT })),
    "ResourceAlreadyExistsException",
    409,
  );

  await t.sb.advanceClock(DELAY_SECONDS - 10);
  assert.equal((await iot.send(new DescribeJobCommand({ jobId }))).job?.status, "DELETION_IN_PROGRESS");
  await t.sb.advanceClock(10);
  await expectError(iot.send(new DescribeJobCommand({ jobId })), "ResourceNotFoundException", 404);
  await expectError(
    iot.send(new ListTagsForResourceCommand({ resourceArn: t.rig.arn(`job/${jobId}`) })),
    "ResourceNotFoundException",
    404,
  );
  await iot.send(new CreateJobCommand({ jobId, targets: [t.rig.thingArn(thing)], document: DOCUMENT }));
  assert.equal((await iot.send(new DescribeJobCommand({ jobId }))).job?.status, "IN_PROGRESS");
});

test("JOB-10: at most 10 jobs DELETION_IN_PROGRESS at once: the eleventh deletion is 410 and nothing changes", async () => {
  const { iot } = t.rig;
  // The first test's jobs are gone or running: only these are being deleted.
  const jobIds: string[] = [];
  for (let i = 0; i < 11; i++) jobIds.push((await t.rig.thingWithJob()).jobId);
  for (const jobId of jobIds.slice(0, 10)) await iot.send(new DeleteJobCommand({ jobId, force: true }));
  await expectError(
    iot.send(new DeleteJobCommand({ jobId: jobIds[10], force: true })),
    "LimitExceededException",
    410,
  );
  assert.equal((await iot.send(new DescribeJobCommand({ jobId: jobIds[10] }))).job?.status, "IN_PROGRESS");
  await t.sb.advanceClock(DELAY_SECONDS);
  await iot.send(new DeleteJobCommand({ jobId: jobIds[10], force: true }));
  for (const jobId of jobIds.slice(0, 10))
    await expectError(iot.send(new DescribeJobCommand({ jobId })), "ResourceNotFoundException", 404);
});
