/**
 * Item 8 of issue 7, in process with scripted answers: wizards ask again on an invalid answer
 * (keeping the earlier answers), a declined confirmation or a mistyped DELETE exits 1 and
 * Ctrl-C at a prompt exits 130, each with one line on what was done; hints carry the flags
 * that selected the target; a re-run that would re-type things says so and asks; the tour
 * stops the sandbox it started and only that one.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { DescribeThingCommand, DescribeThingGroupCommand, IoTClient } from "@aws-sdk/client-iot";
import { type MessageKey, t } from "../../src/io/i18n.js";
import { ensureRunning, findRunning, instanceRef, stopInstance } from "../../src/sandbox/control.js";
import { DEFAULT_PORT, defaultMqttPort } from "../../src/sandbox/settings.js";
import { TOUR_SANDBOX_PORT } from "../../src/cli/commands/workshop.js";
import { isolateCliEnvironment, withEnv, words } from "../helpers/cli-env.js";
import { type ScriptedAnswer, runRecorded } from "../helpers/recording-host.js";
import { type TestSandbox, freePort, startSandbox } from "../helpers/sandbox.js";
import { target } from "./provision-helpers.js";

const home = isolateCliEnvironment();
process.env.AWS_IOT_LANG = "en";

let sb: TestSandbox;
let iot: IoTClient;
before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  const fleet = await runRecorded([
    ...words(`--yes provision --count 12 --things-prefix Ans-`),
    ...target(sb),
  ]);
  assert.equal(fleet.code, 0, fleet.host.stderrText);
});
after(async () => {
  iot.destroy();
  await sb.dispose();
});

const answer = (key: MessageKey, ...answers: string[]): ScriptedAnswer[] =>
  answers.map((a) => ({ key, answer: a }));

test("the dynamic-groups wizard asks again on an invalid answer and keeps the earlier answers; no criterion at all starts it over", async () => {
  const r = await runRecorded(["dynamic-groups", ...target(sb)], {
    interactive: true,
    answers: [
      ...answer("dynamicGroups.menu.prompt", "create"),
      ...answer("dynamicGroups.mode.prompt", "wizard"),
      // First pass: no criterion at all.
      ...answer("dynamicGroups.wizard.countries", ""),
      ...answer("dynamicGroups.wizard.thingTypes", ""),
      ...answer("dynamicGroups.wizard.versions", ""),
      ...answer("dynamicGroups.wizard.batteryBelow", ""),
      ...answer("dynamicGroups.wizard.batteryAbove", ""),
      // Second pass, with wrong answers asked again.
      ...answer("dynamicGroups.wizard.countries", "us"),
      ...answer("dynamicGroups.wizard.thingTypes", ""),
      ...answer("dynamicGroups.wizard.versions", "1.0.0", ""),
      ...answer("dynamicGroups.wizard.batteryBelow", "150", "100"),
      ...answer("dynamicGroups.wizard.batteryAbove", "abc", "30"),
      ...answer("dynamicGroups.namePrompt", "bad name!", "Wizard_Again"),
    ],
  });
  assert.equal(r.code, 0, r.host.stderrText);
  assert.equal(r.host.saidWith("dynamicGroups.criteria.none").length, 1);
  const refused = r.host.asked.filter((a) => a.refused).map((a) => [a.key, a.answer]);
  assert.deepEqual(refused, [
    ["dynamicGroups.wizard.versions", "1.0.0"],
    ["dynamicGroups.wizard.batteryBelow", "150"],
    ["dynamicGroups.wizard.batteryAbove", "abc"],
    ["dynamicGroups.namePrompt", "bad name!"],
  ]);
  const group = await iot.send(new DescribeThingGroupCommand({ thingGroupName: "Wizard_Again" }));
  assert.equal(group.queryString, "attributes.country:US AND shadow.reported.batteryStatus:[30 TO 100]");
});

test("a declined confirmation exits 1 with one line saying nothing was changed (a wrong yes/no is asked again)", async () => {
  const r = await runRecorded(["dynamic-groups", "delete", "--name", "Wizard_Again", ...target(sb)], {
    interactive: true,
    answers: answer("dynamicGroups.delete.confirm", "maybe", "n"),
  });
  assert.equal(r.code, 1);
  assert.equal(r.host.asked[0].refused, t("common.answerYesOrNo"));
  assert.ok(r.host.stderrText.includes(t("common.stopped.declined.nothingChanged")), r.host.stderrText);
  await iot.send(new DescribeThingGroupCommand({ thingGroupName: "Wizard_Again" }));
});

test("a mistyped DELETE exits 1, deletes nothing, and says so (also under --json)", async () => {
  const r = await runRecorded(
    ["--json", "cleanup", "--scope", "things", "--things-prefix", "Ans-", ...target(sb)],
    {
      interactive: true,
      answers: answer("cleanup.confirm.prompt", "delete"),
    },
  );
  assert.equal(r.code, 1);
  const out = JSON.parse(r.host.stdoutText) as { ok: boolean; error: { code: string; message: string } };
  assert.deepEqual(out, {
    ok: false,
    error: { code: "Declined", message: t("common.stopped.declined.nothingChanged") },
  });
  await iot.send(new DescribeThingCommand({ thingName: "Ans-001" }));
});

test("Ctrl-C at a prompt exits 130 with one line saying nothing was changed", async () => {
  const r = await runRecorded(["provision", "--things-prefix", "Cancel-", ...target(sb)], {
    interactive: true,
    answers: answer("provision.prompt.debug", "^C"),
  });
  assert.equal(r.code, 130);
  assert.equal(r.host.stderrText.trim().split("\n").at(-1), t("common.stopped.interrupted.nothingChanged"));
});

test("the Next hint after provision carries the flags that selected the target", async () => {
  const bySandbox = await runRecorded([
    ...words(`--yes provision --count 2 --things-prefix Hint-`),
    ...target(sb),
  ]);
  assert.equal(bySandbox.code, 0, bySandbox.host.stderrText);
  assert.equal(
    bySandbox.host.saidWith("provision.summary.next")[0].vars.command,
    `iotdm cleanup --things-prefix Hint- --sandbox-port ${sb.port} --sandbox-dir ${sb.dataDir}`,
  );
  await withEnv(
    { AWS_ACCESS_KEY_ID: sb.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: sb.credentials.secretAccessKey },
    async () => {
      const byEndpoint = await runRecorded(
        words(
          `--yes provision --count 2 --things-prefix Hint- --endpoint-url ${sb.endpoint} --region us-east-1`,
        ),
      );
      assert.equal(byEndpoint.code, 0, byEndpoint.host.stderrText);
      assert.equal(
        byEndpoint.host.saidWith("provision.summary.next")[0].vars.command,
        `iotdm cleanup --things-prefix Hint- --region us-east-1 --endpoint-url ${sb.endpoint}`,
      );
    },
  );
  const refused = await runRecorded([
    ...words(`--yes dynamic-groups create --name Nobody --query attributes.country:ZZ`),
    ...target(sb),
  ]);
  assert.equal(refused.code, 1);
  assert.equal(
    refused.host.saidWith("dynamicGroups.create.refused")[0].vars.command,
    `iotdm dynamic-groups test --query attributes.country:ZZ --sandbox-port ${sb.port} --sandbox-dir ${sb.dataDir}`,
  );
});

test("a provision re-run that would change existing things' type says so in its plan: declined changes nothing, --yes re-types and reports", async () => {
  const plan = words("--things-prefix Retype- --versions 1.0.0 --continent 1 --countries 1 --count 3");
  const first = await runRecorded([
    ...words(`--yes provision`),
    ...plan,
    ...words(`--thing-types SedanVehicle`),
    ...target(sb),
  ]);
  assert.equal(first.code, 0, first.host.stderrText);
  assert.deepEqual(first.host.saidWith("provision.plan.typeChanges"), []);

  const declined = await runRecorded(["provision", ...plan, "--thing-types", "TruckVehicle", ...target(sb)], {
    interactive: true,
    answers: answer("provision.plan.confirmTypeChanges", "n"),
  });
  assert.equal(declined.code, 1);
  assert.equal(declined.host.saidWith("provision.plan.typeChanges")[0].vars.count, 3);
  const before = await iot.send(new DescribeThingCommand({ thingName: "Retype-001" }));
  assert.equal(before.thingTypeName, "SedanVehicle");

  const accepted = await runRecorded([
    ...words(`--yes --json provision`),
    ...plan,
    ...words(`--thing-types TruckVehicle`),
    ...target(sb),
  ]);
  assert.equal(accepted.code, 0, accepted.host.stderrText);
  assert.equal((accepted.host.results[0] as { retyped: number }).retyped, 3);
  const after = await iot.send(new DescribeThingCommand({ thingName: "Retype-001" }));
  assert.equal(after.thingTypeName, "TruckVehicle");
});

test("the tour stops the sandbox it started, and not one that was already running", async () => {
  const port = await freePort();
  const dir = join(home, "tour");
  try {
    const own = await runRecorded(
      words(`--yes workshop --count 3 --sandbox-port ${port} --sandbox-dir ${dir}`),
    );
    assert.equal(own.code, 0, own.host.stderrText);
    assert.equal(own.host.saidWith("target.sandboxStarted").length, 1);
    assert.equal(own.host.saidWith("workshop.sandboxStopped").length, 1);
    assert.equal(await findRunning(instanceRef({ port, dataDir: dir })), undefined);
  } finally {
    await stopInstance(instanceRef({ port, dataDir: dir }));
  }
  const running = await startSandbox();
  try {
    const theirs = await runRecorded(
      words(`--yes workshop --count 3 --sandbox-port ${running.port} --sandbox-dir ${running.dataDir}`),
    );
    assert.equal(theirs.code, 0, theirs.host.stderrText);
    assert.deepEqual(theirs.host.saidWith("workshop.sandboxStopped"), []);
    assert.ok(await findRunning(instanceRef({ port: running.port, dataDir: running.dataDir })));
  } finally {
    await running.dispose();
  }
});

test("the tour's own sandbox runs beside the default instance: neither takes the other's HTTP or MQTT port", async () => {
  const tourPort = Number(TOUR_SANDBOX_PORT);
  const taken = [DEFAULT_PORT, defaultMqttPort(DEFAULT_PORT)];
  assert.deepEqual(
    [tourPort, defaultMqttPort(tourPort)].filter((p) => taken.includes(p)),
    [],
  );
  // For real: the default instance (HTTP 5566, broker 5567) is up while the tour starts its own.
  const byDefault = instanceRef({ port: DEFAULT_PORT, dataDir: join(home, "default-instance") });
  try {
    await ensureRunning(byDefault);
    const tour = await runRecorded(words("--yes workshop --count 3"));
    assert.equal(tour.code, 0, tour.host.stderrText);
    assert.equal(tour.host.saidWith("workshop.sandboxStopped").length, 1);
    assert.ok(await findRunning(byDefault), "the default instance still runs");
  } finally {
    await stopInstance(byDefault);
  }
});
