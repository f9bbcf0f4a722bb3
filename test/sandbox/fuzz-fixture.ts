/**
 * Fuzz test, part 4: the real resources created before fuzzing (through the SDK), the member
 * values that name them, and the check that every one of them still reads back afterwards.
 */
import assert from "node:assert/strict";
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand as CreateIamPolicyCommand,
  CreateRoleCommand,
  GetPolicyCommand as GetIamPolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import {
  AddThingToThingGroupCommand,
  AttachPolicyCommand,
  AttachThingPrincipalCommand,
  CreateJobCommand,
  CreateCommandCommand,
  CreateJobTemplateCommand,
  CreateKeysAndCertificateCommand,
  CreatePackageCommand,
  CreatePackageVersionCommand,
  CreatePolicyCommand,
  CreateThingCommand,
  CreateThingGroupCommand,
  CreateThingTypeCommand,
  DescribeCertificateCommand,
  DescribeJobCommand,
  DescribeJobTemplateCommand,
  DescribeThingCommand,
  DescribeThingGroupCommand,
  DescribeThingTypeCommand,
  GetCommandCommand,
  GetCommandExecutionCommand,
  GetPackageVersionCommand,
  GetPolicyCommand,
  IoTClient,
  UpdateIndexingConfigurationCommand,
} from "@aws-sdk/client-iot";
import {
  GetThingShadowCommand,
  IoTDataPlaneClient,
  UpdateThingShadowCommand,
} from "@aws-sdk/client-iot-data-plane";
import { IoTJobsDataPlaneClient, StartCommandExecutionCommand } from "@aws-sdk/client-iot-jobs-data-plane";
import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListPartsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import type { TestSandbox } from "../helpers/sandbox.js";
import { permissionsPolicy, trustPolicy } from "./iam-helpers.js";
import type { KnownValues } from "./fuzz-inputs.js";
import { rsaCsr } from "./iot-security-helpers.js";

const IOT_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "iot:Connect", Resource: "*" }],
});
const SHADOW = '{"state":{"reported":{"fuzz":1}}}';
const JOB_DOCUMENT = '{"fuzz":1}';

export interface Fixture {
  /** Known member values per service key. */
  known: Record<string, KnownValues>;
  /** The same, naming resources that do not exist: for operations that delete or detach. */
  absent: Record<string, KnownValues>;
  /** Every resource created here still reads back. */
  readBack(): Promise<void>;
}

