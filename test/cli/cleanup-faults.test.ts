/**
 * Cleanup (in process) under faults: a sandbox that fails 5% of the calls (`--fail-rate 0.05`) still ends in
 * the exact final state, and the summary shows the retries; so does one whose failures come
 * after the call committed (`--fail-mode after`: a retried deletion finds its resource gone);
 * a sandbox that enforces AWS's request rates (`--throttle aws`) sees no failed operation,
 * because the client paces itself.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { t } from "../../src/io/i18n.js";
import type { CleanupReport } from "../../src/workshop/cleanup/index.js";
import { isolateCliEnvironment } from "../helpers/cli-env.js";
import { startSandbox } from "../helpers/sandbox.js";
import { assertDecoysIntact, assertWorkshopGone, iotdm, shadowsOf } from "./cleanup-checks.js";
import { buildDecoys, buildFleet, clientsFor } from "./cleanup-fixture.js";

isolateCliEnvironment();

test("--fail-rate 0.05: the exact final state, with the retries in the summary", async () => {
  const sb = await startSandbox({ args: ["--fail-rate", "0.05"] });
  try {
    const fleet = await buildFleet(sb, { count: 150, certificates: [2] });
    const decoys = await buildDecoys(sb, fleet);
    const run = await iotdm(sb, ["cleanup", "--yes", "--scope", "all"]);
    assert.equal(run.code, 0, run.host.stderrText);
    const retried = run.host.varsOf("cleanup.summary.calls")[0]?.retries;
    assert.ok(Number(retried) > 0, `retries in the summary: ${retried}`);
    // The summary table's total row: found, deleted, skipped, then 0 failed.
    assert.match(run.host.stdoutText, new RegExp(`${t("cleanup.summary.total")} +\\d+ +\\d+ +\\d+ +0\n`));
    await sb.admin("config", { failRate: 0 });
    await assertWorkshopGone(sb, fleet);
    await assertDecoysIntact(sb, decoys);
  } finally {
    await sb.dispose();
  }
});

test("--fail-mode after at 20%: cleanup leaves nothing of the workshop (every shadow, certificate, role...), spares the decoys, and counts each deletion once", async () => {
  const sb = await startSandbox();
  try {
    const fleet = await buildFleet(sb, { count: 60, certificates: [1, 2, 3] });
    const decoys = await buildDecoys(sb, fleet);
    await sb.admin("config", { failRate: 0.2, failMode: "after" });
    const run = await iotdm(sb, ["cleanup", "--yes", "--scope", "all", "--json"]);
    assert.equal(run.code, 0, run.host.stderrText);
    const report = JSON.parse(run.host.stdoutText) as CleanupReport;
    assert.equal(
      report.totals.failed,
      0,
      JSON.stringify(report.resources.filter((r) => r.status === "failed")),
    );
    assert.ok(report.calls.retries > 0, "failures were injected and retried");
    assert.equal(report.families.things?.deleted, 60);
    assert.equal(report.families.shadows?.deleted, 120, "a retried shadow deletion is counted once");
    assert.equal(report.families.certificates?.deleted, 3);
    assert.equal(report.families.roles?.deleted, 3);
    await sb.admin("config", { failRate: 0 });
    await assertWorkshopGone(sb, fleet);
    const c = clientsFor(sb);
    try {
      for (const thing of fleet.things)
        assert.deepEqual(await shadowsOf(c, thing), { classic: false, named: [] }, `shadows of ${thing}`);
    } finally {
      c.destroy();
    }
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
    assert.equal(run.code, 0, run.host.stderrText);
    const report = JSON.parse(run.host.stdoutText) as CleanupReport;
    assert.equal(report.totals.failed, 0);
    assert.equal(report.families.things?.deleted, 40);
    assert.doesNotMatch(run.host.stderrText, /Throttling|Rate exceeded/);
    await assertWorkshopGone(sb, fleet);
    await assertDecoysIntact(sb, decoys);
  } finally {
    await sb.dispose();
  }
});
