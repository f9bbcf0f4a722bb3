/**
 * Item 8 of issue 7, in process: --version, global options in every help, the language
 * (an unsupported --lang, an unsupported AWS_IOT_LANG, the remembered choice), --json on
 * failure, --aws checked before planning, `sandbox status` hiding the secret, a busy port,
 * the line of an on-demand start, and --index-build-delay as a flag.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { type Socket, createServer } from "node:net";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { DescribeIndexCommand, IoTClient, UpdateIndexingConfigurationCommand } from "@aws-sdk/client-iot";
import { t } from "../../src/io/i18n.js";
import { findRunning, instanceRef, stopInstance } from "../../src/sandbox/control.js";
import { isolateCliEnvironment, withEnv, words } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { type TestSandbox, freePort, startSandbox } from "../helpers/sandbox.js";
import { target } from "./provision-helpers.js";

const home = isolateCliEnvironment();
const VERSION = (
  JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

let sb: TestSandbox;
before(async () => {
  sb = await startSandbox();
});
after(() => sb.dispose());

const failure = (stdout: string) =>
  JSON.parse(stdout) as { ok: boolean; error: { code: string; message: string } };
const flagProblem = (flag: string, problem: string) => t("common.flagProblem", { flag, problem });

test("--version prints the version of package.json", async () => {
  const r = await runRecorded(["--version"]);
  assert.equal(r.code, 0);
  assert.equal(r.host.stdoutText.trim(), VERSION);
});

test("every subcommand's help shows the global options", async () => {
  const commands = [
    ["workshop"],
    ["provision"],
    ["cleanup"],
    ["dynamic-groups"],
    ["check"],
    ...["start", "serve", "stop", "status", "reset", "env", "clock"].map((s) => ["sandbox", s]),
  ];
  for (const words of commands) {
    const r = await runRecorded([...words, "--help"]);
    assert.equal(r.code, 0, words.join(" "));
    for (const option of ["--lang", "--json", "--yes", "--debug", "--version"])
      assert.ok(r.host.stdoutText.includes(option), `${words.join(" ")} --help lacks ${option}`);
  }
});

test("an unsupported --lang is a usage error listing the supported languages", async () => {
  const r = await runRecorded(["--lang", "de", "cleanup", "--dry-run", ...target(sb)]);
  assert.equal(r.code, 2);
  assert.deepEqual(r.host.varsOf("cli.usageError"), [
    { message: flagProblem("--lang", t("cli.badLang", { lang: "de", supported: "en, ja, ko" })) },
  ]);
});

test("an unsupported AWS_IOT_LANG is a warning, and the command runs in English", async () => {
  await withEnv({ AWS_IOT_LANG: "de" }, async () => {
    const r = await runRecorded(["dynamic-groups", "list", ...target(sb)]);
    assert.equal(r.code, 0, r.host.stderrText);
    assert.deepEqual(r.host.saidWith("cli.badLangVariable")[0]?.vars, {
      lang: "de",
      supported: "en, ja, ko",
    });
    assert.match(r.host.stdoutText, /dynamic thing groups/i);
  });
});

test("the language chosen at the interactive menu is remembered in config.json; --lang and AWS_IOT_LANG override it", async () => {
  const file = join(home, "config.json");
  const chosen = await runRecorded(["dynamic-groups", "list", ...target(sb)], {
    interactive: true,
    answers: [{ key: "cli.chooseLanguage", answer: "ja" }],
  });
  assert.equal(chosen.code, 0, chosen.host.stderrText);
  assert.equal((JSON.parse(readFileSync(file, "utf8")) as { language: string }).language, "ja");
  assert.equal(chosen.host.saidWith("cli.languageRemembered").length, 1);
  assert.match(chosen.host.stdoutText, /動的/);

  // No menu now (the script has no answer for one), and Japanese again.
  const again = await runRecorded(["dynamic-groups", "list", ...target(sb)], { interactive: true });
  assert.match(again.host.stdoutText, /動的/);
  const flag = await runRecorded(["--lang", "en", "dynamic-groups", "list", ...target(sb)], {
    interactive: true,
  });
  assert.match(flag.host.stdoutText, /dynamic thing groups/i);
  await withEnv({ AWS_IOT_LANG: "ko" }, async () => {
    const variable = await runRecorded(["dynamic-groups", "list", ...target(sb)], { interactive: true });
    assert.match(variable.host.stdoutText, /동적/);
  });
  writeFileSync(file, "{}");
});

test('--json prints {"ok":false,"error":{code,message}} on usage errors and failures', async () => {
  const usage = await runRecorded(["--json", "provision", "--count", "0", ...target(sb)]);
  assert.equal(usage.code, 2);
  assert.deepEqual(failure(usage.host.stdoutText), {
    ok: false,
    error: { code: "UsageError", message: flagProblem("--count", t("provision.input.countInvalid")) },
  });
  const unknown = await runRecorded(["--json", "provision", "--no-such-flag"]);
  assert.equal(unknown.code, 2);
  assert.equal(failure(unknown.host.stdoutText).error.code, "UsageError");
  const notRunning = await runRecorded([
    ...words(`--json sandbox status --sandbox-port`),
    String(await freePort()),
  ]);
  assert.equal(notRunning.code, 1);
});

test("--aws checks the region before planning and explains the fix", async () => {
  await withEnv(
    { AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY: "x".repeat(40) },
    async () => {
      const r = await runRecorded(["--yes", "provision", "--aws", "--count", "3"]);
      assert.equal(r.code, 2);
      assert.deepEqual(r.host.varsOf("cli.usageError"), [{ message: t("target.aws.noRegion") }]);
      assert.deepEqual(r.host.saidWith("provision.plan.title"), [], "nothing was planned");
    },
  );
});

test("--aws names a missing profile and how to create it", async () => {
  const r = await runRecorded(words(`--yes provision --aws --profile nosuch --region us-east-1`));
  assert.equal(r.code, 2);
  assert.deepEqual(r.host.varsOf("cli.usageError"), [
    { message: t("target.aws.noProfile", { profile: "nosuch", files: "/dev/null, /dev/null" }) },
  ]);
});

test("--aws without credentials says to run aws configure", async () => {
  const r = await runRecorded(["--yes", "cleanup", "--dry-run", "--aws", "--region", "us-east-1"]);
  assert.equal(r.code, 2);
  // The SDK's own reason ends the message.
  const noCredentials = t("target.aws.noCredentials", { message: "" }).replace(/ \(\)$/, "");
  const [usage] = r.host.varsOf("cli.usageError");
  assert.ok(String(usage?.message).startsWith(noCredentials), String(usage?.message));
});

test("--aws fails fast when AWS does not answer: a short timeout, no ten adaptive retries", async () => {
  // A server that accepts connections and never answers: without a timeout the call would hang.
  const held: Socket[] = [];
  const silent = createServer((socket) => held.push(socket));
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", () => r()));
  const address = silent.address() as { port: number };
  try {
    await withEnv(
      {
        AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
        AWS_SECRET_ACCESS_KEY: "x".repeat(40),
        AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${address.port}`,
      },
      async () => {
        const r = await runRecorded(words(`--json --yes cleanup --dry-run --aws --region us-east-1`));
        assert.equal(r.code, 1, r.host.stderrText);
        assert.equal(failure(r.host.stdoutText).error.code, "TargetUnreachable");
        assert.match(r.host.stderrText, /AWS did not answer/);
      },
    );
  } finally {
    for (const socket of held) socket.destroy();
    silent.close();
  }
});

test("sandbox status --json hides the secret access key unless --show-secret", async () => {
  const hidden = await runRecorded(["--json", "sandbox", "status", ...target(sb)]);
  assert.equal(hidden.code, 0);
  const status = JSON.parse(hidden.host.stdoutText) as Record<string, unknown>;
  assert.equal(status.running, true);
  assert.equal(status.accessKeyId, sb.credentials.accessKeyId);
  assert.ok(!("secretAccessKey" in status));
  assert.ok(!hidden.host.stdoutText.includes(sb.credentials.secretAccessKey));
  const shown = await runRecorded(["--json", "sandbox", "status", "--show-secret", ...target(sb)]);
  assert.equal(
    (JSON.parse(shown.host.stdoutText) as Record<string, unknown>).secretAccessKey,
    sb.credentials.secretAccessKey,
  );
});

test("a port held by another program is one clear line for sandbox start and serve", async () => {
  const holder = createServer();
  await new Promise<void>((r) => holder.listen(0, "127.0.0.1", () => r()));
  const port = (holder.address() as { port: number }).port;
  try {
    for (const sub of ["start", "serve"]) {
      const r = await runRecorded([
        ...words(`sandbox ${sub} --sandbox-port ${port} --sandbox-dir`),
        join(home, sub),
      ]);
      assert.equal(r.code, 1, sub);
      const lines = r.host.stderrText.trim().split("\n");
      assert.equal(lines.length, 1, r.host.stderrText);
      assert.deepEqual(r.host.varsOf("cli.failed"), [
        { message: t("target.portBusy", { port, host: "127.0.0.1" }) },
      ]);
    }
  } finally {
    holder.close();
  }
});

test("a sandbox started on demand says in one line where it runs and how to stop it; env stays only exports", async () => {
  const port = await freePort();
  const dir = join(home, "on-demand");
  try {
    const r = await runRecorded(["sandbox", "env", "--sandbox-port", String(port), "--sandbox-dir", dir]);
    assert.equal(r.code, 0, r.host.stderrText);
    const started = r.host.saidWith("target.sandboxStarted");
    assert.equal(started.length, 1);
    assert.equal(started[0].vars.endpoint, `http://127.0.0.1:${port}`);
    assert.equal(started[0].vars.stop, `iotdm sandbox stop --sandbox-port ${port} --sandbox-dir ${dir}`);
    assert.equal(r.host.stderrText.trim().split("\n").length, 1);
    assert.ok(
      r.host.stdoutText
        .trim()
        .split("\n")
        .every((l) => l.startsWith("export ")),
    );
    const again = await runRecorded(["sandbox", "env", "--sandbox-port", String(port), "--sandbox-dir", dir]);
    assert.deepEqual(
      again.host.saidWith("target.sandboxStarted"),
      [],
      "an instance already running is not announced",
    );
  } finally {
    await stopInstance(instanceRef({ port, dataDir: dir }));
  }
});

test("sandbox start --index-build-delay is passed to the instance (IDX-4: a new index stays BUILDING)", async () => {
  const port = await freePort();
  const dir = join(home, "index-delay");
  try {
    const r = await runRecorded(
      words(`sandbox start --index-build-delay 3600 --sandbox-port ${port} --sandbox-dir ${dir}`),
    );
    assert.equal(r.code, 0, r.host.stderrText);
    const running = await findRunning(instanceRef({ port, dataDir: dir }));
    assert.ok(running);
    const iot = new IoTClient({
      endpoint: running.endpoint,
      region: running.region,
      credentials: { accessKeyId: running.accessKeyId, secretAccessKey: running.secretAccessKey },
    });
    await iot.send(
      new UpdateIndexingConfigurationCommand({
        thingIndexingConfiguration: { thingIndexingMode: "REGISTRY" },
      }),
    );
    const index = await iot.send(new DescribeIndexCommand({ indexName: "AWS_Things" }));
    assert.equal(index.indexStatus, "BUILDING");
    iot.destroy();
  } finally {
    await stopInstance(instanceRef({ port, dataDir: dir }));
  }
});
