/**
 * The in-process CLI runner (issue 7 item 10): a run answers with its exit code and leaves the
 * process as it found it, so the CLI tests of one file cannot leak into each other.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { currentLanguage, initI18n, t } from "../../src/io/i18n.js";
import { isolateCliEnvironment } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { freePort } from "../helpers/sandbox.js";

isolateCliEnvironment();

test("a run in another language leaves the language of messages as it was", async () => {
  initI18n("en");
  const r = await runRecorded([
    "--lang",
    "ko",
    "sandbox",
    "status",
    "--sandbox-port",
    String(await freePort()),
  ]);
  assert.equal(r.code, 1);
  assert.match(r.host.stdoutText, /샌드박스|포트/);
  assert.equal(currentLanguage(), "en");
  assert.doesNotMatch(t("sandbox.notRunning", { port: 1, dataDir: "d" }), /샌드박스/);
});

test("a failed run answers its exit code and leaves process.exitCode alone", async () => {
  const usage = await runRecorded(["provision", "--count", "0"]);
  assert.equal(usage.code, 2);
  const failed = await runRecorded(["sandbox", "status", "--sandbox-port", String(await freePort())]);
  assert.equal(failed.code, 1);
  assert.equal(process.exitCode, undefined);
  assert.equal(process.listenerCount("SIGINT"), 0);
});
