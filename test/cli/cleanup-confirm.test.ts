/**
 * The destructive confirmation: anything but the exact word DELETE deletes nothing (in
 * process, with a scripted answer); DELETE typed in a real pseudo-terminal (`script`) goes
 * ahead, the scope menu answered from the keyboard too.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, before, beforeEach, test } from "node:test";
import { t } from "../../src/io/i18n.js";
import { isolateCliEnvironment, withEnv } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { CLI, startSandbox, type TestSandbox } from "../helpers/sandbox.js";
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

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/** Runs the CLI in a pseudo-terminal, typing each answer once its prompt has appeared. */
function inTerminal(
  args: string[],
  answers: Array<{ after: RegExp; type: string }>,
): Promise<{ code: number; output: string }> {
  const command = [process.execPath, CLI, ...args, ...target(sb)].map(quote).join(" ");
  const child = spawn("script", ["-qfec", command, "/dev/null"], {
    env: { ...process.env, NO_COLOR: "1", AWS_IOT_LANG: "en" },
  });
  let output = "";
  let seen = 0;
  let next = 0;
  child.stdout.on("data", (d: Buffer) => {
    output += d.toString("utf8");
    const answer = answers[next];
    if (answer && answer.after.test(output.slice(seen))) {
      next++;
      seen = output.length;
      setTimeout(() => child.stdin.write(answer.type), 300);
    }
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
  return new Promise((resolve) => {
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, output });
    });
  });
}

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
  const run = await inTerminal(
    ["cleanup"],
    [
      { after: /What should be cleaned up/, type: "\r" },
      { after: /Type DELETE/, type: "DELETE\r" },
    ],
  );
  assert.equal(run.code, 0, run.output);
  assert.match(run.output, /Cleanup complete/);
  await assertWorkshopGone(sb, fleet);
});
