/**
 * Targets and cross-cutting flags as a user meets them: an explicit endpoint (flag or
 * AWS_ENDPOINT_URL) with the standard credential chain and the confirmation before changes,
 * and --debug printing every call, in process (a recording host); the interactive language
 * choice end to end in a pseudo-terminal.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { createServer, request } from "node:http";
import { IoTClient, ListThingsCommand } from "@aws-sdk/client-iot";
import { t } from "../../src/io/i18n.js";
import { isolateCliEnvironment, withEnv } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { type TestSandbox, startSandbox } from "../helpers/sandbox.js";
import { Terminal } from "../helpers/terminal.js";
import { SMALL_PLAN, target } from "./provision-helpers.js";

isolateCliEnvironment();

let sb: TestSandbox;
before(async () => {
  sb = await startSandbox();
});
after(() => sb.dispose());

/** The standard credential chain of an AWS tool pointed at this sandbox, no iotdm flags. */
const credentials = () => ({
  AWS_ACCESS_KEY_ID: sb.credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: sb.credentials.secretAccessKey,
  AWS_REGION: "us-east-1",
  AWS_CONFIG_FILE: "/dev/null",
  AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
});

test("--endpoint-url: an explicit endpoint with the standard credential chain; a sandbox behind it is labelled so", async () => {
  const r = await withEnv(credentials(), () =>
    runRecorded([
      "--yes",
      "provision",
      "--count",
      "4",
      "--things-prefix",
      "Ep-",
      "--endpoint-url",
      sb.endpoint,
    ]),
  );
  assert.equal(r.code, 0, r.host.stderrText);
  const summary = r.host.varsOf("target.summary");
  assert.deepEqual(
    summary.map((v) => [v.target, v.pacing]),
    [[`sandbox ${sb.endpoint}`, t("target.unpaced")]],
  );
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
    const refused = await withEnv(env, () => runRecorded(["provision", "--count", "2", ...SMALL_PLAN]));
    assert.equal(refused.code, 2);
    assert.deepEqual(refused.host.varsOf("cli.usageError"), [
      { message: t("common.promptNeedsTerminal", { flag: "--yes" }) },
    ]);
    const dry = await withEnv(env, () =>
      runRecorded(["--json", "cleanup", "--dry-run", "--scope", "all", "--things-prefix", "Ep-"]),
    );
    assert.equal(dry.code, 0, dry.host.stderrText);
    const report = JSON.parse(dry.host.stdoutText) as { target: string; paced: boolean };
    assert.equal(report.target, `endpoint ${endpoint.url}`);
    assert.equal(report.paced, true);
  } finally {
    endpoint.close();
  }
});

test("--debug prints every SDK call with its input and full response", async () => {
  const r = await runRecorded([
    ...["--yes", "--debug", "provision", "--count", "2", "--things-prefix", "Dbg-"],
    ...target(sb),
  ]);
  assert.equal(r.code, 0, r.host.stderrText);
  // The calls are data printed as they are: asserted on the text.
  const out = r.host.stdoutText;
  assert.match(out, /🔍 IoTClient\.CreateThing/);
  assert.match(out, /"thingName": "Dbg-001"/);
  assert.match(out, /📥 \{[\s\S]*"thingArn": "arn:aws:iot:us-east-1:\d{12}:thing\/Dbg-001"/);
  assert.match(out, /🔍 IoTDataPlaneClient\.UpdateThingShadow/);
});

test("in a terminal without --lang or AWS_IOT_LANG, the workshop asks for a language", async () => {
  // Its own IOTDM_HOME: the choice is remembered there, and must not reach other tests.
  const home = mkdtempSync(join(tmpdir(), "iotdm-lang-"));
  const term = new Terminal(["cleanup", "--dry-run", "--scope", "things", ...target(sb)], {
    env: { IOTDM_HOME: home, AWS_IOT_LANG: undefined },
  });
  await term.answer(/Language/, "\x1b[B\x1b[B\r"); // third choice: 한국어
  await term.exited;
  assert.match(term.text, /한국어/);
  assert.match(term.text, /정리|삭제/);
  rmSync(home, { recursive: true, force: true });
});
