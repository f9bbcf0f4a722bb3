/**
 * `iotdm packages` in process (a recording host) against a private sandbox with a provisioned
 * fleet: the catalog by flags (every page listed, a version's artifact read back from S3 byte for
 * byte, drafts, an existing version reported and not replaced), lifecycle refusals with AWS's own
 * errors and nothing changed (PKG-1, PKG-3, PKG-4), the typed DELETE, the package configuration
 * round trip with its role made where missing (PKG-5), and cleanup removing all it created.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  CreatePackageCommand,
  GetPackageCommand,
  GetPackageVersionCommand,
  IoTClient,
  ListPackagesCommand,
  ListTagsForResourceCommand,
} from "@aws-sdk/client-iot";
import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListRoleTagsCommand,
} from "@aws-sdk/client-iam";
import { GetBucketTaggingCommand, GetObjectCommand, ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { isolateCliEnvironment, withEnv } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { type TestSandbox, startSandbox } from "../helpers/sandbox.js";
import { target, unzipSingle } from "./provision-helpers.js";

isolateCliEnvironment();

let sb: TestSandbox;
let iot: IoTClient;
let s3: S3Client;
let iam: IAMClient;
const cli = (...args: string[]) => runRecorded([...args, ...target(sb)]);
async function json<T>(...args: string[]): Promise<T> {
  const r = await cli("--yes", "--json", "packages", ...args);
  assert.equal(r.code, 0, r.host.stderrText);
  return JSON.parse(r.host.stdoutText) as T;
}
/** A refused run: exit 1 and AWS's error code under --json. */
async function refused(...args: string[]): Promise<{ code: string; message: string }> {
  const r = await cli("--yes", "--json", "packages", ...args);
  assert.equal(r.code, 1, r.host.stdoutText);
  return (JSON.parse(r.host.stdoutText) as { error: { code: string; message: string } }).error;
}
/** Version 2.0.0 of Infotainment from a file (its path follows). */
const HEAD_UNIT_2 = ["create-version", "--package", "Infotainment", "--package-version", "2.0.0", "--file"];

/** The bytes of a version's artifact, read at the S3 object version it is pinned to. */
async function artifactOf(versionName: string): Promise<{ bytes: Buffer; pinned?: string }> {
  const v = await iot.send(new GetPackageVersionCommand({ packageName: "Infotainment", versionName }));
  const loc = v.artifact?.s3Location ?? {};
  const obj = await s3.send(
    new GetObjectCommand({ Bucket: loc.bucket, Key: loc.key, VersionId: loc.version }),
  );
  return { bytes: Buffer.from(await obj.Body!.transformToByteArray()), pinned: loc.version };
}
const tagsOf = async (resourceArn: string) =>
  Object.fromEntries(
    ((await iot.send(new ListTagsForResourceCommand({ resourceArn }))).tags ?? []).map((x) => [
      x.Key,
      x.Value,
    ]),
  );

before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  s3 = new S3Client(sb.s3Config);
  iam = new IAMClient(sb.config);
  const p = await cli("--yes", "provision", "--count", "3", "--thing-types", "SedanVehicle");
  assert.equal(p.code, 0, p.host.stderrText);
});
after(() => {
  iot.destroy();
  s3.destroy();
  iam.destroy();
  return sb.dispose();
});

test("create with description and tags; again reports it and changes nothing (PKG-1, tagged for cleanup)", async () => {
  const out = await json<{ package: { outcome: string; arn: string } }>(
    "create",
    "--package",
    "Infotainment",
    "--description",
    "Head unit",
    "--tags",
    "team=cabin,tier=gold",
  );
  assert.equal(out.package.outcome, "created");
  const pkg = await iot.send(new GetPackageCommand({ packageName: "Infotainment" }));
  assert.equal(pkg.description, "Head unit");
  const tags = await tagsOf(out.package.arn);
  assert.equal(tags.team, "cabin");
  assert.equal(tags.workshop, "learning-aws-iot-dm-basics");
  assert.equal(tags["created-by"], "manage-packages");
  const again = await json<{ package: { outcome: string } }>("create", "--package", "Infotainment");
  assert.equal(again.package.outcome, "existing");
  assert.equal(
    (await iot.send(new GetPackageCommand({ packageName: "Infotainment" }))).description,
    "Head unit",
  );
});

