/**
 * Job lifecycle from the control plane (aws-semantics.md §7.2): CancelJob (JOB-8), DeleteJob
 * (JOB-10), UpdateJob, ListJobs (JOB-11), with the counters checked against the execution list
 * after every change (JOB-7).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  CancelJobCommand,
  CancelJobExecutionCommand,
  CreateJobCommand,
  DeleteJobCommand,
  DescribeJobCommand,
  DescribeJobExecutionCommand,
  IoTClient,
  ListJobExecutionsForThingCommand,
  ListJobsCommand,
  type ListJobsCommandInput,
  ListTagsForResourceCommand,
  UpdateJobCommand,
} from "@aws-sdk/client-iot";
import type { TestSandbox } from "../helpers/sandbox.js";
import { DOCUMENT, expectError, type jobsHelpers, startJobsSandbox, uniqueName } from "./iot-jobs-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
let h: ReturnType<typeof jobsHelpers>;
before(async () => ({ sb, iot, h } = await startJobsSandbox()));
after(() => sb.dispose());

const describe = async (jobId: string) => (await iot.send(new DescribeJobCommand({ jobId }))).job!;

test("JOB-8: CancelJob cancels the job and its QUEUED executions at once, keeping reason and comment", async () => {
  const things = await h.things(3);
  const jobId = await h.job({ targets: things.map(h.thingArn) });
  const out = await iot.send(
    new CancelJobCommand({ jobId, reasonCode: "BAD_FIRMWARE", comment: "rollback" }),
  );
  assert.deepEqual({ jobId: out.jobId, jobArn: out.jobArn }, { jobId, jobArn: h.arn(`job/${jobId}`) });
  const job = await describe(jobId);
  assert.equal(job.status, "CANCELED");
  assert.equal(job.reasonCode, "BAD_FIRMWARE");
  assert.equal(job.comment, "rollback");
  assert.equal(job.forceCanceled, false);
  assert.deepEqual(Object.values(await h.statuses(jobId)), ["CANCELED", "CANCELED", "CANCELED"]);
  const counters = await h.assertCounters(jobId);
  assert.equal(counters.CANCELED, 3);
  const exec = (await iot.send(new DescribeJobExecutionCommand({ jobId, thingName: things[0] }))).execution!;
  assert.equal(exec.versionNumber, 2);
  assert.equal(exec.forceCanceled, false);
});

test("JOB-8: cancelling again → 200 unchanged; COMPLETED → 400; force is recorded", async () => {
  const [a] = await h.things(1);
  const jobId = await h.job({ targets: [h.thingArn(a)] });
  await iot.send(new CancelJobCommand({ jobId, force: true, comment: "first" }));
  assert.equal((await describe(jobId)).forceCanceled, true);
  await iot.send(new CancelJobCommand({ jobId, comment: "second" }));
  assert.equal((await describe(jobId)).comment, "first");
  const empty = await h.group([]);
  const completed = await h.job({ targets: [h.groupArn(empty)] });
  await expectError(iot.send(new CancelJobCommand({ jobId: completed })), "InvalidRequestException", 400);
  await expectError(
    iot.send(new CancelJobCommand({ jobId: uniqueName("none") })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    iot.send(new CancelJobCommand({ jobId, reasonCode: "lower case" })),
    "InvalidRequestException",
    400,
  );
});

test("JOB-8: a SCHEDULED job can be canceled", async () => {
  const [a] = await h.things(1);
  const jobId = await h.job({
    targets: [h.thingArn(a)],
    schedulingConfig: { startTime: "2099-06-01T00:00" },
  });
  await iot.send(new CancelJobCommand({ jobId }));
  assert.equal((await describe(jobId)).status, "CANCELED");
});

test("JOB-6/JOB-20: cancelling every execution completes a SNAPSHOT job; terminal ones cannot change", async () => {
  const [a, b] = await h.things(2);
  const jobId = await h.job({ targets: [h.thingArn(a), h.thingArn(b)] });
  await iot.send(new CancelJobExecutionCommand({ jobId, thingName: a, statusDetails: { why: "test" } }));
  assert.equal((await describe(jobId)).status, "IN_PROGRESS");
  const exec = (await iot.send(new DescribeJobExecutionCommand({ jobId, thingName: a }))).execution!;
  assert.equal(exec.status, "CANCELED");
  assert.deepEqual(exec.statusDetails?.detailsMap, { why: "test" });
  await expectError(
    iot.send(new CancelJobExecutionCommand({ jobId, thingName: b, expectedVersion: 7 })),
    "VersionConflictException",
    409,
  );
  await iot.send(new CancelJobExecutionCommand({ jobId, thingName: b, expectedVersion: 1 }));
  const job = await describe(jobId);
  assert.equal(job.status, "COMPLETED");
  assert.ok(job.completedAt instanceof Date);
  await h.assertCounters(jobId);
  await expectError(
    iot.send(new CancelJobExecutionCommand({ jobId, thingName: a, force: true })),
    "InvalidStateTransitionException",
    409,
  );
  await expectError(
    iot.send(new CancelJobExecutionCommand({ jobId, thingName: uniqueName("none") })),
    "ResourceNotFoundException",
    404,
  );
});

test("JOB-10: DeleteJob needs force while IN_PROGRESS (409); then everything goes and the id is free", async () => {
  const [a] = await h.things(1);
  const jobId = await h.job({ targets: [h.thingArn(a)], tags: [{ Key: "k", Value: "v" }] });
  await expectError(iot.send(new DeleteJobCommand({ jobId })), "InvalidStateTransitionException", 409);
  assert.equal((await describe(jobId)).status, "IN_PROGRESS");
  await iot.send(new DeleteJobCommand({ jobId, force: true }));
  await expectError(iot.send(new DescribeJobCommand({ jobId })), "ResourceNotFoundException", 404);
  await expectError(
    iot.send(new DescribeJobExecutionCommand({ jobId, thingName: a })),
    "ResourceNotFoundException",
    404,
  );
  const forThing = await iot.send(new ListJobExecutionsForThingCommand({ thingName: a }));
  assert.equal(
    forThing.executionSummaries?.some((s) => s.jobId === jobId),
    false,
  );
  await expectError(
    iot.send(new ListTagsForResourceCommand({ resourceArn: h.arn(`job/${jobId}`) })),
    "ResourceNotFoundException",
    404,
  );
  await iot.send(new CreateJobCommand({ jobId, targets: [h.thingArn(a)], document: DOCUMENT }));
  assert.equal((await describe(jobId)).status, "IN_PROGRESS");
  await expectError(
    iot.send(new DeleteJobCommand({ jobId: uniqueName("none") })),
    "ResourceNotFoundException",
    404,
  );
});

test("JOB-10: COMPLETED and CANCELED jobs delete without force; force on them is accepted", async () => {
  const [a] = await h.things(1);
  const canceled = await h.job({ targets: [h.thingArn(a)] });
  await iot.send(new CancelJobCommand({ jobId: canceled }));
  await iot.send(new DeleteJobCommand({ jobId: canceled }));
  const completed = await h.job({ targets: [h.groupArn(await h.group([]))] });
  await iot.send(new DeleteJobCommand({ jobId: completed, force: true }));
  for (const jobId of [canceled, completed])
    await expectError(iot.send(new DescribeJobCommand({ jobId })), "ResourceNotFoundException", 404);
});

test("UpdateJob replaces the members given and keeps the others", async () => {
  const [a] = await h.things(1);
  const jobId = await h.job({
    targets: [h.thingArn(a)],
    description: "before",
    timeoutConfig: { inProgressTimeoutInMinutes: 10 },
  });
  const before = await describe(jobId);
  await iot.send(
    new UpdateJobCommand({
      jobId,
      description: "after",
      abortConfig: {
        criteriaList: [
          { failureType: "FAILED", action: "CANCEL", thresholdPercentage: 50, minNumberOfExecutedThings: 2 },
        ],
      },
    }),
  );
  const job = await describe(jobId);
  assert.equal(job.description, "after");
  assert.deepEqual(job.timeoutConfig, { inProgressTimeoutInMinutes: 10 });
  assert.equal(job.abortConfig?.criteriaList?.[0].thresholdPercentage, 50);
  assert.ok(job.lastUpdatedAt!.getTime() >= before.lastUpdatedAt!.getTime());
  await expectError(
    iot.send(new UpdateJobCommand({ jobId, timeoutConfig: { inProgressTimeoutInMinutes: 0 } })),
    "InvalidRequestException",
    400,
  );
  await expectError(
    iot.send(new UpdateJobCommand({ jobId: uniqueName("none"), description: "x" })),
    "ResourceNotFoundException",
    404,
  );
});

test("JOB-11: ListJobs filters, newest first, pages", async () => {
  const [a] = await h.things(1);
  const group = await h.group([a]);
  const ids: string[] = [];
  for (let i = 0; i < 5; i++)
    ids.push(await h.job({ targets: [h.groupArn(group)], targetSelection: "CONTINUOUS" }));
  await iot.send(new CancelJobCommand({ jobId: ids[1] }));
  const list = async (input: ListJobsCommandInput) => {
    const out: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await iot.send(new ListJobsCommand({ ...input, nextToken }));
      assert.ok((page.jobs?.length ?? 0) <= (input.maxResults ?? 250));
      out.push(...(page.jobs ?? []).map((j) => j.jobId!));
      nextToken = page.nextToken;
    } while (nextToken);
    return out;
  };
  const byGroup = await list({ thingGroupName: group, maxResults: 2 });
  assert.deepEqual(byGroup, [...ids].reverse());
  assert.deepEqual(await list({ thingGroupName: group, status: "CANCELED" }), [ids[1]]);
  assert.deepEqual(await list({ thingGroupName: group, targetSelection: "SNAPSHOT" }), []);
  const summary = (await iot.send(new ListJobsCommand({ thingGroupName: group, maxResults: 1 }))).jobs![0];
  assert.equal(summary.targetSelection, "CONTINUOUS");
  assert.equal(summary.jobArn, h.arn(`job/${ids[4]}`));
  assert.equal(summary.isConcurrent, false);
  assert.ok(summary.thingGroupId);
  assert.deepEqual(await list({ thingGroupId: summary.thingGroupId, status: "IN_PROGRESS" }), [
    ids[4],
    ids[3],
    ids[2],
    ids[0],
  ]);
  await expectError(iot.send(new ListJobsCommand({ maxResults: 251 })), "InvalidRequestException", 400);
  await expectError(
    iot.send(new ListJobsCommand({ status: "DONE" as never })),
    "InvalidRequestException",
    400,
  );
  await expectError(iot.send(new ListJobsCommand({ nextToken: "garbage" })), "InvalidRequestException", 400);
});
