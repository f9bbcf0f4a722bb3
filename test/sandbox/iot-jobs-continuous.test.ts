/**
 * CONTINUOUS jobs following the registry (JOB-9): static group joins and leaves, dynamic
 * membership through attribute and shadow changes (fleet indexing on), thing deletion (THG-5),
 * re-joins, AssociateTargetsWithJob; the counters agree with the execution list throughout (JOB-7).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  AddThingToThingGroupCommand,
  AssociateTargetsWithJobCommand,
  CancelJobCommand,
  CancelJobExecutionCommand,
  CreateDynamicThingGroupCommand,
  DeleteDynamicThingGroupCommand,
  DeleteThingCommand,
  DeleteThingGroupCommand,
  DescribeJobCommand,
  DescribeJobExecutionCommand,
  IoTClient,
  ListJobExecutionsForThingCommand,
  RemoveThingFromThingGroupCommand,
  UpdateThingCommand,
  UpdateThingGroupsForThingCommand,
} from "@aws-sdk/client-iot";
import { IoTDataPlaneClient } from "@aws-sdk/client-iot-data-plane";
import type { TestSandbox } from "../helpers/sandbox.js";
import { enableIndexing, updateShadow } from "./iot-index-helpers.js";
import { expectError, type jobsHelpers, startJobsSandbox, uniqueName } from "./iot-jobs-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
let data: IoTDataPlaneClient;
let h: ReturnType<typeof jobsHelpers>;
before(async () => {
  ({ sb, iot, h } = await startJobsSandbox());
  data = new IoTDataPlaneClient(sb.config);
  await enableIndexing(iot);
});
after(() => sb.dispose());

const execution = async (jobId: string, thingName: string, executionNumber?: number) =>
  (await iot.send(new DescribeJobExecutionCommand({ jobId, thingName, executionNumber }))).execution!;

test("JOB-9: static groups: a thing added gets a QUEUED execution, one removed gets REMOVED", async () => {
  const [a, b] = await h.things(2);
  const group = await h.group([a]);
  const jobId = await h.job({ targets: [h.groupArn(group)], targetSelection: "CONTINUOUS" });
  assert.deepEqual(await h.statuses(jobId), { [a]: "QUEUED" });
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: group, thingName: b }));
  assert.deepEqual(await h.statuses(jobId), { [a]: "QUEUED", [b]: "QUEUED" });
  await iot.send(new RemoveThingFromThingGroupCommand({ thingGroupName: group, thingName: a }));
  assert.deepEqual(await h.statuses(jobId), { [a]: "REMOVED", [b]: "QUEUED" });
  const removed = await execution(jobId, a);
  assert.equal(removed.versionNumber, 2);
  await h.assertCounters(jobId);
  assert.equal((await iot.send(new DescribeJobCommand({ jobId }))).job!.status, "IN_PROGRESS");
});

test("JOB-9: joining a child group of a target reaches the thing; a re-join gets execution number 2", async () => {
  const [a] = await h.things(1);
  const root = await h.group([]);
  const child = await h.group([], root);
  const jobId = await h.job({ targets: [h.groupArn(root)], targetSelection: "CONTINUOUS" });
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: child, thingName: a }));
  assert.equal((await execution(jobId, a)).status, "QUEUED");
  await iot.send(new RemoveThingFromThingGroupCommand({ thingGroupName: child, thingName: a }));
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: child, thingName: a }));
  const latest = await execution(jobId, a);
  assert.deepEqual([latest.status, latest.executionNumber, latest.versionNumber], ["QUEUED", 2, 1]);
  const first = await execution(jobId, a, 1);
  assert.deepEqual([first.status, first.executionNumber], ["REMOVED", 1]);
  await h.assertCounters(jobId);
  await expectError(
    iot.send(new DescribeJobExecutionCommand({ jobId, thingName: a, executionNumber: 3 })),
    "ResourceNotFoundException",
    404,
  );
});

test("JOB-9: a finished execution does not run again while the thing stays a target", async () => {
  const [a] = await h.things(1);
  const g1 = await h.group([a]);
  const g2 = await h.group([]);
  const jobId = await h.job({ targets: [h.groupArn(g1), h.groupArn(g2)], targetSelection: "CONTINUOUS" });
  await iot.send(new CancelJobExecutionCommand({ jobId, thingName: a }));
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: g2, thingName: a }));
  await iot.send(new UpdateThingCommand({ thingName: a, attributePayload: { attributes: { x: "1" } } }));
  const exec = await execution(jobId, a);
  assert.deepEqual([exec.status, exec.executionNumber], ["CANCELED", 1]);
});

test("JOB-9/DYN-2: dynamic groups: attribute and shadow changes add and remove executions", async () => {
  const color = uniqueName("color");
  const dyn = uniqueName("dyn");
  await iot.send(
    new CreateDynamicThingGroupCommand({ thingGroupName: dyn, queryString: `attributes.color:${color}` }),
  );
  const [a, b] = await h.things(2);
  const jobId = await h.job({ targets: [h.groupArn(dyn)], targetSelection: "CONTINUOUS" });
  assert.deepEqual(await h.statuses(jobId), {});
  await iot.send(new UpdateThingCommand({ thingName: a, attributePayload: { attributes: { color } } }));
  assert.deepEqual(await h.statuses(jobId), { [a]: "QUEUED" });
  await iot.send(
    new UpdateThingCommand({ thingName: a, attributePayload: { attributes: { color: "grey" } } }),
  );
  assert.deepEqual(await h.statuses(jobId), { [a]: "REMOVED" });
  const battery = uniqueName("low");
  const byShadow = uniqueName("dyn");
  await iot.send(
    new CreateDynamicThingGroupCommand({
      thingGroupName: byShadow,
      queryString: `shadow.reported.level:${battery}`,
    }),
  );
  const shadowJob = await h.job({ targets: [h.groupArn(byShadow)], targetSelection: "CONTINUOUS" });
  await updateShadow(data, b, { reported: { level: battery } });
  assert.deepEqual(await h.statuses(shadowJob), { [b]: "QUEUED" });
  await iot.send(new DeleteDynamicThingGroupCommand({ thingGroupName: byShadow }));
  assert.deepEqual(await h.statuses(shadowJob), { [b]: "REMOVED" });
  await h.assertCounters(jobId);
  await h.assertCounters(shadowJob);
});

test("JOB-9: a dynamic group's current members are targeted at creation (JOB-5)", async () => {
  const tag = uniqueName("tag");
  const [a] = await h.things(1);
  await iot.send(new UpdateThingCommand({ thingName: a, attributePayload: { attributes: { tag } } }));
  const dyn = uniqueName("dyn");
  await iot.send(
    new CreateDynamicThingGroupCommand({ thingGroupName: dyn, queryString: `attributes.tag:${tag}` }),
  );
  const jobId = await h.job({ targets: [h.groupArn(dyn)] });
  assert.deepEqual(await h.statuses(jobId), { [a]: "QUEUED" });
});

test("THG-5: deleting a thing turns its pending executions REMOVED and may complete a SNAPSHOT job", async () => {
  const [a, b] = await h.things(2);
  const snapshot = await h.job({ targets: [h.thingArn(a)] });
  const continuous = await h.job({
    targets: [h.groupArn(await h.group([a, b]))],
    targetSelection: "CONTINUOUS",
  });
  await iot.send(new DeleteThingCommand({ thingName: a }));
  assert.deepEqual(await h.statuses(snapshot), { [a]: "REMOVED" });
  assert.equal((await iot.send(new DescribeJobCommand({ jobId: snapshot }))).job!.status, "COMPLETED");
  assert.deepEqual(await h.statuses(continuous), { [a]: "REMOVED", [b]: "QUEUED" });
  const forThing = await iot.send(new ListJobExecutionsForThingCommand({ thingName: a }));
  assert.deepEqual(
    forThing.executionSummaries?.map((s) => s.jobId).sort(),
    [snapshot, continuous].sort(),
    "a deleted thing's executions stay listed",
  );
  await h.assertCounters(continuous);
});

test("JOB-9: UpdateThingGroupsForThing and DeleteThingGroup move things in and out", async () => {
  const [a] = await h.things(1);
  const group = await h.group([]);
  const jobId = await h.job({ targets: [h.groupArn(group)], targetSelection: "CONTINUOUS" });
  await iot.send(new UpdateThingGroupsForThingCommand({ thingName: a, thingGroupsToAdd: [group] }));
  assert.deepEqual(await h.statuses(jobId), { [a]: "QUEUED" });
  await iot.send(new DeleteThingGroupCommand({ thingGroupName: group }));
  assert.deepEqual(await h.statuses(jobId), { [a]: "REMOVED" });
  await h.assertCounters(jobId);
});

test("JOB-9: a canceled CONTINUOUS job adds no more executions", async () => {
  const [a] = await h.things(1);
  const group = await h.group([]);
  const jobId = await h.job({ targets: [h.groupArn(group)], targetSelection: "CONTINUOUS" });
  await iot.send(new CancelJobCommand({ jobId }));
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: group, thingName: a }));
  assert.deepEqual(await h.statuses(jobId), {});
});

test("AssociateTargetsWithJob: CONTINUOUS and IN_PROGRESS only; new targets reach their things", async () => {
  const [a, b, c] = await h.things(3);
  const jobId = await h.job({ targets: [h.thingArn(a)], targetSelection: "CONTINUOUS" });
  const group = await h.group([b]);
  const out = await iot.send(
    new AssociateTargetsWithJobCommand({
      jobId,
      targets: [h.groupArn(group), h.thingArn(a)],
      comment: "more",
    }),
  );
  assert.deepEqual({ jobId: out.jobId, jobArn: out.jobArn }, { jobId, jobArn: h.arn(`job/${jobId}`) });
  assert.deepEqual(await h.statuses(jobId), { [a]: "QUEUED", [b]: "QUEUED" });
  const job = (await iot.send(new DescribeJobCommand({ jobId }))).job!;
  assert.deepEqual(job.targets, [h.thingArn(a), h.groupArn(group)]);
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: group, thingName: c }));
  assert.equal((await h.statuses(jobId))[c], "QUEUED");
  const snapshot = await h.job({ targets: [h.thingArn(a)] });
  await expectError(
    iot.send(new AssociateTargetsWithJobCommand({ jobId: snapshot, targets: [h.groupArn(group)] })),
    "InvalidRequestException",
    400,
  );
  await expectError(
    iot.send(new AssociateTargetsWithJobCommand({ jobId, targets: [h.groupArn("no-such-group")] })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    iot.send(new AssociateTargetsWithJobCommand({ jobId: uniqueName("none"), targets: [h.groupArn(group)] })),
    "ResourceNotFoundException",
    404,
  );
  const many = Array.from({ length: 99 }, (_, i) => h.thingArn(`missing-${i}`));
  await expectError(
    iot.send(new AssociateTargetsWithJobCommand({ jobId, targets: many })),
    "LimitExceededException",
    410,
  );
  await iot.send(new CancelJobCommand({ jobId }));
  await expectError(
    iot.send(new AssociateTargetsWithJobCommand({ jobId, targets: [h.thingArn(c)] })),
    "InvalidRequestException",
    400,
  );
});
