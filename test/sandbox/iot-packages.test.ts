import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import {
  CreatePackageCommand,
  CreatePackageVersionCommand,
  DeletePackageCommand,
  DeletePackageVersionCommand,
  GetPackageCommand,
  GetPackageConfigurationCommand,
  GetPackageVersionCommand,
  IoTClient,
  type IoTServiceException,
  ListPackagesCommand,
  ListPackageVersionsCommand,
  ListTagsForResourceCommand,
  UpdatePackageCommand,
  UpdatePackageConfigurationCommand,
  UpdatePackageVersionCommand,
} from "@aws-sdk/client-iot";
import {
  CreateBucketCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
let iot: IoTClient;
let s3: S3Client;
let bucket: string;
before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  s3 = new S3Client(sb.s3Config);
  bucket = `artifacts-${randomBytes(4).toString("hex")}`;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }),
  );
});
after(() => sb.dispose());

const unique = (p: string) => `${p}-${randomBytes(4).toString("hex")}`;

async function rejectsWith(p: Promise<unknown>, code: string, status: number) {
  await assert.rejects(p, (e: IoTServiceException) => {
    assert.equal(e.name, code);
    assert.equal(e.$metadata.httpStatusCode, status);
    return true;
  });
}

async function newPackage(): Promise<string> {
  const name = unique("pkg");
  await iot.send(new CreatePackageCommand({ packageName: name }));
  return name;
}

test("PKG-1: CreatePackage / GetPackage / ListPackages (summaries without ARN) / conflict", async () => {
  const name = unique("SedanVehicle");
  const created = await iot.send(
    new CreatePackageCommand({ packageName: name, description: "sedan firmware" }),
  );
  const arn = `arn:aws:iot:${sb.region}:${sb.accountId}:package/${name}`;
  assert.deepEqual(
    { packageName: created.packageName, packageArn: created.packageArn, description: created.description },
    { packageName: name, packageArn: arn, description: "sedan firmware" },
  );
  const got = await iot.send(new GetPackageCommand({ packageName: name }));
  assert.equal(got.packageArn, arn);
  assert.equal(got.defaultVersionName, undefined);
  assert.ok(got.creationDate instanceof Date && got.lastModifiedDate instanceof Date);
  const listed = await iot.send(new ListPackagesCommand({}));
  const summary = listed.packageSummaries?.find((p) => p.packageName === name);
  assert.ok(summary);
  assert.deepEqual(Object.keys(summary).sort(), ["creationDate", "lastModifiedDate", "packageName"]);
  await rejectsWith(iot.send(new CreatePackageCommand({ packageName: name })), "ConflictException", 409);
  await rejectsWith(
    iot.send(new GetPackageCommand({ packageName: unique("none") })),
    "ResourceNotFoundException",
    404,
  );
  await rejectsWith(
    iot.send(new CreatePackageCommand({ packageName: "bad name!" })),
    "ValidationException",
    400,
  );
  await rejectsWith(iot.send(new ListPackagesCommand({ maxResults: 101 })), "ValidationException", 400);
});

test("PKG-1: ListPackages paginates in name order", async () => {
  const names = [await newPackage(), await newPackage(), await newPackage()];
  const seen: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await iot.send(new ListPackagesCommand({ maxResults: 2, nextToken }));
    assert.ok((page.packageSummaries?.length ?? 0) <= 2);
    seen.push(...(page.packageSummaries ?? []).map((p) => p.packageName!));
    nextToken = page.nextToken;
  } while (nextToken);
  assert.deepEqual(seen, [...seen].sort());
  for (const n of names) assert.ok(seen.includes(n));
});