export async function createFixture(sb: TestSandbox): Promise<Fixture> {
  const iot = new IoTClient(sb.config);
  const data = new IoTDataPlaneClient(sb.config);
  const jobsData = new IoTJobsDataPlaneClient(sb.config);
  const s3 = new S3Client(sb.s3Config);
  const iam = new IAMClient(sb.config);
  const arn = (resource: string) => `arn:aws:iot:${sb.region}:${sb.accountId}:${resource}`;

  await iot.send(new CreateThingTypeCommand({ thingTypeName: "fuzz-type" }));
  await iot.send(
    new CreateThingCommand({
      thingName: "fuzz-thing",
      thingTypeName: "fuzz-type",
      attributePayload: { attributes: { color: "red" } },
    }),
  );
  const group = await iot.send(
    new CreateThingGroupCommand({ thingGroupName: "fuzz-group", tags: [{ Key: "fuzz", Value: "1" }] }),
  );
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: "fuzz-group", thingName: "fuzz-thing" }));
  await iot.send(new CreatePolicyCommand({ policyName: "fuzz-policy", policyDocument: IOT_POLICY }));
  const cert = await iot.send(new CreateKeysAndCertificateCommand({ setAsActive: true }));
  await iot.send(
    new AttachThingPrincipalCommand({ thingName: "fuzz-thing", principal: cert.certificateArn }),
  );
  await iot.send(new AttachPolicyCommand({ policyName: "fuzz-policy", target: cert.certificateArn }));
  await iot.send(
    new UpdateIndexingConfigurationCommand({ thingIndexingConfiguration: { thingIndexingMode: "REGISTRY" } }),
  );
  await iot.send(new CreatePackageCommand({ packageName: "fuzz-pkg" }));
  await iot.send(new CreatePackageVersionCommand({ packageName: "fuzz-pkg", versionName: "1.0.0" }));
  const thingTarget = [arn("thing/fuzz-thing")];
  await iot.send(new CreateJobCommand({ jobId: "fuzz-job", targets: thingTarget, document: JOB_DOCUMENT }));
  await iot.send(
    new CreateJobTemplateCommand({
      jobTemplateId: "fuzz-template",
      description: "fuzz",
      document: JOB_DOCUMENT,
    }),
  );
  await iot.send(
    new CreateCommandCommand({
      commandId: "fuzz-command",
      payload: { content: new TextEncoder().encode('{"action":"lock"}'), contentType: "application/json" },
    }),
  );
  const commandExecution = await jobsData.send(
    new StartCommandExecutionCommand({
      commandArn: arn("command/fuzz-command"),
      targetArn: arn("thing/fuzz-thing"),
      executionTimeoutSeconds: 3600,
    }),
  );
  const payload = new TextEncoder().encode(SHADOW);
  await data.send(new UpdateThingShadowCommand({ thingName: "fuzz-thing", payload }));
  await data.send(
    new UpdateThingShadowCommand({ thingName: "fuzz-thing", shadowName: "fuzz-shadow", payload }),
  );

  const bucket = `fuzz-bucket-${process.pid}`;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }),
  );
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "fuzz/key.txt", Body: "fuzz" }));
  const upload = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: "fuzz/upload.bin" }));

  await iam.send(new CreateRoleCommand({ RoleName: "fuzz-role", AssumeRolePolicyDocument: trustPolicy() }));
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: "fuzz-role",
      PolicyName: "fuzz-inline",
      PolicyDocument: permissionsPolicy(),
    }),
  );
  const managed = await iam.send(
    new CreateIamPolicyCommand({ PolicyName: "fuzz-managed", PolicyDocument: permissionsPolicy() }),
  );
  await iam.send(new AttachRolePolicyCommand({ RoleName: "fuzz-role", PolicyArn: managed.Policy!.Arn }));

  const iotKnown: KnownValues = {
    thingName: "fuzz-thing",
    thingTypeName: "fuzz-type",
    thingGroupName: "fuzz-group",
    policyName: "fuzz-policy",
    policyDocument: IOT_POLICY,
    certificateId: cert.certificateId,
    principal: cert.certificateArn,
    target: cert.certificateArn,
    resourceArn: group.thingGroupArn,
    packageName: "fuzz-pkg",
    versionName: "1.0.0",
    indexName: "AWS_Things",
    queryString: "thingName:fuzz*",
    aggregationField: "thingName",
    certificateSigningRequest: rsaCsr("fuzz").csrPem,
    ruleName: "fuzz_rule",
    jobId: "fuzz-job",
    jobTemplateId: "fuzz-template",
    document: JOB_DOCUMENT,
    commandId: "fuzz-command",
    commandArn: arn("command/fuzz-command"),
    executionId: commandExecution.executionId,
    targetArn: arn("thing/fuzz-thing"),
    // Keeps the fleet index on, so that the index operations get past "index does not exist".
    thingIndexingConfiguration: { thingIndexingMode: "REGISTRY" },
  };
  const known: Record<string, KnownValues> = {
    iot: iotKnown,
    "iot-data": { thingName: "fuzz-thing", shadowName: "fuzz-shadow", topic: "fuzz/topic", payload: SHADOW },
    "iot-jobs-data": {
      thingName: "fuzz-thing",
      jobId: "fuzz-job",
      commandArn: arn("command/fuzz-command"),
      // A thing that does not exist: StartCommandExecution is validated in full but starts nothing,
      // since an execution would time out on the real-time clock (10 s by default, CMD-5) while the
      // fuzzing of the next services compares the stored state. Its success path: commands-*.test.ts.
      targetArn: arn("thing/fuzz-absent"),
    },
    s3: {
      Bucket: bucket,
      Key: "fuzz/key.txt",
      UploadId: upload.UploadId,
      CopySource: `${bucket}/fuzz/key.txt`,
      Body: "fuzz",
    },
    iam: {
      RoleName: "fuzz-role",
      PolicyName: "fuzz-inline",
      PolicyArn: managed.Policy!.Arn,
      PolicyDocument: permissionsPolicy(),
      AssumeRolePolicyDocument: trustPolicy(),
      VersionId: "v1",
    },
  };
  const absentCert = arn(`cert/${"0".repeat(64)}`);
  const absent: Record<string, KnownValues> = {
    iot: {
      ...iotKnown,
      thingName: "fuzz-absent",
      thingTypeName: "fuzz-absent-type",
      thingGroupName: "fuzz-absent-group",
      policyName: "fuzz-absent-policy",
      certificateId: "0".repeat(64),
      principal: absentCert,
      target: absentCert,
      resourceArn: arn("thinggroup/fuzz-absent-group"),
      packageName: "fuzz-absent-pkg",
      jobId: "fuzz-absent-job",
      jobTemplateId: "fuzz-absent-template",
      commandId: "fuzz-absent-command",
      executionId: "fuzz-absent-execution",
    },
    "iot-data": { ...known["iot-data"], thingName: "fuzz-absent" },
    "iot-jobs-data": { ...known["iot-jobs-data"], thingName: "fuzz-absent", jobId: "fuzz-absent-job" },
    s3: {
      ...known.s3,
      Bucket: `fuzz-absent-${process.pid}`,
      Key: "fuzz/absent",
      UploadId: "fuzz-absent-upload",
    },
    iam: {
      ...known.iam,
      RoleName: "fuzz-absent-role",
      PolicyName: "fuzz-absent-inline",
      PolicyArn: managed.Policy!.Arn!.replace("fuzz-managed", "fuzz-absent-managed"),
    },
  };

  const readBack = async () => {
    await iot.send(new DescribeThingTypeCommand({ thingTypeName: "fuzz-type" }));
    const thing = await iot.send(new DescribeThingCommand({ thingName: "fuzz-thing" }));
    assert.equal(thing.thingName, "fuzz-thing");
    await iot.send(new DescribeThingGroupCommand({ thingGroupName: "fuzz-group" }));
    await iot.send(new DescribeJobCommand({ jobId: "fuzz-job" }));
    await iot.send(new GetPolicyCommand({ policyName: "fuzz-policy" }));
    await iot.send(new DescribeCertificateCommand({ certificateId: cert.certificateId }));
    await iot.send(new GetPackageVersionCommand({ packageName: "fuzz-pkg", versionName: "1.0.0" }));
    await iot.send(new DescribeJobCommand({ jobId: "fuzz-job" }));
    await iot.send(new DescribeJobTemplateCommand({ jobTemplateId: "fuzz-template" }));
    await iot.send(new GetCommandCommand({ commandId: "fuzz-command" }));
    await iot.send(
      new GetCommandExecutionCommand({
        executionId: commandExecution.executionId,
        targetArn: arn("thing/fuzz-thing"),
      }),
    );
    for (const shadowName of [undefined, "fuzz-shadow"]) {
      const shadow = await data.send(new GetThingShadowCommand({ thingName: "fuzz-thing", shadowName }));
      assert.ok(shadow.payload && shadow.payload.length > 0);
    }
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: "fuzz/key.txt" }));
    assert.ok((await object.Body!.transformToString()).length > 0);
    await s3.send(
      new ListPartsCommand({ Bucket: bucket, Key: "fuzz/upload.bin", UploadId: upload.UploadId }),
    );
    await iam.send(new GetRoleCommand({ RoleName: "fuzz-role" }));
    await iam.send(new GetRolePolicyCommand({ RoleName: "fuzz-role", PolicyName: "fuzz-inline" }));
    await iam.send(new GetIamPolicyCommand({ PolicyArn: managed.Policy!.Arn }));
  };
  return { known, absent, readBack };
}
