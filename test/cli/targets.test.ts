/**
 * Targets and cross-cutting flags as a user meets them: an explicit endpoint (flag or
 * AWS_ENDPOINT_URL) with the standard credential chain and the confirmation before changes,
 * --debug printing every call, and the interactive language choice.
 */
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { createServer, request } from "node:http";
import { promisify } from "node:util";
import { IoTClient, ListThingsCommand } from "@aws-sdk/client-iot";
import { CLI, type TestSandbox, startSandbox } from "../helpers/sandbox.js";
import { SMALL_PLAN } from "./provision-helpers.js";

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

test("--endpoint-url: an explicit endpoint with the standard credential chain; a sandbox behind it is labelled so", async () => {
  const r = await iotdm(
    ["--yes", "provision", "--count", "4", "--things-prefix", "Ep-", "--endpoint-url", sb.endpoint],
    credentials(),
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`Target: sandbox ${sb.endpoint.replace(/\./g, "\\.")} \\(not paced\\)`));
  const things = await new IoTClient(sb.config).send(new ListThingsCommand({}));
  assert.deepEqual(
    things.things?.map((t) => t.thingName).filter((n) => n?.startsWith("Ep-")),
    ["Ep-001", "Ep-002", "Ep-003", "Ep-004"],
  );
});

/**
 * An AWS-compatible endpoint that is not an iotdm sandbox: a proxy to the test sandbox that
 * answers 404 under /_iotdm/ (so it is not recognised as a sandbox). The Host header is passed
 * on unchanged, so SigV4 signatures still verify.
 */
async function plainEndpoint(): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith("/_iotdm/")) return void res.writeHead(404).end();
    const upstream = request(
      { host: "127.0.0.1", port: sb.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

test("AWS_ENDPOINT_URL that is not a sandbox wins over the default sandbox: labelled endpoint, paced, and without a terminal the confirmation needs --yes", async () => {
  const endpoint = await plainEndpoint();
  try {
    const env = { ...credentials(), AWS_ENDPOINT_URL: endpoint.url };
    const refused = await iotdm(["provision", "--count", "2", ...SMALL_PLAN], env);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--yes/);
    const dry = await iotdm(
      ["--json", "cleanup", "--dry-run", "--scope", "all", "--things-prefix", "Ep-"],
      env,
    );
    assert.equal(dry.code, 0, dry.stderr);
    const report = JSON.parse(dry.stdout) as { target: string; paced: boolean };
    assert.equal(report.target, `endpoint ${endpoint.url}`);
    assert.equal(report.paced, true);
  } finally {
    endpoint.close();
  }
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
  // Its own IOTDM_HOME: the choice is remembered there, and must not reach other tests.
  const home = mkdtempSync(join(tmpdir(), "iotdm-lang-"));
  const env = { ...process.env, NO_COLOR: "1", IOTDM_HOME: home } as Record<string, string>;
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
  rmSync(home, { recursive: true, force: true });
});
