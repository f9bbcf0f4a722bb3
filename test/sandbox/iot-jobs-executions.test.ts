/**
 * Job executions from the control plane (JOB-7, JOB-20, JOB-22): ListJobExecutionsForJob and
 * ListJobExecutionsForThing (filters, pagination, ranges), DescribeJobExecution, DeleteJobExecution;
 * and job templates (CreateJobTemplate ... DeleteJobTemplate, CreateJob from jobTemplateArn).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  CancelJobExecutionCommand,
  CreateJobCommand,
  CreateJobTemplateCommand,
  DeleteJobExecutionCommand,
  DeleteJobTemplateCommand,
  DescribeJobCommand,
  DescribeJobExecutionCommand,
  DescribeJobTemplateCommand,
  GetJobDocumentCommand,
  IoTClient,
  ListJobExecutionsForJobCommand,
  ListJobExecutionsForThingCommand,
  ListJobTemplatesCommand,
  ListTagsForResourceCommand,
} from "@aws-sdk/client-iot";
import type { TestSandbox } from "../helpers/sandbox.js";
import { DOCUMENT, expectError, type jobsHelpers, startJobsSandbox, uniqueName } from "./iot-jobs-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
let h: ReturnType<typeof jobsHelpers>;
before(async () => ({ sb, iot, h } = await startJobsSandbox()));
after(() => sb.dispose());

test("JOB-7: ListJobExecutionsForJob pages in thing order and filters by status", async () => {
  const things = (await h.things(7, "page")).sort();
  const jobId = await h.job({ targets: things.map(h.thingArn) });
  await iot.send(new CancelJobExecutionCommand({ jobId, thingName: things[2] }));
  const seen: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await iot.send(new ListJobExecutionsForJobCommand({ jobId, maxResults: 3, nextToken }));
    pages += 1;
    assert.ok(page.executionSummaries!.length <= 3);
    for (const s of page.executionSummaries!) {
      seen.push(s.thingArn!.split("/").pop()!);
      assert.equal(s.jobExecutionSummary!.executionNumber, 1);
      assert.equal(s.jobExecutionSummary!.retryAttempt, 0);
      assert.ok(s.jobExecutionSummary!.queuedAt instanceof Date);
    }
    nextToken = page.nextToken;
  } while (nextToken);
  assert.equal(pages, 3);
  assert.deepEqual(seen, things);
  assert.deepEqual(Object.keys(await h.statuses(jobId, "CANCELED")), [things[2]]);
  assert.equal(Object.keys(await h.statuses(jobId, "QUEUED")).length, 6);
  assert.deepEqual(await h.statuses(jobId, "SUCCEEDED"), {});
  await h.assertCounters(jobId);
  for (const maxResults of [0, 251])
    await expectError(
      iot.send(new ListJobExecutionsForJobCommand({ jobId, maxResults })),
      "InvalidRequestException",
      400,
    );
  await expectError(
    iot.send(new ListJobExecutionsForJobCommand({ jobId, status: "DONE" as never })),
    "InvalidRequestException",
    400,
  );
  await expectError(
    iot.send(new ListJobExecutionsForJobCommand({ jobId: uniqueName("none") })),
    "ResourceNotFoundException",
    404,
  );
});

test("ListJobExecutionsForThing: the thing's executions in job order, filters, pages, 404", async () => {
  const [a] = await h.things(1);
  const ids = [];
  for (let i = 0; i < 4; i++)
    ids.push(await h.job({ jobId: `${uniqueName("jt")}-${i}`, targets: [h.thingArn(a)] }));
  await iot.send(new CancelJobExecutionCommand({ jobId: ids[1], thingName: a }));
  const seen: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await iot.send(
      new ListJobExecutionsForThingCommand({ thingName: a, maxResults: 3, nextToken }),
    );
    seen.push(...page.executionSummaries!.map((s) => s.jobId!));
    nextToken = page.nextToken;
  } while (nextToken);
  assert.deepEqual(seen, [...ids].sort());
  const canceled = await iot.send(new ListJobExecutionsForThingCommand({ thingName: a, status: "CANCELED" }));
  assert.deepEqual(
    canceled.executionSummaries?.map((s) => [s.jobId, s.jobExecutionSummary?.status]),
    [[ids[1], "CANCELED"]],
  );
  const one = await iot.send(new ListJobExecutionsForThingCommand({ thingName: a, jobId: ids[2] }));
  assert.deepEqual(
    one.executionSummaries?.map((s) => s.jobId),
    [ids[2]],
  );
  const [idle] = await h.things(1);
  const none = await iot.send(new ListJobExecutionsForThingCommand({ thingName: idle }));
  assert.deepEqual(none.executionSummaries, []);
  await expectError(
    iot.send(new ListJobExecutionsForThingCommand({ thingName: uniqueName("ghost") })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    iot.send(new ListJobExecutionsForThingCommand({ thingName: a, maxResults: 251 })),
    "InvalidRequestException",
    400,
  );
});

test("JOB-22: DescribeJobExecution works for terminal executions and by number; 404s", async () => {
  const [a, b] = await h.things(2);
  const jobId = await h.job({ targets: [h.thingArn(a)] });
  await iot.send(new CancelJobExecutionCommand({ jobId, thingName: a }));
  const exec = (await iot.send(new DescribeJobExecutionCommand({ jobId, thingName: a, executionNumber: 1 })))
    .execution!;
  assert.deepEqual([exec.status, exec.versionNumber, exec.forceCanceled], ["CANCELED", 2, false]);
  assert.deepEqual(exec.statusDetails, { detailsMap: {} });
  assert.equal(exec.approximateSecondsBeforeTimedOut, undefined);
  await expectError(
    iot.send(new DescribeJobExecutionCommand({ jobId, thingName: b })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    iot.send(new DescribeJobExecutionCommand({ jobId: uniqueName("none"), thingName: a })),
    "ResourceNotFoundException",
    404,
  );
});

test("DeleteJobExecution: terminal ones go; pending ones need force (409); counters follow", async () => {
  const [a, b] = await h.things(2);
  const jobId = await h.job({ targets: [h.thingArn(a), h.thingArn(b)] });
  await expectError(
    iot.send(new DeleteJobExecutionCommand({ jobId, thingName: a, executionNumber: 1 })),
    "InvalidStateTransitionException",
    409,
  );
  await iot.send(new CancelJobExecutionCommand({ jobId, thingName: a }));
  await iot.send(new DeleteJobExecutionCommand({ jobId, thingName: a, executionNumber: 1 }));
  await expectError(
    iot.send(new DescribeJobExecutionCommand({ jobId, thingName: a })),
    "ResourceNotFoundException",
    404,
  );
  assert.deepEqual(await h.statuses(jobId), { [b]: "QUEUED" });
  await h.assertCounters(jobId);
  await expectError(
    iot.send(new DeleteJobExecutionCommand({ jobId, thingName: b, executionNumber: 2 })),
    "ResourceNotFoundException",
    404,
  );
  await iot.send(new DeleteJobExecutionCommand({ jobId, thingName: b, executionNumber: 1, force: true }));
  assert.deepEqual(await h.statuses(jobId), {});
  assert.equal((await iot.send(new DescribeJobCommand({ jobId }))).job!.status, "COMPLETED");
  await h.assertCounters(jobId);
});

test("Job templates: create, describe, list, create a job from one, delete", async () => {
  const [a] = await h.things(1);
  const jobTemplateId = uniqueName("tpl");
  const timeoutConfig = { inProgressTimeoutInMinutes: 30 };
  const created = await iot.send(
    new CreateJobTemplateCommand({
      jobTemplateId,
      description: "reboot template",
      document: DOCUMENT,
      timeoutConfig,
      tags: [{ Key: "k", Value: "v" }],
    }),
  );
  const templateArn = h.arn(`jobtemplate/${jobTemplateId}`);
  assert.deepEqual(created, { $metadata: created.$metadata, jobTemplateArn: templateArn, jobTemplateId });
  const described = await iot.send(new DescribeJobTemplateCommand({ jobTemplateId }));
  assert.equal(described.document, DOCUMENT);
  assert.equal(described.description, "reboot template");
  assert.deepEqual(described.timeoutConfig, timeoutConfig);
  assert.ok(described.createdAt instanceof Date);
  const tags = await iot.send(new ListTagsForResourceCommand({ resourceArn: templateArn }));
  assert.deepEqual(tags.tags, [{ Key: "k", Value: "v" }]);
  const listed = await iot.send(new ListJobTemplatesCommand({ maxResults: 250 }));
  assert.ok(
    listed.jobTemplates?.some((t) => t.jobTemplateId === jobTemplateId && t.jobTemplateArn === templateArn),
  );

  const jobId = await h.job({ targets: [h.thingArn(a)], jobTemplateArn: templateArn });
  const job = (await iot.send(new DescribeJobCommand({ jobId }))).job!;
  assert.equal(job.jobTemplateArn, templateArn);
  assert.deepEqual(job.timeoutConfig, timeoutConfig);
  assert.equal((await iot.send(new GetJobDocumentCommand({ jobId }))).document, DOCUMENT);
  const fromJob = uniqueName("tpl");
  await iot.send(
    new CreateJobTemplateCommand({ jobTemplateId: fromJob, description: "copy", jobArn: job.jobArn }),
  );
  assert.deepEqual(
    (await iot.send(new DescribeJobTemplateCommand({ jobTemplateId: fromJob }))).timeoutConfig,
    timeoutConfig,
  );

  await expectError(
    iot.send(new CreateJobTemplateCommand({ jobTemplateId, description: "again", document: DOCUMENT })),
    "ConflictException",
    409,
  );
  await expectError(
    iot.send(
      new CreateJobTemplateCommand({
        jobTemplateId: uniqueName("tpl"),
        description: "two",
        document: DOCUMENT,
        jobArn: job.jobArn,
      }),
    ),
    "InvalidRequestException",
    400,
  );
  const fromTemplate = (document?: string) =>
    iot.send(
      new CreateJobCommand({
        jobId: uniqueName("job"),
        targets: [h.thingArn(a)],
        jobTemplateArn: templateArn,
        document,
      }),
    );
  await expectError(fromTemplate(DOCUMENT), "InvalidRequestException", 400);
  await iot.send(new DeleteJobTemplateCommand({ jobTemplateId }));
  await expectError(
    iot.send(new DescribeJobTemplateCommand({ jobTemplateId })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    iot.send(new DeleteJobTemplateCommand({ jobTemplateId })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(fromTemplate(), "ResourceNotFoundException", 404);
  assert.equal((await iot.send(new DescribeJobCommand({ jobId }))).job!.jobTemplateArn, templateArn);
});
