/**
 * Cleanup under faults: a sandbox that fails 5% of the calls (`--fail-rate 0.05`) still ends in
 * the exact final state, and the summary shows the retries; a sandbox that enforces AWS's
 * request rates (`--throttle aws`) sees no failed operation, because the client paces itself.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { CleanupReport } from "../../src/workshop/cleanup/index.js";
import { startSandbox } from "../helpers/sandbox.js";
import { assertDecoysIntact, assertWorkshopGone, iotdm } from "./cleanup-checks.js";
import { buildDecoys, buildFleet } from "./cleanup-fixture.js";

test("--fail-rate 0.05: the exact final state, with the retries in the summary", async () => {
  const sb = await startSandbox({ args: ["--fail-rate", "0.05"] });
  try {
    const fleet = await buildFleet(sb, { count: 150, certificates: [2] });
    const decoys = await buildDecoys(sb, fleet);
    const run = await iotdm(sb, ["cleanup", "--yes", "--scope", "all"]);
    assert.equal(run.code, 0, run.stderr);
    const retried = /automatically retried: (\d+)/.exec(run.stdout);
    assert.ok(retried && Number(retried[1]) > 0, `retries in the summary: ${retried?.[0]}`);
    assert.match(run.stdout, /Total +\d+ +\d+ +\d+ +0\n/);
    await sb.admin("config", { failRate: 0 });
    await assertWorkshopGone(sb, fleet);
    await assertDecoysIntact(sb, decoys);
  } finally {
    await sb.dispose();
  }
});

test("--throttle aws: zero failed operations", async () => {
  const sb = await startSandbox({ args: ["--throttle", "aws"] });
  try {
    const fleet = await buildFleet(sb, { count: 40, certificates: [1], concurrency: 8 });
    const decoys = await buildDecoys(sb, fleet);
    const run = await iotdm(sb, ["cleanup", "--yes", "--scope", "all", "--json"]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as CleanupReport;
    assert.equal(report.totals.failed, 0);
    assert.equal(report.families.things?.deleted, 40);
    assert.doesNotMatch(run.stderr, /Throttling|Rate exceeded/);
    await assertWorkshopGone(sb, fleet);
    await assertDecoysIntact(sb, decoys);
  } finally {
    await sb.dispose();
  }
});
