/**
 * JOB-25 / SIG-3: job documents as devices receive them, with presigned URLs of the sandbox's own
 * S3 that a plain HTTP client downloads and that expire on the sandbox clock.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import {
  CreatePackageCommand,
  CreatePackageVersionCommand,
  GetJobDocumentCommand,
  UpdatePackageConfigurationCommand,
  UpdatePackageVersionCommand,
} from "@aws-sdk/client-iot";
import { GetThingShadowCommand, IoTDataPlaneClient } from "@aws-sdk/client-iot-data-plane";
import {
  DescribeJobExecutionCommand,
  StartNextPendingJobExecutionCommand,
} from "@aws-sdk/client-iot-jobs-data-plane";
import {
  CreateBucketCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { trustPolicy } from "./iam-helpers.js";
import { jobsDataSandbox, uniqueName } from "./jobs-data-helpers.js";
import { sdkPresignedGet } from "./s3-helpers.js";

let s3: S3Client;
const bucket = `jobs-docs-${randomBytes(4).toString("hex")}`;
const firmware = randomBytes(2048);
let firmwareVersion: string;
const manual = Buffer.from("read me first");
const roleArn = () => `arn:aws:iam::${t.sb.accountId}:role/jobs-presign`;

const t = jobsDataSandbox(undefined, async () => {
  s3 = new S3Client(t.sb.s3Config);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }),
  );
  firmwareVersion = (
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "fw/v2.bin", Body: firmware }))
  ).VersionId!;
  // A newer object under the same key: the package artifact must still name its own version.
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "fw/v2.bin", Body: Buffer.from("newer") }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "docs/manual 1.txt", Body: manual }));
});

/** A PUBLISHED package version whose artifact is the firmware's first S3 version. */
async function packageVersion(): Promise<{ packageName: string; versionName: string; arn: string }> {
  const packageName = uniqueName("pkg");
  const versionName = "2.0.0";
  await t.rig.iot.send(new CreatePackageCommand({ packageName }));
  await t.rig.iot.send(
    new CreatePackageVersionCommand({
      packageName,
      versionName,
      attributes: { channel: "stable", size: String(firmware.length) },
      artifact: { s3Location: { bucket, key: "fw/v2.bin", version: firmwareVersion } },
    }),
  );
  await t.rig.iot.send(new UpdatePackageVersionCommand({ packageName, versionName, action: "PUBLISH" }));
  return { packageName, versionName, arn: t.rig.arn(`package/${packageName}/version/${versionName}`) };
}

/** The workshop's OTA document (JOB-25) plus a plain S3 presigned-URL placeholder. */
const otaDocument = (p: string, v: string) =>
  JSON.stringify({
    ota: {
      packages: {
        [p]: {
          attributes: `\${aws:iot:package:${p}:version:${v}:attributes}`,
          channel: `on \${aws:iot:package:${p}:version:${v}:attributes:channel}`,
          artifact: { s3PresignedUrl: `\${aws:iot:package:${p}:version:${v}:artifact:s3-presigned-url}` },
        },
      },
    },
    manual: `\${aws:iot:s3-presigned-url:https://s3.${t.sb.region}.amazonaws.com/${bucket}/docs/manual 1.txt}`,
  });

interface Ota {
  ota: {
    packages: Record<string, { attributes: unknown; channel: string; artifact: { s3PresignedUrl: string } }>;
  };
  manual: string;
}

async function otaJob(expiresInSec: number) {
  const pkg = await packageVersion();
  const { thing, jobId } = await t.rig.thingWithJob({
    document: otaDocument(pkg.packageName, pkg.versionName),
    destinationPackageVersions: [pkg.arn],
    presignedUrlConfig: { roleArn: roleArn(), expiresInSec },
  });
  return { ...pkg, thing, jobId };
}

const documentOf = async (thingName: string, jobId: string): Promise<Ota> =>
  JSON.parse(
    (await t.rig.data.send(new DescribeJobExecutionCommand({ thingName, jobId }))).execution!.jobDocument!,
  ) as Ota;