test("create-version --file: the artifact read back from S3 at its pinned object version is the file, byte for byte (PKG-2)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "iotdm-pkg-"));
  const file = join(dir, "head-unit.bin");
  const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256));
  writeFileSync(file, bytes);
  const out = await json<{ version: { outcome: string; status: string; arn: string } }>(
    ...HEAD_UNIT_2,
    file,
    "--attributes",
    "region=eu,signed=yes",
  );
  assert.equal(out.version.outcome, "created");
  assert.equal(out.version.status, "PUBLISHED");
  const v = await iot.send(
    new GetPackageVersionCommand({ packageName: "Infotainment", versionName: "2.0.0" }),
  );
  assert.deepEqual(v.attributes, { region: "eu", signed: "yes" });
  const artifact = await artifactOf("2.0.0");
  assert.ok(artifact.pinned, "pinned to an S3 object version");
  assert.ok(artifact.bytes.equals(bytes));
  const tags = await tagsOf(out.version.arn);
  assert.equal(tags["created-by"], "manage-packages");

  // An existing version is reported, not replaced: same artifact, nothing uploaded.
  writeFileSync(file, "something else");
  const again = await json<{ version: { outcome: string } }>(...HEAD_UNIT_2, file);
  assert.equal(again.version.outcome, "existing");
  const after = await iot.send(
    new GetPackageVersionCommand({ packageName: "Infotainment", versionName: "2.0.0" }),
  );
  assert.deepEqual(after.artifact, v.artifact);
});

test("create-version without a file uploads a generated firmware archive; --draft leaves it a DRAFT (PKG-2)", async () => {
  const out = await json<{ version: { status: string } }>(
    "create-version",
    "--package",
    "Infotainment",
    "--package-version",
    "2.1.0-beta",
    "--draft",
  );
  assert.equal(out.version.status, "DRAFT");
  const v = await iot.send(
    new GetPackageVersionCommand({ packageName: "Infotainment", versionName: "2.1.0-beta" }),
  );
  assert.equal(v.status, "DRAFT");
  const entry = unzipSingle((await artifactOf("2.1.0-beta")).bytes);
  assert.equal(entry.name, "firmware_2.1.0-beta.bin");
  assert.match(entry.text, /^Firmware version 2\.1\.0-beta for Infotainment/);
});

test("list shows every page, not the first 100 only", async () => {
  for (let i = 0; i < 101; i++)
    await iot.send(new CreatePackageCommand({ packageName: `Bulk-${String(i).padStart(3, "0")}` }));
  const out = await json<{ packages: Array<{ name: string }> }>("list");
  const all = (await iot.send(new ListPackagesCommand({ maxResults: 100 }))).nextToken;
  assert.ok(all, "the catalog has more than one page");
  assert.equal(out.packages.filter((p) => p.name.startsWith("Bulk-")).length, 101);
  assert.ok(out.packages.some((p) => p.name === "Infotainment"));
});

