/** Jobs data plane (JOB-22): the device's read operations over the real SDK v3 client. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { DeleteJobCommand } from "@aws-sdk/client-iot";
import {
  DescribeJobExecutionCommand,
  GetPendingJobExecutionsCommand,
  StartNextPendingJobExecutionCommand,
} from "@aws-sdk/client-iot-jobs-data-plane";
import { DOCUMENT } from "./iot-jobs-helpers.js";
import { expectError, jobsDataSandbox, uniqueName } from "./jobs-data-helpers.js";

const t = jobsDataSandbox();

test("JOB-22 GetPendingJobExecutions: a thing without jobs has two empty lists; unknown thing 404; bad name 400", async () => {
  const [thing] = await t.rig.things(1);
  const out = await t.rig.data.send(new GetPendingJobExecutionsCommand({ thingName: thing }));
  assert.deepEqual(out.inProgressJobs, []);
  assert.deepEqual(out.queuedJobs, []);
  await expectError(
    t.rig.data.send(new GetPendingJobExecutionsCommand({ thingName: uniqueName("nothing") })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    t.rig.data.send(new GetPendingJobExecutionsCommand({ thingName: "bad name!" })),
    "InvalidRequestException",
    400,
  );
});

test("JOB-22 GetPendingJobExecutions: oldest queuedAt first, in progress apart, at most 10 in all", async () => {
  const [thing] = await t.rig.things(1);
  const created: string[] = [];
  // Job ids in reverse alphabetical order, so the order seen can only come from queuedAt.
  for (let i = 12; i >= 1; i--) {
    const jobId = `${uniqueName("order")}-${String.fromCharCode(96 + i)}`;
    await t.rig.job({ jobId, targets: [t.rig.thingArn(thing)] });
    created.push(jobId);
    await t.sb.advanceClock(1);
  }
  const started = await t.rig.data.send(new StartNextPendingJobExecutionCommand({ thingName: thing }));
  assert.equal(started.execution?.jobId, created[0]);
  const out = await t.rig.data.send(new GetPendingJobExecutionsCommand({ thingName: thing }));
  assert.deepEqual(
    out.inProgressJobs?.map((j) => j.jobId),
    [created[0]],
  );
  assert.deepEqual(
    out.queuedJobs?.map((j) => j.jobId),
    created.slice(1, 10),
  );
  const [first, second] = out.queuedJobs!;
  assert.ok(first.queuedAt! < second.queuedAt!, "epoch seconds, ascending");
  assert.equal(first.versionNumber, 1);
  assert.equal(first.executionNumber, 1);
  assert.equal(first.startedAt, undefined);
  const inProgress = out.inProgressJobs![0];
  assert.equal(inProgress.versionNumber, 2);
  assert.ok(inProgress.startedAt! >= inProgress.queuedAt!);
  assert.ok(Number.isInteger(inProgress.lastUpdatedAt), "whole seconds");
});

test("JOB-22 StartNextPendingJobExecution: a QUEUED execution starts; an IN_PROGRESS one comes back unchanged; none → {}", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  const first = await t.rig.data.send(
    new StartNextPendingJobExecutionCommand({ thingName: thing, statusDetails: { step: "download" } }),
  );
  const e = first.execution!;
  assert.equal(e.jobId, jobId);
  assert.equal(e.thingName, thing);
  assert.equal(e.status, "IN_PROGRESS");
  assert.equal(e.versionNumber, 2);
  assert.equal(e.executionNumber, 1);
  assert.deepEqual(e.statusDetails, { step: "download" });
  assert.ok(e.startedAt! > 0);
  assert.deepEqual(JSON.parse(e.jobDocument!), JSON.parse(DOCUMENT));
  const again = await t.rig.data.send(
    new StartNextPendingJobExecutionCommand({ thingName: thing, statusDetails: { step: "ignored" } }),
  );
  assert.equal(again.execution?.versionNumber, 2);
  assert.deepEqual(again.execution?.statusDetails, { step: "download" });
  await t.rig.update(thing, jobId, { status: "SUCCEEDED" });
  const none = await t.rig.data.send(new StartNextPendingJobExecutionCommand({ thingName: thing }));
  assert.equal(none.execution, undefined);
});

test("JOB-22 StartNextPendingJobExecution: unknown thing 404; stepTimeoutInMinutes outside 1..10080 400, nothing started", async () => {
  await expectError(
    t.rig.data.send(new StartNextPendingJobExecutionCommand({ thingName: uniqueName("nothing") })),
    "ResourceNotFoundException",
    404,
  );
  const { thing, jobId } = await t.rig.thingWithJob();
  for (const stepTimeoutInMinutes of [0, -1, 10081])
    await expectError(
      t.rig.data.send(new StartNextPendingJobExecutionCommand({ thingName: thing, stepTimeoutInMinutes })),
      "InvalidRequestException",
      400,
    );
  await expectError(
    t.rig.data.send(
      new StartNextPendingJobExecutionCommand({ thingName: thing, statusDetails: { "bad key!": "v" } }),
    ),
    "InvalidRequestException",
    400,
  );
  assert.equal((await t.rig.execution(thing, jobId)).status, "QUEUED");
});

test("JOB-22 DescribeJobExecution: the document by default, not with includeJobDocument=false; by executionNumber", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  const full = await t.rig.data.send(new DescribeJobExecutionCommand({ thingName: thing, jobId }));
  assert.equal(full.execution?.status, "QUEUED");
  assert.equal(full.execution?.versionNumber, 1);
  assert.deepEqual(JSON.parse(full.execution!.jobDocument!), JSON.parse(DOCUMENT));
  const bare = await t.rig.execution(thing, jobId);
  assert.equal(bare.jobDocument, undefined);
  assert.equal(bare.approximateSecondsBeforeTimedOut, undefined);
  const numbered = await t.rig.data.send(
    new DescribeJobExecutionCommand({ thingName: thing, jobId, executionNumber: 1 }),
  );
  assert.equal(numbered.execution?.executionNumber, 1);
  await expectError(
    t.rig.data.send(new DescribeJobExecutionCommand({ thingName: thing, jobId, executionNumber: 7 })),
    "ResourceNotFoundException",
    404,
  );
});

test("JOB-22 DescribeJobExecution $next: the StartNext choice without a change; {} when nothing is pending", async () => {
  const [thing] = await t.rig.things(1);
  const none = await t.rig.data.send(new DescribeJobExecutionCommand({ thingName: thing, jobId: "$next" }));
  assert.equal(none.execution, undefined);
  const older = await t.rig.job({ targets: [t.rig.thingArn(thing)] });
  await t.sb.advanceClock(1);
  const newer = await t.rig.job({ targets: [t.rig.thingArn(thing)] });
  const next = await t.rig.data.send(new DescribeJobExecutionCommand({ thingName: thing, jobId: "$next" }));
  assert.equal(next.execution?.jobId, older);
  assert.equal(next.execution?.status, "QUEUED", "no state change");
  assert.ok(next.execution?.jobDocument);
  // An IN_PROGRESS execution comes before an older QUEUED one.
  await t.rig.update(thing, newer, { status: "IN_PROGRESS" });
  const inProgress = await t.rig.data.send(
    new DescribeJobExecutionCommand({ thingName: thing, jobId: "$next", includeJobDocument: false }),
  );
  assert.equal(inProgress.execution?.jobId, newer);
  assert.equal(inProgress.execution?.jobDocument, undefined);
});

test("JOB-22 DescribeJobExecution: unknown job or thing 404, bad job id 400, terminal execution 410 TerminalStateException", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  await expectError(
    t.rig.data.send(new DescribeJobExecutionCommand({ thingName: thing, jobId: uniqueName("nojob") })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    t.rig.data.send(new DescribeJobExecutionCommand({ thingName: uniqueName("nothing"), jobId })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    t.rig.data.send(new DescribeJobExecutionCommand({ thingName: thing, jobId: "!bad" })),
    "InvalidRequestException",
    400,
  );
  await t.rig.update(thing, jobId, { status: "REJECTED" });
  await expectError(
    t.rig.data.send(new DescribeJobExecutionCommand({ thingName: thing, jobId })),
    "TerminalStateException",
    410,
    /terminal/,
  );
  assert.equal(
    (await t.rig.controlStatus(thing, jobId)).status,
    "REJECTED",
    "the control plane still shows it",
  );
});

test("JOB-22 / JOB-10: executions of a job being deleted are no longer reported to the device", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  await t.rig.iot.send(new DeleteJobCommand({ jobId, force: true }));
  const out = await t.rig.data.send(new GetPendingJobExecutionsCommand({ thingName: thing }));
  assert.deepEqual(out.queuedJobs, []);
  await expectError(
    t.rig.data.send(new DescribeJobExecutionCommand({ thingName: thing, jobId })),
    "ResourceNotFoundException",
    404,
  );
});
