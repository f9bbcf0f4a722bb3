/**
 * `iotdm provision` run as a user runs it against a private sandbox: the whole fleet checked
 * resource by resource through the SDK, re-runs that converge (deprecated type, a thing moved
 * to another group), --json, a custom prefix and a fleet wider than 999 devices.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import {
  AddThingToThingGroupCommand,
  DeprecateThingTypeCommand,
  DescribeThingTypeCommand,
  GetPackageVersionCommand,
  RemoveThingFromThingGroupCommand,
} from "@aws-sdk/client-iot";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { type Expected, Verifier, iotdm, provisionJson, target } from "./provision-helpers.js";

let sb: TestSandbox;
let verify: Verifier;

before(async () => {
  sb = await startSandbox();
  verify = new Verifier(sb);
});

after(async () => {
  verify.destroy();
  await sb.dispose();
});

const DEFAULT_FLEET: Expected = {
  prefix: "Vehicle-VIN-",
  count: 200,
  countries: ["US", "CA", "MX"],
  types: ["SedanVehicle", "SUVVehicle", "TruckVehicle"],
  versions: ["1.0.0", "1.1.0"],
};

test("provision --yes --count 200 builds the whole fleet with the defaults", async () => {
  const run = await iotdm(["provision", "--yes", "--count", "200", ...target(sb)]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /Provisioning plan/);
  assert.match(run.stdout, /Countries: US, CA, MX \(3 of 23\)/);
  // Learning moments print without pausing under --yes.
  for (const title of [
    "IoT Core logging",
    "Thing types",
    "Fleet indexing",
    "Software Package Catalog",
    "IAM roles",
  ])
    assert.match(run.stdout, new RegExp(`LEARNING MOMENT: ${title}`));
  assert.match(run.stdout, /Devices ready: 200\/200 \(200 created/);
  assert.match(run.stdout, /Provisioning complete/);
  assert.match(run.stdout, /200 devices across 3 countries \(Vehicle-VIN-001 … Vehicle-VIN-200\)/);
  assert.match(run.stdout, /Total time \d+\.\d\d s/);
  // Existence is read from listings, so a fresh run has no call answered with an error.
  assert.match(run.stdout, /AWS calls: \d+, retries: \d+, errors answered: 0/);
  assert.doesNotMatch(run.stdout + run.stderr, /without workshop tags/);
  await verify.fleet(DEFAULT_FLEET);
  for (const [type, description] of [
    ["SedanVehicle", "Template for Sedan Vehicle category"],
    ["SUVVehicle", "Template for SUV Vehicle category"],
    ["TruckVehicle", "Template for Truck Vehicle category"],
  ]) {
    const d = await verify.iot.send(new DescribeThingTypeCommand({ thingTypeName: type }));
    assert.equal(d.thingTypeProperties?.thingTypeDescription, description);
  }
});

test("the firmware archives are ZIP files that unzip accepts", async () => {
  const v = await verify.iot.send(
    new GetPackageVersionCommand({ packageName: "SedanVehicle", versionName: "1.1.0" }),
  );
  const loc = v.artifact!.s3Location!;
  const object = await verify.s3.send(
    new GetObjectCommand({ Bucket: loc.bucket, Key: loc.key, VersionId: loc.version }),
  );
  const dir = mkdtempSync(join(tmpdir(), "iotdm-zip-"));
  try {
    const file = join(dir, loc.key!);
    writeFileSync(file, await object.Body!.transformToByteArray());
    const { stdout } = await promisify(execFile)("unzip", ["-t", file]);
    assert.match(stdout, /testing: firmware_1\.1\.0\.bin\s+OK/);
    assert.match(stdout, /No errors detected/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("re-running on the existing fleet converges: same resources, nothing failed, --json report", async () => {
  // Drift the fleet: a deprecated type, a thing moved into another country's group.
  await verify.iot.send(new DeprecateThingTypeCommand({ thingTypeName: "SUVVehicle" }));
  await verify.iot.send(
    new RemoveThingFromThingGroupCommand({ thingGroupName: "US_Fleet", thingName: "Vehicle-VIN-001" }),
  );
  await verify.iot.send(
    new AddThingToThingGroupCommand({ thingGroupName: "CA_Fleet", thingName: "Vehicle-VIN-001" }),
  );
  const bucketsBefore = await verify.firmwareBuckets();

  const { report, run } = await provisionJson(sb, ["--count", "200"]);
  assert.equal(report.ok, true, run.stderr);
  assert.deepEqual(
    {
      requested: report.things.requested,
      created: report.things.created,
      updated: report.things.updated,
      failed: report.things.failed,
    },
    { requested: 200, created: 0, updated: 200, failed: 0 },
  );
  assert.deepEqual(
    report.thingTypes.map((t) => [t.name, t.outcome]),
    [
      ["SedanVehicle", "existing"],
      ["SUVVehicle", "undeprecated"],
      ["TruckVehicle", "existing"],
    ],
  );
  assert.ok(report.groups.every((g) => g.outcome === "existing"));
  assert.equal(report.bucket.outcome, "existing");
  assert.ok(
    report.packages.every(
      (p) => p.outcome === "existing" && p.versions.every((v) => v.outcome === "existing"),
    ),
  );
  assert.equal(report.tags.applied, 0, "existing resources keep their tags");
  assert.deepEqual(report.tags.failures, []);
  assert.equal(report.calls.calls > 800, true);
  assert.deepEqual(await verify.firmwareBuckets(), bucketsBefore);
  await verify.fleet(DEFAULT_FLEET);
  assert.deepEqual(await verify.groupsOf("Vehicle-VIN-001"), ["US_Fleet"]);
});

test("a custom prefix, types, versions and countries round-trip; other things are left alone", async () => {
  const args = [
    "--things-prefix",
    "Fleet-Device:",
    "--thing-types",
    "SedanVehicle, VanVehicle",
    "--versions",
    "2.0.0,2.1.0,3.0",
    "--continent",
    "europe",
    "--countries",
    "de,fr,it",
    "--count",
    "13",
  ];
  const { report } = await provisionJson(sb, args);
  assert.equal(report.ok, true);
  assert.equal(report.things.created, 13);
  assert.deepEqual(report.plan.countries, ["DE", "FR", "IT"]);
  await verify.fleet({
    prefix: "Fleet-Device:",
    count: 13,
    countries: ["DE", "FR", "IT"],
    types: ["SedanVehicle", "VanVehicle"],
    versions: ["2.0.0", "2.1.0", "3.0"],
  });
  assert.equal((await verify.things("Vehicle-VIN-")).length, 200, "the default fleet is untouched");
});

test("more than 999 devices: names widen to the digits the count needs", async () => {
  const { report } = await provisionJson(sb, [
    "--things-prefix",
    "Wide-",
    "--countries",
    "1",
    "--thing-types",
    "TruckVehicle",
    "--versions",
    "1.0.0",
    "--count",
    "1000",
  ]);
  assert.equal(report.ok, true);
  assert.equal(report.things.created, 1000);
  const things = await verify.things("Wide-");
  assert.equal(things.length, 1000);
  assert.equal(things[0].thingName, "Wide-0001");
  assert.equal(things[999].thingName, "Wide-1000");
});
