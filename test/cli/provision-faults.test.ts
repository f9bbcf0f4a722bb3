/**
 * `iotdm provision` (in process) against a sandbox that misbehaves like a busy AWS: injected
 * internal errors (--fail-rate) are retried and the fleet still comes out exact, also when the
 * failure comes after the call committed (--fail-mode after|both: the retry meets its own
 * effect), and AWS's request rates (--throttle aws) are met by pacing, with no failed operation.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { isolateCliEnvironment } from "../helpers/cli-env.js";
import { startSandbox } from "../helpers/sandbox.js";
import { assertExactFleet } from "./fleet-exact.js";
import { Verifier, provisionJson } from "./provision-helpers.js";

isolateCliEnvironment();

const FLEET = {
  prefix: "Vehicle-VIN-",
  countries: ["US", "CA", "MX"],
  types: ["SedanVehicle", "SUVVehicle", "TruckVehicle"],
  versions: ["1.0.0", "1.1.0"],
};

test("with 5% injected internal errors, provision retries and the final state is exact", async () => {
  const sb = await startSandbox({ args: ["--fail-rate", "0.05"] });
  const verify = new Verifier(sb);
  try {
    const { report, run } = await provisionJson(sb, ["--count", "200"]);
    assert.equal(report.ok, true, run.host.stderrText);
    assert.equal(report.things.created, 200);
    assert.equal(report.things.failed, 0);
    assert.deepEqual(report.tags.failures, []);
    assert.ok(report.calls.retries > 0, "the summary reports the retries");
    assert.equal(report.calls.failures, 0, "every injected error was retried to success");
    assert.deepEqual(
      run.host.varsOf("provision.summary.calls").map(({ calls, retries }) => ({ calls, retries })),
      [{ calls: report.calls.calls, retries: report.calls.retries }],
    );
    // The checks themselves must not meet injected errors.
    await sb.admin("config", { failRate: 0 });
    await verify.fleet({ ...FLEET, count: 200 });
  } finally {
    verify.destroy();
    await sb.dispose();
  }
});

test("--fail-mode after at 20%: provision converges on exactly the requested fleet (no duplicate, every shadow), and a re-run under --fail-mode both changes nothing", async () => {
  const sb = await startSandbox({ args: ["--fail-rate", "0.2", "--fail-mode", "after"] });
  const verify = new Verifier(sb);
  const expected = { ...FLEET, count: 90 };
  try {
    for (const mode of ["after", "both"]) {
      await sb.admin("config", { failRate: 0.2, failMode: mode });
      const { report, run } = await provisionJson(sb, ["--count", "90"]);
      assert.equal(report.ok, true, `${mode}: ${run.host.stdoutText}`);
      assert.equal(report.things.failed, 0);
      assert.deepEqual(report.tags.failures, []);
      assert.ok(report.calls.retries > 0, "failures were injected and retried");
      // The checks themselves must not meet injected errors.
      await sb.admin("config", { failRate: 0 });
      await verify.fleet(expected);
      await assertExactFleet(sb, verify, expected);
    }
  } finally {
    verify.destroy();
    await sb.dispose();
  }
});

test("with AWS's request rates enforced, a small provision finishes with no failed operation", async () => {
  const sb = await startSandbox({ args: ["--throttle", "aws"] });
  const verify = new Verifier(sb);
  try {
    const { report, run } = await provisionJson(sb, ["--count", "150"]);
    assert.equal(report.ok, true, run.host.stderrText);
    assert.equal(report.things.created, 150);
    assert.equal(report.things.failed, 0);
    assert.deepEqual(report.tags.failures, []);
    assert.equal(report.calls.failures, 0, "no call failed");
    assert.doesNotMatch(run.host.stderrText, /Throttl|Rate exceeded/);
    await sb.admin("config", { throttle: "off" });
    await verify.fleet({ ...FLEET, count: 150 });
  } finally {
    verify.destroy();
    await sb.dispose();
  }
});
