/**
 * `iotdm cleanup` in process (a recording host), against a private sandbox process holding a
 * workshop fleet (built with the SDK, as provision builds it) and decoys that are not the
 * workshop's. Per-resource lines are asserted by key and variables.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import {
  CreateDynamicThingGroupCommand,
  CreateThingCommand,
  DescribeThingGroupCommand,
  DescribeThingTypeCommand,
  GetIndexingConfigurationCommand,
  ListThingGroupsForThingCommand,
} from "@aws-sdk/client-iot";
import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { t } from "../../src/io/i18n.js";
import type { CleanupReport } from "../../src/workshop/cleanup/index.js";
import { GROUPS_PATTERN, TAG_EVIDENCE } from "../../src/workshop/cleanup/identify.js";
import { workshopTags } from "../../src/workshop/tags.js";
import { isolateCliEnvironment } from "../helpers/cli-env.js";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import {
  assertDecoysIntact,
  assertWorkshopGone,
  groupNames,
  iotdm,
  thingNames,
  typeNames,
} from "./cleanup-checks.js";
import { buildDecoys, buildFleet, clientsFor, databaseRows } from "./cleanup-fixture.js";

isolateCliEnvironment();

let sb: TestSandbox;

before(async () => {
  sb = await startSandbox();
});
after(async () => {
  await sb.dispose();
});
beforeEach(async () => {
  await sb.admin("reset");
});

test("cleanup removes the whole workshop, certificates and policies included, and keeps every decoy", async () => {
  const fleet = await buildFleet(sb, { count: 40, certificates: [1, 7] });
  const decoys = await buildDecoys(sb, fleet);
  const run = await iotdm(sb, ["cleanup", "--yes", "--scope", "all", "--json"]);
  assert.equal(run.code, 0, run.host.stderrText);
  const report = JSON.parse(run.host.stdoutText) as CleanupReport;
  assert.equal(report.totals.failed, 0);
  assert.deepEqual(report.families.things, { found: 44, deleted: 40, skipped: 4, failed: 0 });
  assert.deepEqual(report.families.shadows, { found: 80, deleted: 80, skipped: 0, failed: 0 });
  assert.deepEqual(report.families.certificates, { found: 2, deleted: 2, skipped: 0, failed: 0 });
  assert.deepEqual(report.families.thingTypes, { found: 4, deleted: 3, skipped: 1, failed: 0 });
  assert.equal(report.families.objectVersions?.deleted, 12);
  assert.equal(report.families.roles?.deleted, 3);
  assert.ok(report.clockAdvancedSeconds >= 300, "the sandbox clock stands in for the 5-minute wait");
  // One line per resource: how it was identified, or why it was skipped.
  const { host } = run;
  assert.ok(
    host.saidExactly("cleanup.line.skipped", {
      name: "Vehicle-VIN-01",
      why: t("cleanup.skip.noMatch", { evidence: "Vehicle-VIN-###" }),
    }),
  );
  assert.ok(
    host.saidExactly("cleanup.line.skipped", {
      name: "production-fleet",
      why: t("cleanup.skip.noTagNoMatch", { evidence: GROUPS_PATTERN.label }),
    }),
  );
  assert.ok(
    host.saidExactly("cleanup.line.deleted", {
      name: "US_Fleet",
      how: t("cleanup.how.tag", { evidence: TAG_EVIDENCE }),
    }),
  );
  const byCertificate = t("cleanup.how.association", {
    detail: t("cleanup.association.certificateOfThings", { evidence: "Vehicle-VIN-001" }),
  });
  assert.ok(host.varsOf("cleanup.line.deleted").some((v) => v.how === byCertificate));
  assert.equal(host.saidWith("cleanup.thingTypes.clockAdvanced").length, 1);
  const byName = new Map(report.resources.map((r) => [`${r.family}:${r.name}`, r]));
  assert.equal(byName.get("things:Vehicle-VIN-001")?.method, "naming");
  assert.equal(byName.get("thingGroups:US_Fleet")?.method, "tag");
  assert.equal(byName.get("things:prod-device-001")?.reason, "noMatch");
  assert.equal(byName.get("settings:v2Logging")?.association, "settingRole");
  assert.deepEqual(byName.get("things:Vehicle-VIN-002")?.dependents?.[0]?.names, ["$package", "(classic)"]);
  await assertWorkshopGone(sb, fleet);
  await assertDecoysIntact(sb, decoys);

  // Nothing left: a second run finds only the decoys and deletes nothing.
  const again = await iotdm(sb, ["cleanup", "--yes", "--scope", "all", "--json"]);
  assert.equal(again.code, 0, again.host.stderrText);
  const second = JSON.parse(again.host.stdoutText) as CleanupReport;
  assert.equal(second.totals.deleted, 0);
  assert.equal(second.totals.failed, 0);
  await assertDecoysIntact(sb, decoys);
});

test("--dry-run asks nothing, lists every resource and leaves the state byte-identical", async () => {
  const fleet = await buildFleet(sb, { count: 25, certificates: [3] });
  await buildDecoys(sb, fleet);
  await sb.restart(); // settles the database file (WAL checkpoint on shutdown)
  await sb.stop();
  const rowsBefore = databaseRows(sb.dataDir);
  await sb.restart();
  // No terminal and no --yes: a dry run needs no DELETE.
  const { code, host } = await iotdm(sb, ["cleanup", "--dry-run", "--scope", "all"]);
  assert.equal(code, 0, host.stderrText);
  assert.equal(host.saidWith("cleanup.dryRunBanner").length, 1);
  const byName = t("cleanup.how.naming", { evidence: "Vehicle-VIN-###" });
  for (const thing of fleet.things)
    assert.ok(host.saidExactly("cleanup.line.wouldDelete", { name: thing, how: byName }), thing);
  assert.ok(host.varsOf("cleanup.line.wouldDelete").some((v) => v.name === "SedanVehicle"));
  assert.ok(host.varsOf("cleanup.line.wouldTurnOff").some((v) => v.name === "fleetIndexing"));
  // The summary table's layout: label, dots, then found, would delete, skipped, failed.
  assert.match(
    host.stdoutText,
    new RegExp(`${t("cleanup.family.thingTypes")} \\.+ +4 +3 +1 +0`),
    "thing types count as would-delete (Q-22)",
  );
  assert.deepEqual(host.saidWith("cleanup.thingTypes.clockAdvanced"), []);
  assert.deepEqual(host.saidWith("cleanup.summary.clock"), []);
  await sb.stop();
  assert.deepEqual(databaseRows(sb.dataDir), rowsBefore);
  await sb.restart();
});

test("a custom prefix round-trips: only its things go, the default-prefixed ones stay", async () => {
  const fleet = await buildFleet(sb, { count: 12, prefix: "Fleet-Device-" });
  const c = clientsFor(sb);
  for (const thingName of ["Vehicle-VIN-001", "Vehicle-VIN-002"])
    await c.iot.send(new CreateThingCommand({ thingName }));
  const run = await iotdm(sb, ["cleanup", "--yes", "--scope", "things", "--things-prefix", "Fleet-Device-"]);
  assert.equal(run.code, 0, run.host.stderrText);
  assert.ok(
    run.host.saidExactly("cleanup.line.deleted", {
      name: "Fleet-Device-001",
      how: t("cleanup.how.naming", { evidence: "Fleet-Device-###" }),
    }),
  );
  assert.deepEqual((await thingNames(c)).sort(), ["Vehicle-VIN-001", "Vehicle-VIN-002"]);
  const rest = await iotdm(sb, ["cleanup", "--yes", "--scope", "things"]);
  assert.equal(rest.code, 0, rest.host.stderrText);
  assert.deepEqual(await thingNames(c), []);
  assert.equal(fleet.things[0], "Fleet-Device-001");
  c.destroy();
});

test("--scope things deletes things with their shadows and leaves groups, types and the bucket", async () => {
  const fleet = await buildFleet(sb, { count: 15 });
  const run = await iotdm(sb, ["cleanup", "--yes", "--scope", "things", "--json"]);
  assert.equal(run.code, 0, run.host.stderrText);
  const report = JSON.parse(run.host.stdoutText) as CleanupReport;
  assert.deepEqual(Object.keys(report.families).sort(), ["shadows", "things"]);
  const c = clientsFor(sb);
  assert.deepEqual(await thingNames(c), []);
  assert.deepEqual((await groupNames(c)).sort(), [...fleet.groups].sort());
  assert.deepEqual((await typeNames(c)).sort(), [...fleet.types].sort());
  const type = await c.iot.send(new DescribeThingTypeCommand({ thingTypeName: fleet.types[0] }));
  assert.equal(type.thingTypeMetadata?.deprecated, false);
  await c.s3.send(new HeadBucketCommand({ Bucket: fleet.bucket }));
  c.destroy();
});

test("--scope groups removes the members one by one, deletes the groups, and keeps the things", async () => {
  const fleet = await buildFleet(sb, { count: 15 });
  const run = await iotdm(sb, ["cleanup", "--yes", "--scope", "groups"]);
  assert.equal(run.code, 0, run.host.stderrText);
  const c = clientsFor(sb);
  assert.deepEqual(await groupNames(c), []);
  assert.deepEqual((await thingNames(c)).sort(), fleet.things);
  const member = await c.iot.send(new ListThingGroupsForThingCommand({ thingName: fleet.things[0] }));
  assert.deepEqual(member.thingGroups, []);
  assert.deepEqual((await typeNames(c)).sort(), [...fleet.types].sort());
  c.destroy();
});

test("usage errors: a wrong scope or prefix, or a missing answer without a terminal, exit 2 and delete nothing", async () => {
  const fleet = await buildFleet(sb, { count: 5 });
  const usage = async (args: string[], message: string) => {
    const r = await iotdm(sb, ["cleanup", ...args]);
    assert.equal(r.code, 2, args.join(" "));
    assert.deepEqual(r.host.varsOf("cli.usageError"), [{ message }]);
  };
  const flagProblem = (flag: string, problem: string) => t("common.flagProblem", { flag, problem });
  await usage(
    ["--yes", "--scope", "everything"],
    flagProblem("--scope", t("cleanup.badScope", { scope: "everything", scopes: "all, things, groups" })),
  );
  await usage(
    ["--yes", "--things-prefix", "bad prefix!"],
    flagProblem("--things-prefix", t("provision.prefix.characters", { prefix: "bad prefix!" })),
  );
  await usage(["--scope", "all"], t("common.promptNeedsTerminal", { flag: "--yes" }));
  await usage([], t("common.promptNeedsTerminal", { flag: "--scope" }));
  const c = clientsFor(sb);
  assert.deepEqual((await thingNames(c)).sort(), fleet.things);
  c.destroy();
});

test("dynamic groups: the workshop's go with DeleteDynamicThingGroup; another one keeps fleet indexing on", async () => {
  const fleet = await buildFleet(sb, { count: 6 });
  const c = clientsFor(sb);
  await c.iot.send(
    new CreateDynamicThingGroupCommand({
      thingGroupName: "US_SedanVehicle_Devices",
      queryString: "attributes.country:US",
      tags: workshopTags("manage-dynamic-groups"),
    }),
  );
  await c.iot.send(
    new CreateDynamicThingGroupCommand({
      thingGroupName: "prod-low-battery",
      queryString: "shadow.reported.batteryStatus < 20",
    }),
  );
  const run = await iotdm(sb, ["cleanup", "--yes", "--scope", "all"]);
  assert.equal(run.code, 0, run.host.stderrText);
  assert.ok(
    run.host.saidExactly("cleanup.line.deleted", {
      name: "US_SedanVehicle_Devices",
      how: t("cleanup.how.tag", { evidence: TAG_EVIDENCE }),
    }),
  );
  assert.ok(
    run.host.saidExactly("cleanup.line.skipped", {
      name: "fleetIndexing",
      why: t("cleanup.skip.dynamicGroupsRemain", { evidence: "prod-low-battery" }),
    }),
  );
  assert.deepEqual(await groupNames(c), ["prod-low-battery"]);
  const group = await c.iot.send(new DescribeThingGroupCommand({ thingGroupName: "prod-low-battery" }));
  assert.ok(group.queryString);
  const indexing = await c.iot.send(new GetIndexingConfigurationCommand({}));
  assert.notEqual(indexing.thingIndexingConfiguration?.thingIndexingMode, "OFF");
  assert.deepEqual(await thingNames(c), []);
  assert.equal(fleet.things.length, 6);
  c.destroy();
});
