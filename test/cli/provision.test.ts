/**
 * `iotdm provision` in process (a recording host) against a private sandbox process: the whole
 * fleet checked resource by resource through the SDK, re-runs that converge (deprecated type,
 * a thing moved to another group), --json, a custom prefix and a fleet wider than 999 devices.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import {
  AddThingToThingGroupCommand,
  DeprecateThingTypeCommand,
  DescribeThingTypeCommand,
  GetPackageVersionCommand,
  RemoveThingFromThingGroupCommand,
} from "@aws-sdk/client-iot";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { isolateCliEnvironment } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { type Expected, provisionJson, sandboxForFile, target } from "./provision-helpers.js";

isolateCliEnvironment();

const fx = sandboxForFile();

const DEFAULT_FLEET: Expected = {
  prefix: "Vehicle-VIN-",
  count: 200,
  countries: ["US", "CA", "MX"],
  types: ["SedanVehicle", "SUVVehicle", "TruckVehicle"],
  versions: ["1.0.0", "1.1.0"],
};

test("provision --yes --count 200 builds the whole fleet with the defaults", async () => {
  const { code, host } = await runRecorded(["provision", "--yes", "--count", "200", ...target(fx.sb)]);
  assert.equal(code, 0, host.stderrText);
  assert.equal(host.varsOf("provision.plan.title").length, 1);
  assert.deepEqual(host.varsOf("provision.plan.countries"), [
    { countries: "US, CA, MX", count: 3, total: 23 },
  ]);
  // Learning moments print without pausing under --yes.
  for (const lesson of [
    "provision.learn.logging",
    "provision.learn.thingTypes",
    "provision.learn.fleetIndexing",
    "provision.learn.packageCatalog",
    "provision.learn.iamRoles",
  ] as const)
    assert.ok(host.lessons.includes(lesson), lesson);
  assert.deepEqual(
    host.varsOf("provision.things.summary").map(({ ok, total, created }) => ({ ok, total, created })),
    [{ ok: 200, total: 200, created: 200 }],
  );
  assert.equal(host.varsOf("provision.summary.done").length, 1);
  assert.deepEqual(
    host.varsOf("provision.summary.devices").map(({ count, countries, first, last }) => ({
      count,
      countries,
      first,
      last,
    })),
    [{ count: 200, countries: 3, first: "Vehicle-VIN-001", last: "Vehicle-VIN-200" }],
  );
  assert.match(String(host.varsOf("provision.summary.time")[0]?.seconds), /^\d+\.\d\d$/);
  // Existence is read from listings, so a fresh run has no call answered with an error.
  assert.equal(host.varsOf("provision.summary.calls")[0]?.errors, 0);
  assert.deepEqual(host.varsOf("provision.tags.summaryTitle"), [], "every resource was tagged");
  await fx.verify.fleet(DEFAULT_FLEET);
  for (const [type, description] of [
    ["SedanVehicle", "Template for Sedan Vehicle category"],
    ["SUVVehicle", "Template for SUV Vehicle category"],
    ["TruckVehicle", "Template for Truck Vehicle category"],
  ]) {
    const d = await fx.verify.iot.send(new DescribeThingTypeCommand({ thingTypeName: type }));
    assert.equal(d.thingTypeProperties?.thingTypeDescription, description);
  }
});

test("the firmware archives are ZIP files that unzip accepts", async () => {
  const v = await fx.verify.iot.send(
    new GetPackageVersionCommand({ packageName: "SedanVehicle", versionName: "1.1.0" }),
  );
  const loc = v.artifact!.s3Location!;
  const object = await fx.verify.s3.send(
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
  await fx.verify.iot.send(new DeprecateThingTypeCommand({ thingTypeName: "SUVVehicle" }));
  await fx.verify.iot.send(
    new RemoveThingFromThingGroupCommand({ thingGroupName: "US_Fleet", thingName: "Vehicle-VIN-001" }),
  );
  await fx.verify.iot.send(
    new AddThingToThingGroupCommand({ thingGroupName: "CA_Fleet", thingName: "Vehicle-VIN-001" }),
  );
  const bucketsBefore = await fx.verify.firmwareBuckets();

  const { report, run } = await provisionJson(fx.sb, ["--count", "200"]);
  assert.equal(report.ok, true, run.host.stderrText);
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
  assert.deepEqual(await fx.verify.firmwareBuckets(), bucketsBefore);
  await fx.verify.fleet(DEFAULT_FLEET);
  assert.deepEqual(await fx.verify.groupsOf("Vehicle-VIN-001"), ["US_Fleet"]);
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
  const { report } = await provisionJson(fx.sb, args);
  assert.equal(report.ok, true);
  assert.equal(report.things.created, 13);
  assert.deepEqual(report.plan.countries, ["DE", "FR", "IT"]);
  await fx.verify.fleet({
    prefix: "Fleet-Device:",
    count: 13,
    countries: ["DE", "FR", "IT"],
    types: ["SedanVehicle", "VanVehicle"],
    versions: ["2.0.0", "2.1.0", "3.0"],
  });
  assert.equal((await fx.verify.things("Vehicle-VIN-")).length, 200, "the default fleet is untouched");
});

test("more than 999 devices: names widen to the digits the count needs", async () => {
  const { report } = await provisionJson(fx.sb, [
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
  const things = await fx.verify.things("Wide-");
  assert.equal(things.length, 1000);
  assert.equal(things[0].thingName, "Wide-0001");
  assert.equal(things[999].thingName, "Wide-1000");
});
