/**
 * The jobs side of the Software Package Catalog (JOB-3, JOB-12, JOB-13, JOB-25, PKG-3):
 * destination package versions, document placeholders checked at creation, GetJobDocument's
 * substitution.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  CreateJobCommand,
  type CreateJobCommandInput,
  CreatePackageCommand,
  CreatePackageVersionCommand,
  DescribeJobCommand,
  GetJobDocumentCommand,
  IoTClient,
  UpdatePackageCommand,
  UpdatePackageVersionCommand,
} from "@aws-sdk/client-iot";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { TestSandbox } from "../helpers/sandbox.js";
import { expectError, type jobsHelpers, startJobsSandbox, uniqueName } from "./iot-jobs-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
let h: ReturnType<typeof jobsHelpers>;
let bucket: string;
let thing: string;
const presignedUrlConfig = () => ({
  roleArn: `arn:aws:iam::${sb.accountId}:role/ota-role`,
  expiresInSec: 300,
});

before(async () => {
  ({ sb, iot, h } = await startJobsSandbox());
  bucket = uniqueName("artifacts");
  const s3 = new S3Client(sb.s3Config);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "fw.bin", Body: "firmware" }));
  [thing] = await h.things(1);
});
after(() => sb.dispose());

/** A package with versions in the given statuses (names v1, v2...), the first published one as default. */
async function packageWith(
  statuses: Array<"DRAFT" | "PUBLISHED" | "DEPRECATED">,
  opts: { artifact?: boolean } = {},
): Promise<string> {
  const packageName = uniqueName("pkg");
  await iot.send(new CreatePackageCommand({ packageName }));
  for (const [i, status] of statuses.entries()) {
    const versionName = `v${i + 1}`;
    await iot.send(
      new CreatePackageVersionCommand({
        packageName,
        versionName,
        attributes: { checksum: `sum-${i + 1}`, note: 'say "hi"' },
        artifact:
          opts.artifact === false ? undefined : { s3Location: { bucket, key: "fw.bin", version: "" } },
      }),
    );
    if (status !== "DRAFT")
      await iot.send(new UpdatePackageVersionCommand({ packageName, versionName, action: "PUBLISH" }));
    if (status === "DEPRECATED")
      await iot.send(new UpdatePackageVersionCommand({ packageName, versionName, action: "DEPRECATE" }));
  }
  const published = statuses.indexOf("PUBLISHED");
  if (published >= 0)
    await iot.send(new UpdatePackageCommand({ packageName, defaultVersionName: `v${published + 1}` }));
  return packageName;
}

const versionArn = (p: string, v: string) => h.arn(`package/${p}/version/${v}`);

async function refused(
  input: Partial<CreateJobCommandInput>,
  code = "InvalidRequestException",
  status = 400,
) {
  const jobId = uniqueName("job");
  const err = await expectError(
    iot.send(new CreateJobCommand({ jobId, targets: [h.thingArn(thing)], document: "{}", ...input })),
    code,
    status,
  );
  await expectError(iot.send(new DescribeJobCommand({ jobId })), "ResourceNotFoundException", 404);
  return err;
}

test("JOB-3/PKG-3: DRAFT versions cannot be deployed (400); missing ones → 404; at most 25", async () => {
  const p = await packageWith(["DRAFT", "PUBLISHED", "DEPRECATED"]);
  await refused({ destinationPackageVersions: [versionArn(p, "v1")] });
  await refused({ destinationPackageVersions: [versionArn(p, "v9")] }, "ResourceNotFoundException", 404);
  await refused(
    { destinationPackageVersions: [versionArn("no-such-pkg", "v1")] },
    "ResourceNotFoundException",
    404,
  );
  await refused({ destinationPackageVersions: [h.arn(`package/${p}`)] });
  await refused({ destinationPackageVersions: [versionArn(p, "v2"), versionArn(p, "v3")] });
  const many = Array.from({ length: 26 }, (_, i) => versionArn(`p${i}`, "v1"));
  await refused({ destinationPackageVersions: many });
  for (const v of ["v2", "v3"])
    await h.job({ targets: [h.thingArn(thing)], destinationPackageVersions: [versionArn(p, v)] });
});

test("JOB-3/JOB-12: $default resolves to the default version; beforeSubstitution keeps it", async () => {
  const p = await packageWith(["PUBLISHED", "PUBLISHED"]);
  const jobId = await h.job({
    targets: [h.thingArn(thing)],
    destinationPackageVersions: [versionArn(p, "$default")],
  });
  const resolved = await iot.send(new DescribeJobCommand({ jobId }));
  assert.deepEqual(resolved.job!.destinationPackageVersions, [versionArn(p, "v1")]);
  const raw = await iot.send(new DescribeJobCommand({ jobId, beforeSubstitution: true }));
  assert.deepEqual(raw.job!.destinationPackageVersions, [versionArn(p, "$default")]);
  const noDefault = await packageWith(["DRAFT"]);
  await refused({ destinationPackageVersions: [versionArn(noDefault, "$default")] });
  const uninstall = await h.job({
    targets: [h.thingArn(thing)],
    destinationPackageVersions: [versionArn(p, "$null")],
  });
  const described = await iot.send(new DescribeJobCommand({ jobId: uninstall }));
  assert.deepEqual(described.job!.destinationPackageVersions, [versionArn(p, "$null")]);
});

