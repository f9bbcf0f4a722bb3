/**
 * Workflow bench: `iotdm provision --yes --count N`, an OTA job to the whole fleet played by
 * `iotdm simulate-jobs` (ota.ts), and `iotdm cleanup --yes` of the same fleet against a running
 * sandbox (targets: provision and cleanup under 20 s for 10,000 things), then a
 * revert of a fleet of one type from mixed `$package` versions (revert.ts), then a
 * provision against a sandbox that enforces AWS's rates (target: at least 90% of the
 * CreateThing quota sustained with zero failed operations).
 * Then `iotdm device` with the whole fleet on MQTT, a command round trip and a job over MQTT
 * (devices.ts). Options: --things N (default 10000), --throttled-things N (default 1500), --only
 * revert|devices (that bench alone), --profile DIR (CPU profiles of the sandbox and the CLI runs).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { defaultRate } from "../src/common/quotas.js";
import {
  type MqttAccess,
  type StartOptions,
  ensureRunning,
  instanceRef,
  stopInstance,
} from "../src/sandbox/control.js";
import { devicesBench } from "./devices.js";
import { otaBench, type SandboxClientConfig } from "./ota.js";
import { revertBench } from "./revert.js";

// The bench runs on Node 20 on purpose; the SDK's notice about Node 22 would clutter the figures.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const exec = promisify(execFile);
const CLI = join(fileURLToPath(new URL(".", import.meta.url)), "..", "src", "cli", "main.js");

const { values } = parseArgs({
  options: {
    things: { type: "string", default: "10000" },
    only: { type: "string" },
    profile: { type: "string" },
    "throttled-things": { type: "string", default: "1500" },
    port: { type: "string", default: "5997" },
  },
});

/** `--profile DIR`: every process of the run (sandbox and CLI) writes a CPU profile there. */
const profileArgs = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${values.profile}`] : [];

interface Run<T> {
  seconds: number;
  report: T;
}

async function iotdm<T>(args: string[]): Promise<Run<T>> {
  const t0 = performance.now();
  const { stdout } = await exec(process.execPath, [...profileArgs, CLI, "--yes", "--json", ...args], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return { seconds: (performance.now() - t0) / 1000, report: JSON.parse(stdout) as T };
}

interface ProvisionJson {
  ok: boolean;
  things: { created: number; failed: number; seconds: number; perSecond: number };
  calls: { calls: number; retries: number; failures: number };
}

interface CleanupJson {
  calls?: { calls: number; retries: number; failures: number };
  totals: { found: number; deleted: number; failed: number };
}

async function withSandbox<T>(
  opts: StartOptions,
  run: (flags: string[], config: SandboxClientConfig, pid: number, mqtt: MqttAccess) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), "iotdm-wbench-"));
  const ref = instanceRef({ port: Number(values.port), dataDir });
  await stopInstance(ref);
  const { instance } = await ensureRunning(ref, { ...opts, nodeArgs: profileArgs });
  const config = {
    endpoint: instance.endpoint,
    region: instance.region,
    credentials: { accessKeyId: instance.accessKeyId, secretAccessKey: instance.secretAccessKey },
  };
  try {
    const mqtt = instance.mqtt ?? { url: "" };
    return await run(
      ["--sandbox-port", String(ref.port), "--sandbox-dir", dataDir],
      config,
      instance.pid,
      mqtt,
    );
  } finally {
    await stopInstance(ref);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const fmt = (n: number, d = 1) => n.toFixed(d);

async function main(): Promise<void> {
  const count = Number(values.things);
  if (values.only === "revert")
    return withSandbox({}, (flags, config, pid) => revertBench(config, flags, iotdm, count, pid));
  const devices = () =>
    withSandbox({}, (flags, config, pid, mqtt) =>
      devicesBench(config, flags, iotdm, CLI, count, pid, mqtt, profileArgs),
    );
  if (values.only === "devices") return devices();
  console.log(`iotdm workflow bench: provision and cleanup of ${count} things on the sandbox`);
  await withSandbox({}, async (flags, config) => {
    const p = await iotdm<ProvisionJson>(["provision", "--count", String(count), ...flags]);
    console.log(
      `provision --count ${count}   ${fmt(p.seconds)} s (things phase ${fmt(p.report.things.seconds)} s, ${fmt(p.report.things.perSecond, 0)} things/s), ${p.report.calls.calls} calls, ${p.report.things.failed} failed things, ok=${p.report.ok}   (target < 20 s)`,
    );
    await otaBench(config, flags, iotdm);
    const c = await iotdm<CleanupJson>(["cleanup", ...flags]);
    const calls = c.report.calls;
    console.log(
      `cleanup of the same fleet   ${fmt(c.seconds)} s, ${c.report.totals.deleted} resources deleted, ${c.report.totals.failed} failed${calls ? `, ${calls.calls} calls (${calls.failures} answered with an expected error such as 404 or 501)` : ""}   (target < 20 s)`,
    );
  });

  await withSandbox({}, (flags, config, pid) => revertBench(config, flags, iotdm, count, pid));
  await devices();

  const throttled = Number(values["throttled-things"]);
  const quota = defaultRate("iot", "CreateThing") ?? 100;
  await withSandbox({ throttle: "aws" }, async (flags) => {
    const p = await iotdm<ProvisionJson>(["provision", "--count", String(throttled), ...flags]);
    const share = (p.report.things.perSecond / quota) * 100;
    console.log(
      `throttled sandbox (--throttle aws): ${throttled} things at ${fmt(p.report.things.perSecond)} CreateThing/s = ${fmt(share, 0)}% of the ${quota} TPS quota, ${p.report.calls.retries} retries, ${p.report.things.failed} failed things, run ok=${p.report.ok}   (target >= 90%, 0 failed)`,
    );
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
