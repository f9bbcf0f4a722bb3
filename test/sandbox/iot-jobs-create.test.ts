/**
 * CreateJob and DescribeJob (aws-semantics.md §7.1, JOB-1..JOB-7, JOB-12): target expansion,
 * documents from the request or the sandbox S3, configuration validation, refusals that store
 * nothing, scheduling and tags.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  CreateJobCommand,
  type CreateJobCommandInput,
  DescribeJobCommand,
  DescribeJobExecutionCommand,
  GetJobDocumentCommand,
  IoTClient,
  ListTagsForResourceCommand,
} from "@aws-sdk/client-iot";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { TestSandbox } from "../helpers/sandbox.js";
import { DOCUMENT, expectError, type jobsHelpers, startJobsSandbox, uniqueName } from "./iot-jobs-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
let h: ReturnType<typeof jobsHelpers>;
let bucket: string;
before(async () => {
  ({ sb, iot, h } = await startJobsSandbox());
  bucket = uniqueName("docs");
  const s3 = new S3Client(sb.s3Config);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "jobs/reboot.json", Body: DOCUMENT }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "jobs/broken.json", Body: "{not json" }));
});
after(() => sb.dispose());

test("JOB-4/JOB-5/JOB-12: response, DescribeJob fields, one QUEUED execution per thing", async () => {
  const [a, b] = await h.things(2);
  const jobId = uniqueName("job");
  const out = await iot.send(
    new CreateJobCommand({
      jobId,
      targets: [h.thingArn(a), h.thingArn(b)],
      document: DOCUMENT,
      description: "d",
    }),
  );
  assert.deepEqual(
    { jobArn: out.jobArn, jobId: out.jobId, description: out.description },
    { jobArn: h.arn(`job/${jobId}`), jobId, description: "d" },
  );
  const described = await iot.send(new DescribeJobCommand({ jobId }));
  const job = described.job!;
  assert.equal(job.status, "IN_PROGRESS");
  assert.equal(job.targetSelection, "SNAPSHOT");
  assert.equal(job.isConcurrent, false);
  assert.deepEqual(job.targets, [h.thingArn(a), h.thingArn(b)]);
  assert.ok(job.createdAt instanceof Date && job.lastUpdatedAt instanceof Date);
  assert.equal(job.completedAt, undefined);
  assert.equal((job as Record<string, unknown>).document, undefined, "JOB-12: never the document");
  assert.equal(described.documentSource, undefined);
  assert.equal(job.jobProcessDetails?.numberOfQueuedThings, 2);
  const exec = (await iot.send(new DescribeJobExecutionCommand({ jobId, thingName: a }))).execution!;
  assert.equal(exec.status, "QUEUED");
  assert.equal(exec.executionNumber, 1);
  assert.equal(exec.versionNumber, 1);
  assert.equal(exec.startedAt, undefined);
  assert.equal(exec.thingArn, h.thingArn(a));
  assert.ok(exec.queuedAt instanceof Date);
  await h.assertCounters(jobId);
});

test("JOB-5: static groups include descendants; a thing reached twice runs once", async () => {
  const [a, b, c, outsider] = await h.things(4);
  const root = await h.group([a]);
  const child = await h.group([b], root);
  await h.group([c], child);
  await h.group([outsider]);
  const jobId = await h.job({ targets: [h.groupArn(root), h.thingArn(a)] });
  assert.deepEqual(Object.keys(await h.statuses(jobId)).sort(), [a, b, c].sort());
  const summary = (await iot.send(new DescribeJobCommand({ jobId }))).job!;
  assert.equal(summary.jobProcessDetails?.numberOfQueuedThings, 3);
});

test("JOB-6: a SNAPSHOT job whose targets reach no thing completes at once", async () => {
  const empty = await h.group([]);
  const jobId = await h.job({ targets: [h.groupArn(empty)] });
  const job = (await iot.send(new DescribeJobCommand({ jobId }))).job!;
  assert.equal(job.status, "COMPLETED");
  assert.ok(job.completedAt instanceof Date);
  const continuous = await h.job({ targets: [h.groupArn(empty)], targetSelection: "CONTINUOUS" });
  assert.equal((await iot.send(new DescribeJobCommand({ jobId: continuous }))).job!.status, "IN_PROGRESS");
});

test("JOB-1: an existing id → 409 ResourceAlreadyExistsException, the job unchanged", async () => {
  const [a] = await h.things(1);
  const jobId = await h.job({ targets: [h.thingArn(a)], description: "first" });
  const err = await expectError(
    iot.send(
      new CreateJobCommand({ jobId, targets: [h.thingArn(a)], document: DOCUMENT, description: "second" }),
    ),
    "ResourceAlreadyExistsException",
    409,
  );
  assert.equal((err as unknown as { resourceId?: string }).resourceId, jobId);
  assert.equal((await iot.send(new DescribeJobCommand({ jobId }))).job!.description, "first");
});

test("JOB-1: targets must exist (404) and be thing or group ARNs of this account (400)", async () => {
  const jobId = uniqueName("job");
  await expectError(
    iot.send(new CreateJobCommand({ jobId, targets: [h.thingArn("no-such-thing")], document: DOCUMENT })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    iot.send(new CreateJobCommand({ jobId, targets: [h.groupArn("no-such-group")], document: DOCUMENT })),
    "ResourceNotFoundException",
    404,
  );
  for (const target of [h.arn("policy/p"), "arn:aws:iot:eu-west-3:999999999999:thing/x", "not-an-arn"])
    await expectError(
      iot.send(new CreateJobCommand({ jobId, targets: [target], document: DOCUMENT })),
      "InvalidRequestException",
      400,
    );
  await expectError(iot.send(new DescribeJobCommand({ jobId })), "ResourceNotFoundException", 404);
});

test("JOB-1: exactly one of document, documentSource, jobTemplateArn; valid JSON; id pattern", async () => {
  const [a] = await h.things(1);
  const targets = [h.thingArn(a)];
  const jobId = uniqueName("job");
  const refused: Array<Partial<CreateJobCommandInput>> = [
    {},
    { document: DOCUMENT, documentSource: `https://s3.us-east-1.amazonaws.com/${bucket}/jobs/reboot.json` },
    { document: "{oops" },
    { document: "x".repeat(32769) },
    { documentSource: "https://example.com/doc.json" },
    { documentSource: `https://s3.us-east-1.amazonaws.com/${bucket}/jobs/missing.json` },
    { documentSource: `https://s3.us-east-1.amazonaws.com/${bucket}/jobs/broken.json` },
    { document: DOCUMENT, documentParameters: { a: "b" } },
  ];
  for (const input of refused)
    await expectError(
      iot.send(new CreateJobCommand({ jobId, targets, ...input })),
      "InvalidRequestException",
      400,
    );
  await expectError(
    iot.send(new CreateJobCommand({ jobId: "bad id!", targets, document: DOCUMENT })),
    "InvalidRequestException",
    400,
  );
  await expectError(iot.send(new DescribeJobCommand({ jobId })), "ResourceNotFoundException", 404);
});

test("JOB-1/JOB-12: documentSource is read from the sandbox S3 (path and virtual-host URLs)", async () => {
  const [a] = await h.things(1);
  for (const documentSource of [
    `https://s3.us-east-1.amazonaws.com/${bucket}/jobs/reboot.json`,
    `https://${bucket}.s3.amazonaws.com/jobs/reboot.json`,
  ]) {
    const jobId = await h.job({ targets: [h.thingArn(a)], documentSource });
    assert.equal((await iot.send(new DescribeJobCommand({ jobId }))).documentSource, documentSource);
    assert.equal((await iot.send(new GetJobDocumentCommand({ jobId }))).document, DOCUMENT);
  }
});

test("JOB-2: every configuration is validated (400) and nothing is stored", async () => {
  const [a] = await h.things(1);
  const exponential = { baseRatePerMinute: 10, incrementFactor: 2 };
  const refused: Array<Partial<CreateJobCommandInput>> = [
    // The workshop's shape: exponentialRate without rateIncreaseCriteria.
    { jobExecutionsRolloutConfig: { exponentialRate: exponential as never } },
    { jobExecutionsRolloutConfig: { exponentialRate: { ...exponential, rateIncreaseCriteria: {} } } },
    {
      jobExecutionsRolloutConfig: {
        exponentialRate: {
          ...exponential,
          incrementFactor: 5.5,
          rateIncreaseCriteria: { numberOfNotifiedThings: 1 },
        },
      },
    },
    { jobExecutionsRolloutConfig: { maximumPerMinute: 0 } },
    { jobExecutionsRolloutConfig: { maximumPerMinute: 1001 } },
    { presignedUrlConfig: { roleArn: "arn:aws:iam::123456789012:role/r", expiresInSec: 59 } },
    { timeoutConfig: { inProgressTimeoutInMinutes: 0 } },
    { timeoutConfig: { inProgressTimeoutInMinutes: 10081 } },
    {
      abortConfig: {
        criteriaList: [
          { failureType: "FAILED", action: "CANCEL", thresholdPercentage: 101, minNumberOfExecutedThings: 1 },
        ],
      },
    },
    {
      abortConfig: {
        criteriaList: [
          { failureType: "FAILED", action: "CANCEL", thresholdPercentage: 10, minNumberOfExecutedThings: 0 },
        ],
      },
    },
    { abortConfig: { criteriaList: [] } },
    { jobExecutionsRetryConfig: { criteriaList: [{ failureType: "FAILED", numberOfRetries: 11 }] } },
    {
      jobExecutionsRetryConfig: {
        criteriaList: [
          { failureType: "FAILED", numberOfRetries: 6 },
          { failureType: "TIMED_OUT", numberOfRetries: 5 },
        ],
      },
    },
    {
      jobExecutionsRetryConfig: { criteriaList: [{ failureType: "REJECTED" as never, numberOfRetries: 1 }] },
    },
    { targetSelection: "SOMETIMES" as never },
    { schedulingConfig: { startTime: "tomorrow" } },
    { schedulingConfig: { startTime: "2099-01-01T10:00", endTime: "2099-01-01T10:10" } },
  ];
  for (const input of refused) {
    const jobId = uniqueName("job");
    await expectError(
      iot.send(new CreateJobCommand({ jobId, targets: [h.thingArn(a)], document: DOCUMENT, ...input })),
      "InvalidRequestException",
      400,
    );
    await expectError(iot.send(new DescribeJobCommand({ jobId })), "ResourceNotFoundException", 404);
  }
});

test("JOB-2/JOB-12: valid configurations are stored and described exactly, fractions included", async () => {
  const [a] = await h.things(1);
  const configs = {
    presignedUrlConfig: { roleArn: `arn:aws:iam::${sb.accountId}:role/jobs-role`, expiresInSec: 600 },
    jobExecutionsRolloutConfig: {
      exponentialRate: {
        baseRatePerMinute: 50,
        incrementFactor: 1.5,
        rateIncreaseCriteria: { numberOfSucceededThings: 5 },
      },
    },
    abortConfig: {
      criteriaList: [
        {
          failureType: "ALL" as const,
          action: "CANCEL" as const,
          thresholdPercentage: 12.5,
          minNumberOfExecutedThings: 4,
        },
      ],
    },
    timeoutConfig: { inProgressTimeoutInMinutes: 90 },
    jobExecutionsRetryConfig: { criteriaList: [{ failureType: "TIMED_OUT" as const, numberOfRetries: 3 }] },
  };
  const jobId = await h.job({ targets: [h.thingArn(a)], ...configs });
  const job = (await iot.send(new DescribeJobCommand({ jobId }))).job!;
  assert.deepEqual(
    {
      presignedUrlConfig: job.presignedUrlConfig,
      jobExecutionsRolloutConfig: job.jobExecutionsRolloutConfig,
      abortConfig: job.abortConfig,
      timeoutConfig: job.timeoutConfig,
      jobExecutionsRetryConfig: job.jobExecutionsRetryConfig,
    },
    configs,
  );
});

test("JOB-4: a start time in the future makes the job SCHEDULED, without executions yet", async () => {
  const [a] = await h.things(1);
  const schedulingConfig = {
    startTime: "2099-01-01T10:00",
    endTime: "2099-01-01T12:00",
    endBehavior: "CANCEL" as const,
  };
  const jobId = await h.job({ targets: [h.thingArn(a)], schedulingConfig });
  const job = (await iot.send(new DescribeJobCommand({ jobId }))).job!;
  assert.equal(job.status, "SCHEDULED");
  assert.deepEqual(job.schedulingConfig, schedulingConfig);
  assert.deepEqual(await h.statuses(jobId), {});
  const past = await h.job({ targets: [h.thingArn(a)], schedulingConfig: { startTime: "2001-01-01T10:00" } });
  assert.equal((await iot.send(new DescribeJobCommand({ jobId: past }))).job!.status, "IN_PROGRESS");
});

test("TAG-1: tags given at creation are listed; a refused tag stores no job", async () => {
  const [a] = await h.things(1);
  const jobId = await h.job({ targets: [h.thingArn(a)], tags: [{ Key: "team", Value: "ota" }] });
  const tags = await iot.send(new ListTagsForResourceCommand({ resourceArn: h.arn(`job/${jobId}`) }));
  assert.deepEqual(tags.tags, [{ Key: "team", Value: "ota" }]);
  const refused = uniqueName("job");
  await expectError(
    iot.send(
      new CreateJobCommand({
        jobId: refused,
        targets: [h.thingArn(a)],
        document: DOCUMENT,
        tags: [{ Key: "aws:x", Value: "1" }],
      }),
    ),
    "InvalidRequestException",
    400,
  );
  await expectError(iot.send(new DescribeJobCommand({ jobId: refused })), "ResourceNotFoundException", 404);
});
