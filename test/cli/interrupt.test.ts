/**
 * Ctrl-C in the middle of a run, end to end (a spawned process and a real SIGINT): the run
 * stops with exit code 130 and one line saying where it was and how much it had changed, and
 * running the same command again (in process) completes the fleet. The sandbox enforces AWS's
 * rates (--throttle aws), so the run is paced and still busy when the signal arrives.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { test } from "node:test";
import { isolateCliEnvironment } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { CLI } from "../helpers/sandbox.js";
import { SMALL_PLAN, sandboxForFile, target } from "./provision-helpers.js";

isolateCliEnvironment();

const fx = sandboxForFile({ args: ["--throttle", "aws"] });

const PLAN = ["--things-prefix", "Int-", ...SMALL_PLAN, "--count", "200"];

/** Runs provision and sends SIGINT once its first progress line about the devices appears. */
function interruptedRun(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, "--yes", "provision", ...PLAN, ...target(fx.sb)], {
    env: { ...process.env, NO_COLOR: "1", AWS_IOT_LANG: "en" },
  });
  let stdout = "";
  let stderr = "";
  let sent = false;
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString("utf8");
    if (!sent && /Devices: \d+\/200/.test(stdout)) {
      sent = true;
      child.kill("SIGINT");
    }
  });
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString("utf8");
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

test("Ctrl-C mid-run exits 130 with one line on what was done, and a re-run completes the fleet", async () => {
  const run = await interruptedRun();
  assert.equal(run.code, 130, run.stderr);
  const lines = run.stderr.trim().split("\n");
  assert.equal(lines.length, 1, run.stderr);
  assert.match(
    lines[0],
    /^⛔ Interrupted during 🚗 Devices \d+\/200, after \d+ changes \(\d+ AWS calls\)\. What was done stays; running the same command again continues from there\.$/,
  );

  const again = await runRecorded(["--yes", "provision", ...PLAN, ...target(fx.sb)]);
  assert.equal(again.code, 0, again.host.stderrText);
  assert.equal((await fx.verify.things("Int-")).length, 200);
});