test("JOB-25: every placeholder is resolved for the device; GetJobDocument keeps the presigned-URL ones", async () => {
  const { packageName, thing, jobId } = await otaJob(600);
  const doc = await documentOf(thing, jobId);
  const entry = doc.ota.packages[packageName];
  assert.deepEqual(entry.attributes, { channel: "stable", size: "2048" });
  assert.equal(entry.channel, "on stable");
  const artifact = new URL(entry.artifact.s3PresignedUrl);
  assert.equal(artifact.host, new URL(t.sb.endpoint).host, "the host the device used");
  assert.equal(artifact.pathname, `/${bucket}/fw/v2.bin`);
  assert.equal(artifact.searchParams.get("versionId"), firmwareVersion);
  assert.equal(artifact.searchParams.get("X-Amz-Expires"), "600");
  assert.equal(artifact.searchParams.get("X-Amz-Algorithm"), "AWS4-HMAC-SHA256");
  const raw = (await t.rig.iot.send(new GetJobDocumentCommand({ jobId }))).document!;
  assert.match(raw, /\$\{aws:iot:s3-presigned-url:/);
  assert.match(raw, /artifact:s3-presigned-url\}/);
});

test("JOB-25 / SIG-3: a plain HTTP GET of the presigned URLs downloads the objects (the artifact's own version)", async () => {
  const { packageName, thing } = await otaJob(600);
  const started = await t.rig.data.send(new StartNextPendingJobExecutionCommand({ thingName: thing }));
  const doc = JSON.parse(started.execution!.jobDocument!) as Ota;
  const res = await fetch(doc.ota.packages[packageName].artifact.s3PresignedUrl);
  assert.equal(res.status, 200);
  assert.deepEqual(Buffer.from(await res.arrayBuffer()), firmware);
  const manualRes = await fetch(doc.manual);
  assert.equal(manualRes.status, 200);
  assert.equal(await manualRes.text(), manual.toString());
});

test("JOB-25 / SIG-3: the URLs expire per expiresInSec on the sandbox clock; each request mints fresh ones", async () => {
  const { packageName, thing, jobId } = await otaJob(120);
  const early = (await documentOf(thing, jobId)).ota.packages[packageName].artifact.s3PresignedUrl;
  await t.sb.advanceClock(121);
  const expired = await fetch(early);
  assert.equal(expired.status, 403);
  const body = await expired.text();
  assert.match(body, /<Code>AccessDenied<\/Code>/);
  assert.match(body, /<Message>Request has expired<\/Message>/);
  assert.match(body, /<X-Amz-Expires>120<\/X-Amz-Expires>/);
  const fresh = (await documentOf(thing, jobId)).ota.packages[packageName].artifact.s3PresignedUrl;
  assert.notEqual(fresh, early);
  assert.equal((await fetch(fresh)).status, 200);
});

test("SIG-3: presigned URLs from the SDK's signer expire on the sandbox clock too", async () => {
  const url = await sdkPresignedGet(t.sb, bucket, "docs/manual 1.txt", 900);
  assert.equal((await fetch(url)).status, 200);
  await t.sb.advanceClock(1000);
  assert.equal((await fetch(url)).status, 403);
});

test("PKG-7: a device's SUCCEEDED update of a package job sets the $package shadow", async () => {
  await new IAMClient(t.sb.config).send(
    new CreateRoleCommand({ RoleName: "jobs-presign", AssumeRolePolicyDocument: trustPolicy() }),
  );
  await t.rig.iot.send(
    new UpdatePackageConfigurationCommand({
      versionUpdateByJobsConfig: { enabled: true, roleArn: roleArn() },
    }),
  );
  const { packageName, versionName, thing, jobId } = await otaJob(600);
  await t.rig.update(thing, jobId, { status: "SUCCEEDED" });
  const shadow = await new IoTDataPlaneClient(t.sb.config).send(
    new GetThingShadowCommand({ thingName: thing, shadowName: "$package" }),
  );
  const state = JSON.parse(Buffer.from(shadow.payload!).toString()) as {
    state: { reported: Record<string, { version: string }> };
  };
  assert.equal(state.state.reported[packageName].version, versionName);
});