test("PKG-2: CreatePackageVersion checks the package, duplicates, attribute size and the S3 artifact", async () => {
  const name = await newPackage();
  const put = await s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: `${name}/1.0.0.zip`, Body: "firmware" }),
  );
  const artifact = { s3Location: { bucket, key: `${name}/1.0.0.zip`, version: put.VersionId } };
  const created = await iot.send(
    new CreatePackageVersionCommand({
      packageName: name,
      versionName: "1.0.0",
      description: "first",
      attributes: { signingKey: "SAMPLE-KEY-12345", override: "true" },
      artifact,
    }),
  );
  assert.equal(created.status, "DRAFT");
  assert.equal(
    created.packageVersionArn,
    `arn:aws:iot:${sb.region}:${sb.accountId}:package/${name}/version/1.0.0`,
  );
  assert.deepEqual(created.attributes, { signingKey: "SAMPLE-KEY-12345", override: "true" });

  await rejectsWith(
    iot.send(new CreatePackageVersionCommand({ packageName: name, versionName: "1.0.0" })),
    "ConflictException",
    409,
  );
  await rejectsWith(
    iot.send(new CreatePackageVersionCommand({ packageName: unique("none"), versionName: "1.0.0" })),
    "ValidationException",
    400,
  );
  await rejectsWith(
    iot.send(
      new CreatePackageVersionCommand({
        packageName: name,
        versionName: "2.0.0",
        artifact: { s3Location: { bucket, key: "missing.zip", version: "" } },
      }),
    ),
    "ValidationException",
    400,
  );
  await rejectsWith(
    iot.send(
      new CreatePackageVersionCommand({
        packageName: name,
        versionName: "2.0.0",
        artifact: {
          s3Location: { bucket, key: `${name}/1.0.0.zip`, version: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
        },
      }),
    ),
    "ValidationException",
    400,
  );
  await rejectsWith(
    iot.send(
      new CreatePackageVersionCommand({
        packageName: name,
        versionName: "2.0.0",
        attributes: { big: "x".repeat(3100) },
      }),
    ),
    "ValidationException",
    400,
  );
  // An empty version string means the latest version of the object.
  const latest = await iot.send(
    new CreatePackageVersionCommand({
      packageName: name,
      versionName: "2.0.0",
      artifact: { s3Location: { bucket, key: `${name}/1.0.0.zip`, version: "" } },
    }),
  );
  assert.equal(latest.status, "DRAFT");

  const got = await iot.send(new GetPackageVersionCommand({ packageName: name, versionName: "1.0.0" }));
  assert.deepEqual(got.artifact, artifact);
  assert.equal(got.description, "first");
  assert.equal(got.status, "DRAFT");
  assert.ok(got.creationDate instanceof Date);
  await rejectsWith(
    iot.send(new GetPackageVersionCommand({ packageName: name, versionName: "9.9.9" })),
    "ResourceNotFoundException",
    404,
  );
});

test("PKG-3: lifecycle DRAFT -> PUBLISHED <-> DEPRECATED; attributes only while DRAFT", async () => {
  const name = await newPackage();
  await iot.send(
    new CreatePackageVersionCommand({ packageName: name, versionName: "v1", attributes: { a: "1" } }),
  );
  const status = async () =>
    (await iot.send(new GetPackageVersionCommand({ packageName: name, versionName: "v1" }))).status;
  await rejectsWith(
    iot.send(new UpdatePackageVersionCommand({ packageName: name, versionName: "v1", action: "DEPRECATE" })),
    "ValidationException",
    400,
  );
  await iot.send(
    new UpdatePackageVersionCommand({ packageName: name, versionName: "v1", attributes: { a: "2" } }),
  );
  await iot.send(
    new UpdatePackageVersionCommand({ packageName: name, versionName: "v1", action: "PUBLISH" }),
  );
  assert.equal(await status(), "PUBLISHED");
  await iot.send(
    new UpdatePackageVersionCommand({ packageName: name, versionName: "v1", action: "PUBLISH" }),
  );
  assert.equal(await status(), "PUBLISHED");
  await rejectsWith(
    iot.send(
      new UpdatePackageVersionCommand({ packageName: name, versionName: "v1", attributes: { a: "3" } }),
    ),
    "ValidationException",
    400,
  );
  await iot.send(
    new UpdatePackageVersionCommand({
      packageName: name,
      versionName: "v1",
      description: "now published",
      recipe: "r",
    }),
  );
  await iot.send(
    new UpdatePackageVersionCommand({ packageName: name, versionName: "v1", action: "DEPRECATE" }),
  );
  assert.equal(await status(), "DEPRECATED");
  await iot.send(
    new UpdatePackageVersionCommand({ packageName: name, versionName: "v1", action: "PUBLISH" }),
  );
  const got = await iot.send(new GetPackageVersionCommand({ packageName: name, versionName: "v1" }));
  assert.equal(got.status, "PUBLISHED");
  assert.deepEqual(got.attributes, { a: "2" });
  assert.equal(got.description, "now published");
  assert.equal(got.recipe, "r");
  await rejectsWith(
    iot.send(new UpdatePackageVersionCommand({ packageName: name, versionName: "nope", action: "PUBLISH" })),
    "ResourceNotFoundException",
    404,
  );
});

