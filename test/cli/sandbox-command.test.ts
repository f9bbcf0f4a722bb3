/**
 * `iotdm sandbox ...` run as a user runs it: start/status/env/stop/reset/clock, two
 * instances side by side, on-demand start shared by concurrent processes, usage errors,
 * and the exports of `sandbox env` driving the AWS CLI unchanged.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { promisify } from "node:util";
import { CLI, freePort } from "../helpers/sandbox.js";

const exec = promisify(execFile);
const dirs: string[] = [];
const started: Array<{ port: number; dir: string }> = [];

function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), "iotdm-cli-"));
  dirs.push(d);
  return d;
}

async function iotdm(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await exec(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

after(async () => {
  for (const s of started) await iotdm(["sandbox", "stop", "--port", String(s.port), "--data-dir", s.dir]);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test("sandbox start, status, env, stop round-trip with --port and --data-dir", async () => {
  const port = await freePort();
  const dir = tmp();
  started.push({ port, dir });
  const flags = ["--port", String(port), "--data-dir", dir];
  const start = await iotdm(["sandbox", "start", ...flags]);
  assert.equal(start.code, 0, start.stderr);
  assert.match(start.stdout, new RegExp(`127\\.0\\.0\\.1:${port}`));

  const again = await iotdm(["sandbox", "start", ...flags]);
  assert.equal(again.code, 0);
  assert.match(again.stdout, /already running/);

  const status = await iotdm(["--json", "sandbox", "status", ...flags]);
  assert.equal(status.code, 0);
  const st = JSON.parse(status.stdout) as { running: boolean; port: number; dataDir: string };
  assert.equal(st.running, true);
  assert.equal(st.port, port);
  assert.equal(st.dataDir, dir);

  const env = await iotdm(["sandbox", "env", ...flags]);
  assert.equal(env.code, 0);
  const vars = Object.fromEntries(
    env.stdout
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

  const stop = await iotdm(["sandbox", "stop", ...flags]);
  assert.equal(stop.code, 0);
  const after = await iotdm(["sandbox", "status", ...flags]);
  assert.equal(after.code, 1);
  assert.match(after.stdout, /No sandbox runs/);
});

test("sandbox subcommands select an instance as workflow commands do: --sandbox-port/--sandbox-dir, or IOTDM_SANDBOX_PORT/IOTDM_SANDBOX_DIR", async () => {
  const port = await freePort();
  const dir = tmp();
  started.push({ port, dir });
  const start = await iotdm(["sandbox", "start", "--sandbox-port", String(port), "--sandbox-dir", dir]);
  assert.equal(start.code, 0, start.stderr);
  assert.match(
    start.stdout,
    new RegExp(`\`iotdm sandbox stop --sandbox-port ${port} --sandbox-dir ${dir}\` stops it`),
  );
  const byVariables = await iotdm(["--json", "sandbox", "status"], {
    IOTDM_SANDBOX_PORT: String(port),
    IOTDM_SANDBOX_DIR: dir,
  });
  assert.equal(byVariables.code, 0, byVariables.stderr);
  assert.equal((JSON.parse(byVariables.stdout) as { dataDir: string }).dataDir, dir);
  const stop = await iotdm(["sandbox", "stop", "--sandbox-port", String(port), "--sandbox-dir", dir]);
  assert.equal(stop.code, 0);
  assert.match(stop.stdout, /stopped/);
});

test("two instances run side by side, each with its own state and credentials", async () => {
  const a = { port: await freePort(), dir: tmp() };
  const b = { port: await freePort(), dir: tmp() };
  started.push(a, b);
  for (const s of [a, b])
    assert.equal((await iotdm(["sandbox", "start", "--port", String(s.port), "--data-dir", s.dir])).code, 0);
  const envA = JSON.parse(
    (await iotdm(["--json", "sandbox", "env", "--port", String(a.port), "--data-dir", a.dir])).stdout,
  );
  const envB = JSON.parse(
    (await iotdm(["--json", "sandbox", "env", "--port", String(b.port), "--data-dir", b.dir])).stdout,
  );
  assert.notEqual(envA.AWS_ENDPOINT_URL, envB.AWS_ENDPOINT_URL);
  assert.notEqual(envA.AWS_SECRET_ACCESS_KEY, envB.AWS_SECRET_ACCESS_KEY);
});

test("concurrent commands that need a sandbox share one started on demand", async () => {
  const s = { port: await freePort(), dir: tmp() };
  started.push(s);
  const flags = ["--json", "sandbox", "env", "--port", String(s.port), "--data-dir", s.dir];
  const [one, two] = await Promise.all([iotdm(flags), iotdm(flags)]);
  assert.equal(one.code, 0, one.stderr);
  assert.equal(two.code, 0, two.stderr);
  assert.deepEqual(JSON.parse(one.stdout), JSON.parse(two.stdout));
});

test("sandbox clock --advance moves the sandbox clock and reset empties it", async () => {
  const s = { port: await freePort(), dir: tmp() };
  started.push(s);
  const flags = ["--port", String(s.port), "--data-dir", s.dir];
  const clock = await iotdm(["--json", "sandbox", "clock", "--advance", "300", ...flags]);
  assert.equal(clock.code, 0, clock.stderr);
  assert.equal(JSON.parse(clock.stdout).offsetSeconds, 300);
  const reset = await iotdm(["sandbox", "reset", ...flags]);
  assert.equal(reset.code, 0);
  const after = await iotdm(["--json", "sandbox", "clock", ...flags]);
  assert.equal(JSON.parse(after.stdout).offsetSeconds, 0);
});

test("usage errors exit 2 with a message; --lang translates", async () => {
  const bad = await iotdm(["sandbox", "start", "--throttle", "fast", "--port", "1", "--data-dir", tmp()]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--throttle takes off or aws/);
  const ja = await iotdm(["--lang", "ja", "sandbox", "start", "--fail-rate", "2", "--data-dir", tmp()]);
  assert.equal(ja.code, 2);
  assert.match(ja.stderr, /--fail-rate には 0 から 1 の数値/);
  const mode = await iotdm(["sandbox", "start", "--fail-mode", "sideways", "--data-dir", tmp()]);
  assert.equal(mode.code, 2);
  assert.match(mode.stderr, /--fail-mode takes before, after or both/);
  const unknown = await iotdm(["no-such-command"]);
  assert.equal(unknown.code, 2);
});
