/**
 * `iotdm commands` as a user runs it, against a private `--no-auth` sandbox: create (a vehicle
 * command, a custom one, refused inputs), list, describe, delete (202 pending deletion), execute
 * on a thing and on a group with `--wait` while an mqtt.js device answers, status, history with
 * its filters, `--wait` ending TIMED_OUT with nobody connected, simulated cars offered for a
 * device that is not connected, and the menu in a terminal.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  AddThingToThingGroupCommand,
  CreateThingCommand,
  CreateThingGroupCommand,
  IoTClient,
  ListCommandExecutionsCommand,
  ListTagsForResourceCommand,
  SearchIndexCommand,
  UpdateIndexingConfigurationCommand,
} from "@aws-sdk/client-iot";
import type { MqttClient } from "mqtt";
import { isolateCliEnvironment } from "../helpers/cli-env.js";
import { connectMqtt } from "../helpers/mqtt.js";
import { runRecorded } from "../helpers/recording-host.js";
import { type TestSandbox, startSandbox } from "../helpers/sandbox.js";
import { Terminal } from "../helpers/terminal.js";
import { target } from "./provision-helpers.js";

isolateCliEnvironment();

let sb: TestSandbox;
let iot: IoTClient;
const cli = (...args: string[]) => runRecorded([...args, ...target(sb)]);
async function json<T>(...args: string[]): Promise<T> {
  const r = await cli("--yes", "--json", "commands", ...args);
  assert.equal(r.code, 0, r.host.stderrText);
  return JSON.parse(r.host.stdoutText) as T;
}

before(async () => {
  sb = await startSandbox({ args: ["--no-auth"] });
  iot = new IoTClient(sb.config);
  for (const thingName of ["car-1", "car-2", "car-3"]) await iot.send(new CreateThingCommand({ thingName }));
  await iot.send(new CreateThingGroupCommand({ thingGroupName: "fleet" }));
  for (const thingName of ["car-1", "car-2"])
    await iot.send(new AddThingToThingGroupCommand({ thingGroupName: "fleet", thingName }));
});
after(() => {
  iot.destroy();
  return sb.dispose();
});

/** A simulated car: answers every command on its request topic with IN_PROGRESS, then `final`. */
async function device(thingName: string, final: "SUCCEEDED" | "FAILED" = "SUCCEEDED"): Promise<MqttClient> {
  const broker = await sb.mqtt();
  const client = await connectMqtt(broker.url, { clientId: thingName });
  client.on("message", (topic) => {
    const m = /^(.*\/executions\/[^/]+)\/request\/json$/.exec(topic);
    if (!m) return;
    void (async () => {
      await client.publishAsync(`${m[1]}/response/json`, JSON.stringify({ status: "IN_PROGRESS" }));
      await client.publishAsync(
        `${m[1]}/response/json`,
        JSON.stringify({
          status: final,
          ...(final === "FAILED" ? { statusReason: { reasonCode: "CAR_LOW_ON_BATTERY" } } : {}),
        }),
      );
    })();
  });
  await client.subscribeAsync(`$aws/commands/things/${thingName}/executions/+/request/#`);
  return client;
}

test("create: a vehicle command by flag, tagged for cleanup; a custom one; an existing id and a bad payload are refused", async () => {
  const made = await json<{ commandId: string; commandArn: string; payload: unknown }>(
    "create",
    "--vehicle",
    "vehicle-lock",
  );
  assert.equal(made.commandId, "vehicle-lock");
  assert.deepEqual(made.payload, { action: "lock" });
  const tags = await iot.send(new ListTagsForResourceCommand({ resourceArn: made.commandArn }));
  assert.ok(tags.tags?.some((t) => t.Key === "workshop" && t.Value === "learning-aws-iot-dm-basics"));
  assert.ok(tags.tags?.some((t) => t.Key === "created-by" && t.Value === "manage-commands"));

  const custom = await json<{ commandId: string }>(
    "create",
    "--command-id",
    "open-trunk",
    "--description",
    "Open the trunk",
    "--payload",
    '{"action":"openTrunk"}',
  );
  assert.equal(custom.commandId, "open-trunk");

  const again = await cli("--yes", "commands", "create", "--vehicle", "vehicle-lock");
  assert.equal(again.code, 1);
  assert.match(again.host.stderrText, /already exists/);
  const bad = await cli(
    "--yes",
    "commands",
    "create",
    "--command-id",
    "x",
    "--description",
    "d",
    "--payload",
    "[1]",
  );
  assert.equal(bad.code, 2);
  assert.match(bad.host.stderrText, /JSON object/);
  const badId = await cli(
    "--yes",
    "commands",
    "create",
    "--command-id",
    "-bad",
    "--description",
    "d",
    "--payload",
    "{}",
  );
  assert.equal(badId.code, 2);
});

