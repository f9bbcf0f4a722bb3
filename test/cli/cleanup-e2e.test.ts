/**
 * End to end, as a learner runs the workshop: the `iotdm` binary runs `provision`, then
 * `cleanup`. What provision really created (listed with the SDK) is gone afterwards, account
 * settings included.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ListPackagesCommand } from "@aws-sdk/client-iot";
import { ListBucketsCommand } from "@aws-sdk/client-s3";
import type { CleanupReport } from "../../src/workshop/cleanup/index.js";
import { firmwareBucketPrefix, workshopRoleNames } from "../../src/workshop/naming.js";
import { runBinary } from "../helpers/binary.js";
import { startSandbox } from "../helpers/sandbox.js";
import { assertWorkshopGone, groupNames, thingNames, typeNames } from "./cleanup-checks.js";
import { clientsFor, type Fleet } from "./cleanup-fixture.js";
import { target } from "./provision-helpers.js";

test("provision then cleanup: everything provision created is gone", async () => {
  const sb = await startSandbox();
  const c = clientsFor(sb);
  try {
    const provision = await runBinary([
      ...["provision", "--yes", "--count", "120", "--things-prefix", "Car-"],
      ...target(sb),
    ]);
    assert.equal(provision.code, 0, provision.stderr);
    const buckets = await c.s3.send(new ListBucketsCommand({ Prefix: firmwareBucketPrefix(sb.region) }));
    const packages = await c.iot.send(new ListPackagesCommand({}));
    const fleet: Fleet = {
      things: await thingNames(c),
      groups: await groupNames(c),
      types: await typeNames(c),
      packages: (packages.packageSummaries ?? []).map((p) => p.packageName ?? ""),
      bucket: buckets.Buckets?.[0]?.Name ?? "",
      roles: workshopRoleNames(sb.region, sb.accountId),
      certificateIds: [],
      policy: "",
    };
    assert.equal(fleet.things.length, 120);
    assert.ok(fleet.groups.length > 0 && fleet.types.length > 0 && fleet.packages.length > 0 && fleet.bucket);

    const cleanup = await runBinary([
      ...["cleanup", "--yes", "--scope", "all", "--things-prefix", "Car-", "--json"],
      ...target(sb),
    ]);
    assert.equal(cleanup.code, 0, cleanup.stderr);
    const report = JSON.parse(cleanup.stdout) as CleanupReport;
    assert.equal(report.totals.failed, 0);
    assert.equal(report.totals.skipped, 0, "provision creates nothing cleanup does not recognise");
    assert.equal(report.families.things?.deleted, 120);
    assert.equal(report.families.shadows?.deleted, 240, "classic and $package shadows");
    await assertWorkshopGone(sb, fleet);
  } finally {
    c.destroy();
    await sb.dispose();
  }
});
