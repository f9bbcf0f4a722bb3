/**
 * `iotdm sandbox ...`: start/status/env/stop/reset/clock, two instances side by side, usage
 * errors and the exports of `sandbox env` driving the AWS CLI unchanged run in process (a
 * recording host; the instances are real background processes). The on-demand start shared by
 * concurrent commands runs the binary twice at once, as two users' shells would.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { promisify } from "node:util";
import { t } from "../../src/io/i18n.js";
import { instanceRef, stopInstance } from "../../src/sandbox/control.js";
import { runBinary } from "../helpers/binary.js";
import { isolateCliEnvironment, withEnv } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { freePort } from "../helpers/sandbox.js";

isolateCliEnvironment();

const exec = promisify(execFile);
const dirs: string[] = [];
const started: Array<{ port: number; dir: string }> = [];

function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), "iotdm-cli-"));
  dirs.push(d);
  return d;
}

const json = <T>(stdout: string) => JSON.parse(stdout) as T;

after(async () => {
  for (const s of started) await stopInstance(instanceRef({ port: s.port, dataDir: s.dir }));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test("sandbox start, status, env, stop round-trip with --port and --data-dir", async () => {
  const port = await freePort();
  const dir = tmp();
  started.push({ port, dir });
  const flags = ["--port", String(port), "--data-dir", dir];
  const start = await runRecorded(["sandbox", "start", ...flags]);
  assert.equal(start.code, 0, start.host.stderrText);
  assert.equal(start.host.varsOf("sandbox.started")[0]?.endpoint, `http://127.0.0.1:${port}`);

  const again = await runRecorded(["sandbox", "start", ...flags]);
  assert.equal(again.code, 0);
  assert.equal(again.host.saidWith("sandbox.alreadyRunning").length, 1);

  const status = await runRecorded(["--json", "sandbox", "status", ...flags]);
  assert.equal(status.code, 0);
  const st = json<{ running: boolean; port: number; dataDir: string }>(status.host.stdoutText);
  assert.equal(st.running, true);
  assert.equal(st.port, port);
  assert.equal(st.dataDir, dir);

  const env = await runRecorded(["sandbox", "env", ...flags]);
  assert.equal(env.code, 0);
  const vars = Object.fromEntries(
    env.host.stdoutText
      .trim()
      .split("\n")
      .map((l) => /^export (\w+)=(.*)$/.exec(l)!)
      .map((m) => [m[1], m[2]]),
  );
  assert.equal(vars.AWS_ENDPOINT_URL, `http://127.0.0.1:${port}`);
  assert.match(vars.AWS_ACCESS_KEY_ID, /^AKIA[A-Z0-9]{16}$/);

  // PROTO-1: the AWS CLI works unchanged with those exports.
  const aws = await exec("aws", ["sts", "get-caller-identity", "--output", "json"], {
    env: { ...process.env, ...vars, AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null" },
  });
  assert.match(JSON.parse(aws.stdout).Account, /^\d{12}$/);

  const stop = await runRecorded(["sandbox", "stop", ...flags]);
  assert.equal(stop.code, 0);
  const after = await runRecorded(["sandbox", "status", ...flags]);
  assert.equal(after.code, 1);
  assert.deepEqual(after.host.varsOf("sandbox.notRunning"), [{ port, dataDir: dir }]);
});

test("sandbox subcommands select an instance as workflow commands do: --sandbox-port/--sandbox-dir, or IOTDM_SANDBOX_PORT/IOTDM_SANDBOX_DIR", async () => {
  const port = await freePort();
  const dir = tmp();
  started.push({ port, dir });
  const start = await runRecorded(["sandbox", "start", "--sandbox-port", String(port), "--sandbox-dir", dir]);
  assert.equal(start.code, 0, start.host.stderrText);
  assert.equal(
    start.host.varsOf("sandbox.started")[0]?.stop,
    `iotdm sandbox stop --sandbox-port ${port} --sandbox-dir ${dir}`,
  );
  const byVariables = await withEnv({ IOTDM_SANDBOX_PORT: String(port), IOTDM_SANDBOX_DIR: dir }, () =>
    runRecorded(["--json", "sandbox", "status"]),
  );
  assert.equal(byVariables.code, 0, byVariables.host.stderrText);
  assert.equal(json<{ dataDir: string }>(byVariables.host.stdoutText).dataDir, dir);
  const stop = await runRecorded(["sandbox", "stop", "--sandbox-port", String(port), "--sandbox-dir", dir]);
  assert.equal(stop.code, 0);
  assert.equal(stop.host.saidWith("sandbox.stopped").length, 1);
});

test("two instances run side by side, each with its own state and credentials", async () => {
  const a = { port: await freePort(), dir: tmp() };
  const b = { port: await freePort(), dir: tmp() };
  started.push(a, b);
  const flags = (s: typeof a) => ["--port", String(s.port), "--data-dir", s.dir];
  for (const s of [a, b]) assert.equal((await runRecorded(["sandbox", "start", ...flags(s)])).code, 0);
  type Env = Record<string, string>;
  const envOf = async (s: typeof a) =>
    json<Env>((await runRecorded(["--json", "sandbox", "env", ...flags(s)])).host.stdoutText);
  const [envA, envB] = [await envOf(a), await envOf(b)];
  assert.notEqual(envA.AWS_ENDPOINT_URL, envB.AWS_ENDPOINT_URL);
  assert.notEqual(envA.AWS_SECRET_ACCESS_KEY, envB.AWS_SECRET_ACCESS_KEY);
});

test("concurrent commands (two processes) that need a sandbox share one started on demand", async () => {
  const s = { port: await freePort(), dir: tmp() };
  started.push(s);
  const flags = ["--json", "sandbox", "env", "--port", String(s.port), "--data-dir", s.dir];
  const [one, two] = await Promise.all([runBinary(flags), runBinary(flags)]);
  assert.equal(one.code, 0, one.stderr);
  assert.equal(two.code, 0, two.stderr);
  assert.deepEqual(JSON.parse(one.stdout), JSON.parse(two.stdout));
});

test("sandbox clock --advance moves the sandbox clock and reset empties it", async () => {
  const s = { port: await freePort(), dir: tmp() };
  started.push(s);
  const flags = ["--port", String(s.port), "--data-dir", s.dir];
  const clock = await runRecorded(["--json", "sandbox", "clock", "--advance", "300", ...flags]);
  assert.equal(clock.code, 0, clock.host.stderrText);
  assert.equal(json<{ offsetSeconds: number }>(clock.host.stdoutText).offsetSeconds, 300);
  const reset = await runRecorded(["sandbox", "reset", ...flags]);
  assert.equal(reset.code, 0);
  const after = await runRecorded(["--json", "sandbox", "clock", ...flags]);
  assert.equal(json<{ offsetSeconds: number }>(after.host.stdoutText).offsetSeconds, 0);
});

test("usage errors exit 2 with a message; --lang translates", async () => {
  const usage = async (args: string[]) => {
    const r = await runRecorded(args);
    assert.equal(r.code, 2, args.join(" "));
    return r;
  };
  const bad = await usage(["sandbox", "start", "--throttle", "fast", "--port", "1", "--data-dir", tmp()]);
  assert.deepEqual(bad.host.varsOf("cli.usageError"), [{ message: t("sandbox.badThrottle") }]);
  const ja = await usage(["--lang", "ja", "sandbox", "start", "--fail-rate", "2", "--data-dir", tmp()]);
  assert.equal(ja.host.varsOf("cli.usageError").length, 1);
  assert.match(ja.host.stderrText, /--fail-rate には 0 から 1 の数値/);
  const mode = await usage(["sandbox", "start", "--fail-mode", "sideways", "--data-dir", tmp()]);
  assert.deepEqual(mode.host.varsOf("cli.usageError"), [{ message: t("sandbox.badFailMode") }]);
  await usage(["no-such-command"]);
});
