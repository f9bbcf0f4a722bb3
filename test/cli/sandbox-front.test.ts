/**
 * The CLI side of the sandbox front: `iotdm sandbox logs [-f] [--json]` shows what the instance
 * answered (through the token-protected admin API), and `--host` beyond loopback warns and keeps
 * authentication on.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  CreateThingCommand,
  DescribeThingCommand,
  IoTClient,
  ListThingTypesCommand,
} from "@aws-sdk/client-iot";
import { runBinary } from "../helpers/binary.js";
import { CLI, freePort, startSandbox, type TestSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
let flags: string[];
before(async () => {
  sb = await startSandbox();
  flags = ["--port", String(sb.port), "--data-dir", sb.dataDir];
  const iot = new IoTClient(sb.config);
  await iot.send(new CreateThingCommand({ thingName: "logged-thing" }));
  await iot.send(new DescribeThingCommand({ thingName: "no-such-thing" })).catch(() => undefined);
});
after(() => sb.dispose());

test("sandbox logs: a table of the calls answered, errors included, with the catalog's column names", async () => {
  const out = await runBinary(["sandbox", "logs", ...flags]);
  assert.equal(out.code, 0, out.stderr);
  const lines = out.stdout.trim().split("\n");
  assert.match(lines[0], /^TIME\s+SERVICE\s+OPERATION\s+STATUS\s+MS\s+ERROR\s+REQUEST ID$/);
  assert.ok(
    lines.some((l) => /\biot\s+CreateThing\s+200\b/.test(l)),
    out.stdout,
  );
  assert.ok(
    lines.some((l) => /DescribeThing\s+404\s+\S+\s+ResourceNotFoundException/.test(l)),
    out.stdout,
  );
  const ja = await runBinary(["--lang", "ja", "sandbox", "logs", ...flags]);
  assert.match(ja.stdout.split("\n")[0], /オペレーション/);
});

test("sandbox logs --json: one JSON object per call, without credentials", async () => {
  const out = await runBinary(["--json", "sandbox", "logs", ...flags]);
  assert.equal(out.code, 0, out.stderr);
  const entries = out.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const created = entries.find((e) => e.operation === "CreateThing");
  assert.ok(created);
  assert.equal(created.service, "iot");
  assert.equal(created.status, 200);
  assert.equal(typeof created.latencyMs, "number");
  assert.equal(typeof created.requestId, "string");
  assert.ok(!out.stdout.includes(sb.credentials.secretAccessKey));
  assert.ok(!out.stdout.includes(sb.credentials.accessKeyId));
  const lines = await runBinary(["--json", "sandbox", "logs", "--lines", "1", ...flags]);
  assert.equal(lines.stdout.trim().split("\n").length, 1);
});

test("sandbox logs -f follows new calls until Ctrl-C, which exits 130", async () => {
  const child = spawn(process.execPath, [CLI, "--json", "sandbox", "logs", "-f", ...flags], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  const seen = new Promise<void>((resolve) => {
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
      if (stdout.includes('"operation":"ListThingTypes"')) resolve();
    });
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new IoTClient(sb.config).send(new ListThingTypesCommand({}));
  await seen;
  child.kill("SIGINT");
  assert.equal(await exited, 130);
});

test("sandbox serve --host beyond loopback refuses --no-auth (usage error) and warns without it", async () => {
  const refused = await runBinary([
    "sandbox",
    "serve",
    "--host",
    "0.0.0.0",
    "--no-auth",
    "--port",
    String(await freePort()),
  ]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /--no-auth is refused with --host 0\.0\.0\.0/);

  const dir = mkdtempSync(join(tmpdir(), "iotdm-exposed-"));
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [CLI, "sandbox", "serve", "--host", "0.0.0.0", "--port", String(port), "--data-dir", dir],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const exited = new Promise((resolve) => child.once("exit", resolve));
  await new Promise<void>((resolve) => {
    const onData = (c: Buffer) => {
      output += c.toString("utf8");
      if (/listening/.test(output)) resolve();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then(() => resolve());
  });
  child.kill("SIGTERM");
  await exited;
  rmSync(dir, { recursive: true, force: true });
  assert.match(output, /Warning: the sandbox listens on 0\.0\.0\.0/);
});