test("PKG-4: ListPackageVersions filters by status and paginates", async () => {
  const name = await newPackage();
  for (const v of ["a", "b", "c", "d"])
    await iot.send(new CreatePackageVersionCommand({ packageName: name, versionName: v }));
  for (const v of ["b", "d"])
    await iot.send(new UpdatePackageVersionCommand({ packageName: name, versionName: v, action: "PUBLISH" }));
  const published = await iot.send(
    new ListPackageVersionsCommand({ packageName: name, status: "PUBLISHED" }),
  );
  assert.deepEqual(
    published.packageVersionSummaries?.map((s) => [s.versionName, s.status]),
    [
      ["b", "PUBLISHED"],
      ["d", "PUBLISHED"],
    ],
  );
  const seen: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await iot.send(
      new ListPackageVersionsCommand({ packageName: name, maxResults: 3, nextToken }),
    );
    seen.push(...(page.packageVersionSummaries ?? []).map((s) => s.versionName!));
    nextToken = page.nextToken;
  } while (nextToken);
  assert.deepEqual(seen, ["a", "b", "c", "d"]);
  await rejectsWith(
    iot.send(new ListPackageVersionsCommand({ packageName: name, status: "GONE" as "DRAFT" })),
    "ValidationException",
    400,
  );
});

test("PKG-1/PKG-4: default version rules, version deletion and package deletion", async () => {
  const name = await newPackage();
  await iot.send(new CreatePackageVersionCommand({ packageName: name, versionName: "1" }));
  await rejectsWith(
    iot.send(new UpdatePackageCommand({ packageName: name, defaultVersionName: "1" })),
    "ValidationException",
    400,
  );
  await iot.send(new UpdatePackageVersionCommand({ packageName: name, versionName: "1", action: "PUBLISH" }));
  await iot.send(new UpdatePackageCommand({ packageName: name, defaultVersionName: "1", description: "d" }));
  const got = await iot.send(new GetPackageCommand({ packageName: name }));
  assert.equal(got.defaultVersionName, "1");
  assert.equal(got.description, "d");
  const summary = (await iot.send(new ListPackagesCommand({}))).packageSummaries?.find(
    (p) => p.packageName === name,
  );
  assert.equal(summary?.defaultVersionName, "1");
  await rejectsWith(
    iot.send(
      new UpdatePackageCommand({ packageName: name, defaultVersionName: "1", unsetDefaultVersion: true }),
    ),
    "ValidationException",
    400,
  );
  await rejectsWith(
    iot.send(new DeletePackageVersionCommand({ packageName: name, versionName: "1" })),
    "ValidationException",
    400,
  );
  await rejectsWith(iot.send(new DeletePackageCommand({ packageName: name })), "ValidationException", 400);

  await iot.send(new UpdatePackageCommand({ packageName: name, unsetDefaultVersion: true }));
  assert.equal((await iot.send(new GetPackageCommand({ packageName: name }))).defaultVersionName, undefined);
  await iot.send(new DeletePackageVersionCommand({ packageName: name, versionName: "1" }));
  await iot.send(new DeletePackageVersionCommand({ packageName: name, versionName: "1" })); // unknown -> 200
  await iot.send(new DeletePackageCommand({ packageName: name }));
  await rejectsWith(iot.send(new GetPackageCommand({ packageName: name })), "ResourceNotFoundException", 404);
  const again = await iot.send(new DeletePackageCommand({ packageName: name }));
  assert.equal(again.$metadata.httpStatusCode, 200);
});