test("JOB-25: an unterminated ${ is refused with AWS's message", async () => {
  // A `}` further on (even the JSON object's own) would close it: an array leaves none.
  const err = await refused({ document: JSON.stringify(["${aws:iot:s3-presigned-url:https://x"]) });
  assert.equal(err.message, "One or more parameters or placeholders are not terminated.");
});

test("JOB-2: presigned-URL placeholders need presignedUrlConfig's role", async () => {
  const url = `https://s3.us-east-1.amazonaws.com/${bucket}/fw.bin`;
  const document = JSON.stringify({ url: `\${aws:iot:s3-presigned-url:${url}}` });
  const err = await refused({ document });
  assert.equal(
    err.message,
    "presignedUrlConfig role ARN is required to generate an S3 presigned url in job document",
  );
  await refused({
    document: JSON.stringify({ url: "${aws:iot:s3-presigned-url:ftp://nowhere}" }),
    presignedUrlConfig: presignedUrlConfig(),
  });
  const jobId = await h.job({
    targets: [h.thingArn(thing)],
    document,
    presignedUrlConfig: presignedUrlConfig(),
  });
  assert.equal(
    (await iot.send(new GetJobDocumentCommand({ jobId }))).document,
    document,
    "JOB-13: URLs kept",
  );
});

test("JOB-25: the workshop's OTA document is accepted and GetJobDocument substitutes attributes", async () => {
  const p = await packageWith(["PUBLISHED"]);
  const document = JSON.stringify({
    ota: {
      packages: {
        [p]: {
          attributes: `\${aws:iot:package:${p}:version:v1:attributes}`,
          checksum: `sha:\${aws:iot:package:${p}:version:v1:attributes:checksum}`,
          note: `\${aws:iot:package::version::attributes:note}`,
          artifact: { s3PresignedUrl: `\${aws:iot:package:${p}:version:v1:artifact:s3-presigned-url}` },
        },
      },
    },
  });
  const jobId = await h.job({
    targets: [h.thingArn(thing)],
    document,
    presignedUrlConfig: presignedUrlConfig(),
    destinationPackageVersions: [versionArn(p, "v1")],
  });
  const resolved = JSON.parse((await iot.send(new GetJobDocumentCommand({ jobId }))).document!);
  assert.deepEqual(resolved.ota.packages[p], {
    attributes: { checksum: "sum-1", note: 'say "hi"' },
    checksum: "sha:sum-1",
    note: 'say "hi"',
    artifact: { s3PresignedUrl: `\${aws:iot:package:${p}:version:v1:artifact:s3-presigned-url}` },
  });
  const raw = await iot.send(new GetJobDocumentCommand({ jobId, beforeSubstitution: true }));
  assert.equal(raw.document, document);
});

test("JOB-25: package placeholders must match destinationPackageVersions; anonymous needs one entry", async () => {
  const p = await packageWith(["PUBLISHED", "PUBLISHED"]);
  const q = await packageWith(["PUBLISHED"]);
  const attrs = (pkg: string, v: string) =>
    JSON.stringify({ a: `\${aws:iot:package:${pkg}:version:${v}:attributes}` });
  await refused({ document: attrs(p, "v1") });
  await refused({ document: attrs(p, "v2"), destinationPackageVersions: [versionArn(p, "v1")] });
  const err = await refused({
    document: attrs("", ""),
    destinationPackageVersions: [versionArn(p, "v1"), versionArn(q, "v1")],
  });
  assert.equal(
    err.message,
    "Cannot resolve empty package name and version name given multiple elements in destination package versions.",
  );
  await refused({ document: attrs(p, "$null"), destinationPackageVersions: [versionArn(p, "$null")] });
  await refused({
    document: JSON.stringify({ a: `\${aws:iot:package:${p}:version:v1:attributes:missing}` }),
    destinationPackageVersions: [versionArn(p, "v1")],
  });
  await refused({
    document: JSON.stringify({ a: `\${aws:iot:package:${p}:version:v1:nonsense}` }),
    destinationPackageVersions: [versionArn(p, "v1")],
  });
  await h.job({
    targets: [h.thingArn(thing)],
    document: attrs(p, "v1"),
    destinationPackageVersions: [versionArn(p, "$default")],
  });
});

test("JOB-25: the attributes placeholder must be a whole JSON string value", async () => {
  const p = await packageWith(["PUBLISHED"]);
  const destinationPackageVersions = [versionArn(p, "v1")];
  const placeholder = `\${aws:iot:package:${p}:version:v1:attributes}`;
  await refused({ document: JSON.stringify({ a: `x${placeholder}` }), destinationPackageVersions });
  await refused({ document: JSON.stringify({ [placeholder]: 1 }), destinationPackageVersions });
  await h.job({
    targets: [h.thingArn(thing)],
    document: JSON.stringify({ a: placeholder }),
    destinationPackageVersions,
  });
});

test("JOB-25: an artifact placeholder needs an artifact on the version", async () => {
  const p = await packageWith(["PUBLISHED"], { artifact: false });
  const err = await refused({
    document: JSON.stringify({ u: `\${aws:iot:package:${p}:version:v1:artifact-location:s3-presigned-url}` }),
    presignedUrlConfig: presignedUrlConfig(),
    destinationPackageVersions: [versionArn(p, "v1")],
  });
  assert.equal(
    err.message,
    `Package ${p} version v1 does not have an associated artifact to generate an S3 presigned url.`,
  );
});