test("list and describe: every command with its real state; the payload decoded", async () => {
  await json("create", "--vehicle", "start-engine");
  const list = await json<{ commands: Array<{ commandId: string; state: string }> }>("list");
  assert.ok(list.commands.some((c) => c.commandId === "start-engine" && c.state === "ACTIVE"));
  const text = await cli("commands", "list");
  assert.match(text.host.stdoutText, /start-engine\s+active/);
  const d = await cli("commands", "describe", "--command-id", "start-engine");
  assert.equal(d.code, 0, d.host.stderrText);
  assert.match(d.host.stdoutText, /"action": "start"/);
  const missing = await cli("commands", "describe", "--command-id", "no-such-command");
  assert.equal(missing.code, 1);
  assert.match(missing.host.stderrText, /There is no command no-such-command/);
});

test("execute --wait on a thing: the device answers and the status changes show live until SUCCEEDED; status and history read it back", async () => {
  await json("create", "--vehicle", "activate-horn");
  const car = await device("car-1");
  try {
    const r = await cli(
      "--yes",
      "commands",
      "execute",
      "--command-id",
      "activate-horn",
      "--thing",
      "car-1",
      "--timeout",
      "30",
      "--wait",
    );
    assert.equal(r.code, 0, r.host.stderrText);
    assert.match(r.host.stdoutText, /\$aws\/commands\/things\/car-1\/executions\/[0-9a-f-]+\/request\/json/);
    assert.match(r.host.stdoutText, /car-1: succeeded/);
    const executionId = /execution ([0-9a-f-]{36})/.exec(r.host.stdoutText)![1];
    const status = await json<{ execution: { status: string; startedAt: string; completedAt: string } }>(
      "status",
      "--execution-id",
      executionId,
      "--thing",
      "car-1",
    );
    assert.equal(status.execution.status, "SUCCEEDED");
    assert.ok(status.execution.startedAt && status.execution.completedAt);
    const history = await json<{ executions: Array<{ executionId: string; status: string }> }>(
      "history",
      "--thing",
      "car-1",
      "--status",
      "SUCCEEDED",
    );
    assert.ok(history.executions.some((e) => e.executionId === executionId));
    const none = await json<{ executions: unknown[] }>("history", "--thing", "car-1", "--status", "FAILED");
    assert.deepEqual(none.executions, []);
    const badStatus = await cli("commands", "history", "--thing", "car-1", "--status", "DONE");
    assert.equal(badStatus.code, 2);
    const notFound = await cli("commands", "status", "--execution-id", executionId, "--thing", "car-2");
    assert.equal(notFound.code, 1);
    assert.match(notFound.host.stderrText, /No execution/);
  } finally {
    await car.endAsync();
  }
});

test("execute --thing-group --wait: one execution per member, each followed to its final status (--json)", async () => {
  await json("create", "--vehicle", "vehicle-unlock");
  const cars = [await device("car-1"), await device("car-2", "FAILED")];
  try {
    const r = await cli(
      "--yes",
      "--json",
      "commands",
      "execute",
      "--command-id",
      "vehicle-unlock",
      "--thing-group",
      "fleet",
      "--wait",
    );
    assert.equal(r.code, 1, "a member that failed fails the run");
    const out = JSON.parse(r.host.stdoutText) as {
      thingGroup: string;
      executions: Array<{ thingName: string; status: string }>;
    };
    assert.equal(out.thingGroup, "fleet");
    assert.deepEqual(out.executions.map((e) => [e.thingName, e.status]).sort(), [
      ["car-1", "SUCCEEDED"],
      ["car-2", "FAILED"],
    ]);
  } finally {
    for (const c of cars) await c.endAsync();
  }
});

test("execute --wait with no device connected ends TIMED_OUT (on the sandbox clock) and explains why", async () => {
  await json("create", "--vehicle", "stop-engine");
  const run = cli(
    "--yes",
    "commands",
    "execute",
    "--command-id",
    "stop-engine",
    "--thing",
    "car-3",
    "--timeout",
    "600",
    "--wait",
  );
  // The execution exists once the run is waiting: then the sandbox clock passes its timeout.
  const targetArn = `arn:aws:iot:${sb.region}:${sb.accountId}:thing/car-3`;
  for (let i = 0; ; i++) {
    const listed = await iot.send(new ListCommandExecutionsCommand({ targetArn }));
    if ((listed.commandExecutions ?? []).length > 0) break;
    assert.ok(i < 300, "the execution was never started");
    await new Promise((r) => setTimeout(r, 50));
  }
  await sb.advanceClock(601);
  const r = await run;
  assert.equal(r.code, 1);
  assert.match(r.host.stdoutText, /car-3: timed out/);
  assert.match(r.host.stdoutText, /Nobody answered/);
});