test("PKG-6: packages and versions carry the tags given at creation", async () => {
  const name = unique("tagged");
  const created = await iot.send(new CreatePackageCommand({ packageName: name, tags: { team: "fleet" } }));
  const version = await iot.send(
    new CreatePackageVersionCommand({ packageName: name, versionName: "1", tags: { stage: "beta" } }),
  );
  const pkgTags = await iot.send(new ListTagsForResourceCommand({ resourceArn: created.packageArn }));
  assert.deepEqual(pkgTags.tags, [{ Key: "team", Value: "fleet" }]);
  const verTags = await iot.send(new ListTagsForResourceCommand({ resourceArn: version.packageVersionArn }));
  assert.deepEqual(verTags.tags, [{ Key: "stage", Value: "beta" }]);
});

test("PKG-5: package configuration defaults to disabled; enabling needs an existing role; disabling keeps it", async () => {
  const initial = await iot.send(new GetPackageConfigurationCommand({}));
  assert.deepEqual(initial.versionUpdateByJobsConfig, { enabled: false });
  await rejectsWith(
    iot.send(new UpdatePackageConfigurationCommand({ versionUpdateByJobsConfig: { enabled: true } })),
    "ValidationException",
    400,
  );
  const missingRole = `arn:aws:iam::${sb.accountId}:role/${unique("missing")}`;
  await rejectsWith(
    iot.send(
      new UpdatePackageConfigurationCommand({
        versionUpdateByJobsConfig: { enabled: true, roleArn: missingRole },
      }),
    ),
    "ValidationException",
    400,
  );
  const iam = new IAMClient(sb.config);
  const role = await iam.send(
    new CreateRoleCommand({
      RoleName: unique("PackageCatalogRole"),
      AssumeRolePolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Principal: { Service: "iot.amazonaws.com" }, Action: "sts:AssumeRole" },
        ],
      }),
    }),
  );
  const roleArn = role.Role!.Arn!;
  await iot.send(
    new UpdatePackageConfigurationCommand({ versionUpdateByJobsConfig: { enabled: true, roleArn } }),
  );
  assert.deepEqual((await iot.send(new GetPackageConfigurationCommand({}))).versionUpdateByJobsConfig, {
    enabled: true,
    roleArn,
  });
  await iot.send(new UpdatePackageConfigurationCommand({ versionUpdateByJobsConfig: { enabled: false } }));
  assert.deepEqual((await iot.send(new GetPackageConfigurationCommand({}))).versionUpdateByJobsConfig, {
    enabled: false,
    roleArn,
  });
  await iot.send(new UpdatePackageConfigurationCommand({ versionUpdateByJobsConfig: { enabled: true } }));
  assert.equal(
    (await iot.send(new GetPackageConfigurationCommand({}))).versionUpdateByJobsConfig?.enabled,
    true,
  );
});

test("PKG: the catalog survives a kill -9 restart", async () => {
  const name = await newPackage();
  await iot.send(
    new CreatePackageVersionCommand({ packageName: name, versionName: "1", attributes: { k: "v" } }),
  );
  await iot.send(new UpdatePackageVersionCommand({ packageName: name, versionName: "1", action: "PUBLISH" }));
  await sb.restart({ kill: true });
  iot = new IoTClient(sb.config);
  const got = await iot.send(new GetPackageVersionCommand({ packageName: name, versionName: "1" }));
  assert.equal(got.status, "PUBLISHED");
  assert.deepEqual(got.attributes, { k: "v" });
});