test("describe and describe-version: versions with status and dates, the default, artifact and attributes", async () => {
  const d = await json<{
    package: {
      defaultVersion?: string;
      versions: Array<{ version: string; status: string; created: string }>;
    };
  }>("describe", "--package", "Infotainment");
  assert.deepEqual(
    d.package.versions.map((v) => [v.version, v.status]),
    [
      ["2.0.0", "PUBLISHED"],
      ["2.1.0-beta", "DRAFT"],
    ],
  );
  assert.ok(d.package.versions.every((v) => !Number.isNaN(Date.parse(v.created))));
  const text = await cli(
    "packages",
    "describe-version",
    "--package",
    "Infotainment",
    "--package-version",
    "2.0.0",
  );
  assert.equal(text.code, 0, text.host.stderrText);
  assert.match(text.host.stdoutText, /Status:\s+PUBLISHED/);
  assert.match(
    text.host.stdoutText,
    /Artifact:\s+s3:\/\/iot-firmware-us-east-1-\d+\/Infotainment_v2_0_0\/head-unit\.bin \(version /,
  );
  assert.match(text.host.stdoutText, /region = eu/);
  assert.match(text.host.stdoutText, /Created:\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
});

test("lifecycle refusals come with AWS's errors and change nothing (PKG-1, PKG-3, PKG-4)", async () => {
  const pv = ["--package", "Infotainment", "--package-version"];
  assert.equal((await refused("deprecate", ...pv, "2.1.0-beta")).code, "ValidationException");
  assert.equal((await refused("set-default", ...pv, "2.1.0-beta")).code, "ValidationException");
  await json("set-default", ...pv, "2.0.0");
  assert.equal(
    (await iot.send(new GetPackageCommand({ packageName: "Infotainment" }))).defaultVersionName,
    "2.0.0",
  );
  const defaultDelete = await refused("delete-version", ...pv, "2.0.0");
  assert.equal(defaultDelete.code, "ValidationException");
  assert.match(defaultDelete.message, /default version/);
  const withVersions = await refused("delete", "--package", "Infotainment");
  assert.equal(withVersions.code, "ValidationException");
  const versions = await json<{ package: { versions: unknown[] } }>("describe", "--package", "Infotainment");
  assert.equal(versions.package.versions.length, 2);
});

test("publish, deprecate, publish again; delete-version and delete want DELETE typed (a wrong word keeps it)", async () => {
  const pv = ["--package", "Infotainment", "--package-version", "2.1.0-beta"];
  const status = async () =>
    (await iot.send(new GetPackageVersionCommand({ packageName: "Infotainment", versionName: "2.1.0-beta" })))
      .status;
  await json("publish", ...pv);
  assert.equal(await status(), "PUBLISHED");
  await json("deprecate", ...pv);
  assert.equal(await status(), "DEPRECATED");
  await json("publish", ...pv);
  assert.equal(await status(), "PUBLISHED");

  const declined = await withEnv({ AWS_IOT_LANG: "en" }, () =>
    runRecorded(["packages", "delete-version", ...pv, ...target(sb)], {
      interactive: true,
      answers: [{ key: "packages.lifecycle.deleteConfirm", answer: "delete" }],
    }),
  );
  assert.equal(declined.code, 1);
  assert.equal(await status(), "PUBLISHED");
  await json("delete-version", ...pv);
  await assert.rejects(
    iot.send(new GetPackageVersionCommand({ packageName: "Infotainment", versionName: "2.1.0-beta" })),
    { name: "ResourceNotFoundException" },
  );
  const unknown = await refused("delete-version", "--package", "Infotainment", "--package-version", "9.9.9");
  assert.equal(unknown.code, "ResourceNotFoundException");
  await json("create", "--package", "Scratch");
  await json("delete", "--package", "Scratch");
  await assert.rejects(iot.send(new GetPackageCommand({ packageName: "Scratch" })), {
    name: "ResourceNotFoundException",
  });
});

test("config: disable keeps the role, enable makes the role and its inline policy where missing, tagged (PKG-5)", async () => {
  const off = await json<{ configuration: { enabled: boolean; roleArn?: string } }>("config", "disable");
  assert.equal(off.configuration.enabled, false);
  assert.match(off.configuration.roleArn ?? "", /:role\/IoTPackageConfigRole-us-east-1-/);
  const roleName = (off.configuration.roleArn ?? "").split("/").pop() ?? "";
  await iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: "PackageConfigPolicy" }));
  await iam.send(new DeleteRoleCommand({ RoleName: roleName }));

  const on = await json<{ configuration: { enabled: boolean; roleArn: string } }>("config", "enable");
  assert.equal(on.configuration.enabled, true);
  assert.equal(on.configuration.roleArn, off.configuration.roleArn);
  const policy = await iam.send(
    new GetRolePolicyCommand({ RoleName: roleName, PolicyName: "PackageConfigPolicy" }),
  );
  assert.match(decodeURIComponent(policy.PolicyDocument ?? ""), /iot:UpdateThingShadow/);
  const tags = Object.fromEntries(
    ((await iam.send(new ListRoleTagsCommand({ RoleName: roleName }))).Tags ?? []).map((x) => [
      x.Key,
      x.Value,
    ]),
  );
  assert.equal(tags["created-by"], "manage-packages");
  const shown = await json<{ configuration: { enabled: boolean } }>("config", "show");
  assert.equal(shown.configuration.enabled, true);
  // Without a mode and without a terminal or --yes, config shows the configuration.
  const plain = await cli("--json", "packages", "config");
  assert.equal(plain.code, 0, plain.host.stderrText);
  assert.equal((JSON.parse(plain.host.stdoutText) as { mode: string }).mode, "show");
});

test("a wrong name, pair list or action is a usage error before any call changes anything", async () => {
  for (const args of [
    ["create", "--package", "has space"],
    ["create", "--package", "Ok", "--tags", "novalue"],
    ["create-version", "--package", "Infotainment", "--package-version", "v/2"],
    ["config", "toggle"],
    ["frobnicate"],
  ]) {
    const r = await cli("--yes", "packages", ...args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.host.stderrText}`);
  }
  await assert.rejects(iot.send(new GetPackageCommand({ packageName: "Ok" })), {
    name: "ResourceNotFoundException",
  });
});

test("cleanup removes what packages created: its package and versions, and a bucket it had to create", async () => {
  const fresh = await startSandbox();
  const freshS3 = new S3Client(fresh.s3Config);
  const freshIot = new IoTClient(fresh.config);
  const run = (...args: string[]) =>
    runRecorded(["--yes", ...args, "--sandbox-port", String(fresh.port), "--sandbox-dir", fresh.dataDir]);
  try {
    assert.equal((await run("packages", "create", "--package", "Telematics")).code, 0);
    const created = await run(
      "packages",
      "create-version",
      "--package",
      "Telematics",
      "--package-version",
      "1.0",
    );
    assert.equal(created.code, 0, created.host.stderrText);
    const buckets = (await freshS3.send(new ListBucketsCommand({}))).Buckets ?? [];
    assert.equal(buckets.length, 1);
    const bucketTags = await freshS3.send(new GetBucketTaggingCommand({ Bucket: buckets[0].Name }));
    assert.ok(bucketTags.TagSet?.some((x) => x.Key === "created-by" && x.Value === "manage-packages"));

    const cleaned = await run("cleanup");
    assert.equal(cleaned.code, 0, cleaned.host.stderrText);
    assert.equal(((await freshIot.send(new ListPackagesCommand({}))).packageSummaries ?? []).length, 0);
    assert.equal(((await freshS3.send(new ListBucketsCommand({}))).Buckets ?? []).length, 0);
  } finally {
    freshS3.destroy();
    freshIot.destroy();
    await fresh.dispose();
  }
});