test("delete: typed DELETE (or --yes); an active command goes pending deletion (202)", async () => {
  await json("create", "--vehicle", "set-climate");
  const out = await json<{ outcome: string }>("delete", "--command-id", "set-climate");
  assert.equal(out.outcome, "pendingDeletion");
  const list = await json<{ commands: Array<{ commandId: string; state: string }> }>("list");
  assert.ok(list.commands.some((c) => c.commandId === "set-climate" && c.state === "PENDING_DELETION"));
  const refused = await cli("commands", "execute", "--command-id", "set-climate", "--thing", "car-1");
  assert.equal(refused.code, 1);
});

test("the menu in a terminal: list, then describe a command picked from the list, then exit", async () => {
  const down = (n: number) => `${"\x1b[B".repeat(n)}\r`;
  const term = new Terminal(["commands", ...target(sb)]);
  const code = await term.converse([
    { after: /What would you like to do\?/, type: down(1) },
    { after: /What would you like to do\?/, type: down(2) },
    { after: /Which command\?/, type: "\r" },
    { after: /What would you like to do\?/, type: down(8) },
  ]);
  assert.equal(code, 0, term.text);
  assert.match(term.text, /Commands/);
  assert.match(term.text, /📋 Command /);
});

test("the menu in a terminal: execute on a device that answers, following the status live to SUCCEEDED", async () => {
  await json(
    "create",
    "--command-id",
    "menu-horn",
    "--description",
    "Sound the horn twice",
    "--payload",
    '{"action":"horn","times":2}',
  );
  const car = await device("car-1");
  try {
    const down = (n: number) => `${"\x1b[B".repeat(n)}\r`;
    const term = new Terminal(["commands", ...target(sb)]);
    const code = await term.converse([
      { after: /What would you like to do\?/, type: down(4) },
      { after: /Press Enter to continue/, type: "\r" },
      { after: /Press Enter to continue/, type: "\r" },
      { after: /Which command\?/, type: "\r" },
      { after: /Run it on:/, type: "\r" },
      { after: /Device \(thing name\):/, type: "car-1\r" },
      { after: /Seconds the device has to answer/, type: "30\r" },
      { after: /Follow the status until it is final\?/, type: "\r" },
      { after: /car-1: succeeded/, type: "" },
      { after: /Press Enter to continue/, type: "\r" },
      { after: /What would you like to do\?/, type: down(8) },
    ]);
    assert.equal(code, 0, term.text);
    assert.match(term.text, /Starting menu-horn on 1 device/);
  } finally {
    await car.endAsync();
  }
});

test("execute on a device that is not connected: it is said, and --yes starts a simulated car that answers and leaves (--no-simulate only warns)", async () => {
  await iot.send(
    new UpdateIndexingConfigurationCommand({
      thingIndexingConfiguration: { thingIndexingMode: "REGISTRY", thingConnectivityIndexingMode: "STATUS" },
    }),
  );
  await json(
    "create",
    "--command-id",
    "sim-check",
    "--description",
    "Check the car",
    "--payload",
    '{"action":"check"}',
  );
  const args = ["commands", "execute", "--command-id", "sim-check", "--thing", "car-3", "--timeout", "30"];
  const declined = await cli("--yes", ...args, "--no-simulate");
  assert.equal(declined.code, 0, declined.host.stderrText);
  assert.match(declined.host.stdoutText + declined.host.stderrText, /car-3\) is not connected right now/);
  assert.doesNotMatch(declined.host.stdoutText + declined.host.stderrText, /simulated car/);

  const r = await cli("--yes", "--json", ...args);
  assert.equal(r.code, 0, r.host.stderrText);
  const out = JSON.parse(r.host.stdoutText) as { executions: Array<{ thingName: string; status: string }> };
  assert.deepEqual(
    out.executions.map((e) => [e.thingName, e.status]),
    [["car-3", "SUCCEEDED"]],
  );
  // The car left with the command: the broker records the disconnection moments later.
  for (let i = 0; ; i++) {
    const connected = await iot.send(new SearchIndexCommand({ queryString: "connectivity.connected:true" }));
    if ((connected.things ?? []).length === 0) break;
    assert.ok(i < 200, "the simulated car stayed connected");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});
