/**
 * The destructive confirmation: anything but the exact word DELETE deletes nothing (in
 * process, with a scripted answer); DELETE typed in a real pseudo-terminal (`script`) goes
 * ahead, the scope menu answered from the keyboard too.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { t } from "../../src/io/i18n.js";
import { isolateCliEnvironment, withEnv } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { Terminal } from "../helpers/terminal.js";
import { assertWorkshopGone, thingNames } from "./cleanup-checks.js";
import { buildFleet, clientsFor } from "./cleanup-fixture.js";
import { target } from "./provision-helpers.js";

isolateCliEnvironment();

let sb: TestSandbox;

before(async () => {
  sb = await startSandbox();
});
after(async () => {
  await sb.dispose();
});
beforeEach(async () => {
  await sb.admin("reset");
});

test("a wrong confirmation word deletes nothing and exits 1 with one line saying so", async () => {
  const fleet = await buildFleet(sb, { count: 10 });
  const run = await withEnv({ AWS_IOT_LANG: "en" }, () =>
    runRecorded(["cleanup", "--scope", "all", ...target(sb)], {
      interactive: true,
      answers: [{ key: "cleanup.confirm.prompt", answer: "delete" }],
    }),
  );
  assert.equal(run.code, 1, run.host.stderrText);
  assert.equal(run.host.stderrText.trim().split("\n").at(-1), t("common.stopped.declined.nothingChanged"));
  const c = clientsFor(sb);
  assert.deepEqual((await thingNames(c)).sort(), fleet.things);
  c.destroy();
});

test("the scope menu and DELETE typed in a terminal clean up everything", async () => {
  const fleet = await buildFleet(sb, { count: 10 });
  const term = new Terminal(["cleanup", ...target(sb)]);
  const code = await term.converse([
    { after: /What should be cleaned up/, type: "\r" },
    { after: /Type DELETE/, type: "DELETE\r" },
  ]);
  assert.equal(code, 0, term.text);
  assert.match(term.text, /Cleanup complete/);
  await assertWorkshopGone(sb, fleet);
});
