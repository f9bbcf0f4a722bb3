/**
 * Targets and cross-cutting flags as a user meets them: an explicit endpoint (flag or
 * AWS_ENDPOINT_URL) with the standard credential chain and the confirmation before changes,
 * --debug printing every call, and the interactive language choice.
 */
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { IoTClient, ListThingsCommand } from "@aws-sdk/client-iot";
import { CLI, type TestSandbox, startSandbox } from "../helpers/sandbox.js";

const exec = promisify(execFile);

let sb: TestSandbox;
before(async () => {
  sb = await startSandbox();
});
after(() => sb.dispose());

async function iotdm(args: string[], env: Record<string, string> = {}) {
  try {
    const r = await exec(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
    return { code: 0, ...r };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** The standard credential chain of an AWS tool pointed at this sandbox, no iotdm flags. */
const credentials = () => ({
  AWS_ACCESS_KEY_ID: sb.credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: sb.credentials.secretAccessKey,
  AWS_REGION: "us-east-1",
  AWS_CONFIG_FILE: "/dev/null",
  AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
});

test("--endpoint-url: an explicit endpoint with the standard credential chain, confirmed by --yes", async () => {
  const r = await iotdm(
    ["--yes", "provision", "--count", "4", "--things-prefix", "Ep-", "--endpoint-url", sb.endpoint],
    credentials(),
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`Target: endpoint ${sb.endpoint.replace(/\./g, "\\.")}`));
  const things = await new IoTClient(sb.config).send(new ListThingsCommand({}));
  assert.deepEqual(
    things.things?.map((t) => t.thingName).filter((n) => n?.startsWith("Ep-")),
    ["Ep-001", "Ep-002", "Ep-003", "Ep-004"],
  );
});

test("AWS_ENDPOINT_URL wins over the default sandbox; without a terminal the confirmation needs --yes", async () => {
  const env = { ...credentials(), AWS_ENDPOINT_URL: sb.endpoint };
  const refused = await iotdm(
    [
      "provision",
      "--count",
      "2",
      "--thing-types",
      "SedanVehicle",
      "--versions",
      "1.0.0",
      "--continent",
      "1",
      "--countries",
      "1",
    ],
    env,
  );
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /--yes/);
  const dry = await iotdm(
    ["--json", "cleanup", "--dry-run", "--scope", "all", "--things-prefix", "Ep-"],
    env,
  );
  assert.equal(dry.code, 0, dry.stderr);
  const report = JSON.parse(dry.stdout) as { dryRun?: boolean };
  assert.ok(report);
});

test("--debug prints every SDK call with its input and full response", async () => {
  const r = await iotdm([
    "--yes",
    "--debug",
    "provision",
    "--count",
    "2",
    "--things-prefix",
    "Dbg-",
    "--sandbox-port",
    String(sb.port),
    "--sandbox-dir",
    sb.dataDir,
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /🔍 IoTClient\.CreateThing/);
  assert.match(r.stdout, /"thingName": "Dbg-001"/);
  assert.match(r.stdout, /📥 \{[\s\S]*"thingArn": "arn:aws:iot:us-east-1:\d{12}:thing\/Dbg-001"/);
  assert.match(r.stdout, /🔍 IoTDataPlaneClient\.UpdateThingShadow/);
});

test("in a terminal without --lang or AWS_IOT_LANG, the workshop asks for a language", async () => {
  const env = { ...process.env, NO_COLOR: "1" } as Record<string, string>;
  delete env.AWS_IOT_LANG;
  const command = `${process.execPath} ${CLI} cleanup --dry-run --scope things --sandbox-port ${sb.port} --sandbox-dir ${sb.dataDir}`;
  const child = spawn("script", ["-qfec", command, "/dev/null"], { env });
  let output = "";
  child.stdout.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const deadline = Date.now() + 20_000;
  while (!/Language/.test(output) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  child.stdin.write("\x1b[B\x1b[B\r"); // third choice: 한국어
  await new Promise((r) => child.once("exit", r));
  assert.match(output, /한국어/);
  assert.match(output, /정리|삭제/);
});
