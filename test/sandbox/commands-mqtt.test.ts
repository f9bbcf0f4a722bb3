/**
 * AWS IoT Commands over MQTT (CMD-5, CMD-7, CMD-10 … CMD-12): an mqtt.js client acts as the
 * device of a thing on a `--no-auth` sandbox, receives the exact payload bytes on its request
 * topic and answers on the response topic; the execution is read back through the SDK.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  CreateCommandCommand,
  CreateThingCommand,
  GetCommandExecutionCommand,
  IoTClient,
} from "@aws-sdk/client-iot";
import { GetThingShadowCommand, IoTDataPlaneClient, PublishCommand } from "@aws-sdk/client-iot-data-plane";
import { IoTJobsDataPlaneClient, StartCommandExecutionCommand } from "@aws-sdk/client-iot-jobs-data-plane";
import type { MqttClient } from "mqtt";
import { connectMqtt } from "../helpers/mqtt.js";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { uniqueName } from "./iot-registry-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
let jobsData: IoTJobsDataPlaneClient;
before(async () => {
  sb = await startSandbox({ args: ["--no-auth"] });
  iot = new IoTClient(sb.config);
  jobsData = new IoTJobsDataPlaneClient(sb.config);
});
after(async () => {
  iot.destroy();
  jobsData.destroy();
  await sb.dispose();
});

const arn = (resource: string) => `arn:aws:iot:${sb.region}:${sb.accountId}:${resource}`;

/** Every message a client receives, awaited by topic (a guard timeout fails the test rather than hang). */
function inbox(client: MqttClient) {
  const got: Array<{ topic: string; payload: Buffer }> = [];
  const waiters: Array<() => void> = [];
  client.on("message", (topic, payload) => {
    got.push({ topic, payload });
    for (const w of waiters.splice(0)) w();
  });
  return {
    async next(topic: RegExp | string): Promise<{ topic: string; payload: Buffer }> {
      const test = (t: string) => (typeof topic === "string" ? t === topic : topic.test(t));
      for (;;) {
        const i = got.findIndex((m) => test(m.topic));
        if (i >= 0) return got.splice(i, 1)[0];
        await new Promise<void>((resolve, reject) => {
          const guard = setTimeout(() => reject(new Error(`no message on ${String(topic)}`)), 15_000);
          waiters.push(() => {
            clearTimeout(guard);
            resolve();
          });
        });
      }
    },
  };
}

async function setUp(payload: Uint8Array, contentType = "application/json") {
  const commandId = uniqueName("cmd");
  await iot.send(new CreateCommandCommand({ commandId, payload: { content: payload, contentType } }));
  const thingName = uniqueName("car");
  await iot.send(new CreateThingCommand({ thingName }));
  const broker = await sb.mqtt();
  const device = await connectMqtt(broker.url, { clientId: thingName });
  const messages = inbox(device);
  await device.subscribeAsync([
    `$aws/commands/things/${thingName}/executions/+/request/#`,
    `$aws/commands/things/${thingName}/executions/+/request`,
  ]);
  const watcher = await connectMqtt(broker.url, { clientId: uniqueName("watcher") });
  const events = inbox(watcher);
  await watcher.subscribeAsync(`$aws/events/commandExecution/${commandId}/+`);
  return { commandId, thingName, device, messages, watcher, events, targetArn: arn(`thing/${thingName}`) };
}

/** Runs `body` with a device and a watcher set up for a new command, closing both afterwards. */
async function withDevice(
  payload: Uint8Array,
  body: (s: Awaited<ReturnType<typeof setUp>>) => Promise<void>,
): Promise<void> {
  const s = await setUp(payload);
  try {
    await body(s);
  } finally {
    await s.device.endAsync();
    await s.watcher.endAsync();
  }
}

test("CMD-10/CMD-11/CMD-7/CMD-12: the device gets the exact payload bytes, answers IN_PROGRESS then SUCCEEDED with a result, and the execution reads back with startedAt, completedAt and result", async () => {
  const payload = new TextEncoder().encode('{"action": "lock",  "doors": [1,2]}');
  await withDevice(payload, async (s) => {
    const { executionId } = await jobsData.send(
      new StartCommandExecutionCommand({
        commandArn: arn(`command/${s.commandId}`),
        targetArn: s.targetArn,
        executionTimeoutSeconds: 600,
      }),
    );
    const base = `$aws/commands/things/${s.thingName}/executions/${executionId}`;
    const request = await s.messages.next(`${base}/request/json`);
    assert.deepEqual(new Uint8Array(request.payload), payload);
    assert.equal(
      (await s.events.next(/\/CREATED$/)).topic,
      `$aws/events/commandExecution/${s.commandId}/CREATED`,
    );

    await s.device.publishAsync(
      `${base}/response/json`,
      JSON.stringify({ deviceId: s.thingName, executionId, status: "IN_PROGRESS" }),
    );
    const accepted = await s.messages.next(`${base}/response/accepted/json`);
    assert.equal(JSON.parse(accepted.payload.toString()).status, "IN_PROGRESS");
    const inProgress = JSON.parse((await s.events.next(/\/IN_PROGRESS$/)).payload.toString());
    assert.equal(inProgress.executionId, executionId);
    assert.equal(inProgress.eventType, "COMMAND_EXECUTION");
    assert.equal(inProgress.targetArn, s.targetArn);
    const started = await iot.send(new GetCommandExecutionCommand({ executionId, targetArn: s.targetArn }));
    assert.equal(started.status, "IN_PROGRESS");
    assert.ok(started.startedAt instanceof Date);
    assert.equal(started.completedAt, undefined);

    await sb.advanceClock(2);
    await s.device.publishAsync(
      `${base}/response/json`,
      JSON.stringify({
        status: "SUCCEEDED",
        statusReason: { reasonCode: "DOORS_LOCKED", reasonDescription: "All four doors are locked" },
        result: {
          doors: { s: "locked" },
          ok: { b: true },
          raw: { bin: Buffer.from([1, 2, 3]).toString("base64") },
        },
      }),
    );
    await s.messages.next(`${base}/response/accepted/json`);
    const succeeded = JSON.parse((await s.events.next(/\/SUCCEEDED$/)).payload.toString());
    assert.deepEqual(succeeded.statusReason, {
      reasonCode: "DOORS_LOCKED",
      reasonDescription: "All four doors are locked",
    });
    const done = await iot.send(new GetCommandExecutionCommand({ executionId, targetArn: s.targetArn }));
    assert.equal(done.status, "SUCCEEDED");
    assert.equal(done.statusReason?.reasonCode, "DOORS_LOCKED");
    assert.equal(done.result?.doors?.S, "locked");
    assert.equal(done.result?.ok?.B, true);
    assert.deepEqual([...done.result!.raw!.BIN!], [1, 2, 3]);
    assert.deepEqual(done.startedAt, started.startedAt);
    assert.ok(done.completedAt! > done.startedAt!);
    const withoutResult = await iot.send(
      new GetCommandExecutionCommand({ executionId, targetArn: s.targetArn, includeResult: false }),
    );
    assert.equal(withoutResult.result, undefined);

    // CMD-7: SUCCEEDED is final: a later report is answered on response/rejected and changes nothing.
    await s.device.publishAsync(`${base}/response/json`, JSON.stringify({ status: "FAILED" }));
    const rejected = JSON.parse((await s.messages.next(`${base}/response/rejected/json`)).payload.toString());
    assert.equal(rejected.error, "InvalidStateTransition");
    assert.equal(
      (await iot.send(new GetCommandExecutionCommand({ executionId, targetArn: s.targetArn }))).status,
      "SUCCEEDED",
    );
  });
});

test("CMD-7/CMD-11: a device may REJECT a command; bad documents and unknown executions are answered on response/rejected", async () => {
  await withDevice(new TextEncoder().encode('{"action":"start"}'), async (s) => {
    const { executionId } = await jobsData.send(
      new StartCommandExecutionCommand({ commandArn: arn(`command/${s.commandId}`), targetArn: s.targetArn }),
    );
    const base = `$aws/commands/things/${s.thingName}/executions/${executionId}`;
    await s.messages.next(`${base}/request/json`);
    for (const bad of [
      "not json",
      '{"status":"CREATED"}',
      '{"status":"DONE"}',
      '{"status":"FAILED","statusReason":{"reasonCode":"lower case"}}',
    ]) {
      await s.device.publishAsync(`${base}/response/json`, bad);
      const answer = JSON.parse((await s.messages.next(`${base}/response/rejected/json`)).payload.toString());
      assert.equal(answer.error, "InvalidRequest", bad);
      assert.ok(answer.errorReason);
    }
    await s.device.publishAsync(
      `$aws/commands/things/${s.thingName}/executions/no-such-execution/response/json`,
      '{"status":"SUCCEEDED"}',
    );
    const unknown = await s.messages.next(
      `$aws/commands/things/${s.thingName}/executions/no-such-execution/response/rejected/json`,
    );
    assert.equal(JSON.parse(unknown.payload.toString()).error, "ResourceNotFound");
    await s.device.publishAsync(
      `${base}/response/json`,
      JSON.stringify({ status: "REJECTED", statusReason: { reasonCode: "ENGINE_RUNNING" } }),
    );
    await s.messages.next(`${base}/response/accepted/json`);
    await s.events.next(/\/REJECTED$/);
    const got = await iot.send(new GetCommandExecutionCommand({ executionId, targetArn: s.targetArn }));
    assert.equal(got.status, "REJECTED");
    assert.equal(got.startedAt, undefined, "never IN_PROGRESS");
    assert.ok(got.completedAt instanceof Date);
  });
});

test("CMD-7: without a final answer the execution is TIMED_OUT at executionTimeoutSeconds on the sandbox clock; the device may still report SUCCEEDED afterwards", async () => {
  await withDevice(new TextEncoder().encode('{"action":"horn"}'), async (s) => {
    const { executionId } = await jobsData.send(
      new StartCommandExecutionCommand({
        commandArn: arn(`command/${s.commandId}`),
        targetArn: s.targetArn,
        executionTimeoutSeconds: 300,
      }),
    );
    const base = `$aws/commands/things/${s.thingName}/executions/${executionId}`;
    await s.messages.next(`${base}/request/json`);
    await s.device.publishAsync(`${base}/response/json`, '{"status":"IN_PROGRESS"}');
    await s.messages.next(`${base}/response/accepted/json`);
    await sb.advanceClock(299);
    assert.equal(
      (await iot.send(new GetCommandExecutionCommand({ executionId, targetArn: s.targetArn }))).status,
      "IN_PROGRESS",
    );
    await sb.advanceClock(1);
    const timedOut = await iot.send(new GetCommandExecutionCommand({ executionId, targetArn: s.targetArn }));
    assert.equal(timedOut.status, "TIMED_OUT");
    await s.events.next(/\/TIMED_OUT$/);
    await s.device.publishAsync(`${base}/response/json`, '{"status":"IN_PROGRESS"}');
    await s.messages.next(`${base}/response/rejected/json`);
    await s.device.publishAsync(`${base}/response/json`, '{"status":"SUCCEEDED"}');
    await s.messages.next(`${base}/response/accepted/json`);
    assert.equal(
      (await iot.send(new GetCommandExecutionCommand({ executionId, targetArn: s.targetArn }))).status,
      "SUCCEEDED",
    );
  });
});

test("CMD-10: a payload of another content type goes to …/request with no format segment; a client target gets its own topic", async () => {
  const payload = Buffer.from([0, 1, 2, 255]);
  const s = await setUp(payload, "application/octet-stream");
  const broker = await sb.mqtt();
  const clientId = uniqueName("client");
  const client = await connectMqtt(broker.url, { clientId });
  const clientInbox = inbox(client);
  await client.subscribeAsync(`$aws/commands/clients/${clientId}/executions/+/request`);
  try {
    const { executionId } = await jobsData.send(
      new StartCommandExecutionCommand({ commandArn: arn(`command/${s.commandId}`), targetArn: s.targetArn }),
    );
    const request = await s.messages.next(
      `$aws/commands/things/${s.thingName}/executions/${executionId}/request`,
    );
    assert.deepEqual([...request.payload], [...payload]);
    const toClient = await jobsData.send(
      new StartCommandExecutionCommand({
        commandArn: arn(`command/${s.commandId}`),
        targetArn: arn(`client/${clientId}`),
      }),
    );
    const got = await clientInbox.next(
      `$aws/commands/clients/${clientId}/executions/${toClient.executionId}/request`,
    );
    assert.deepEqual([...got.payload], [...payload]);
    await client.publishAsync(
      `$aws/commands/clients/${clientId}/executions/${toClient.executionId}/response`,
      '{"status":"SUCCEEDED"}',
    );
    await clientInbox.next(
      `$aws/commands/clients/${clientId}/executions/${toClient.executionId}/response/accepted`,
    );
    const read = await iot.send(
      new GetCommandExecutionCommand({
        executionId: toClient.executionId,
        targetArn: arn(`client/${clientId}`),
      }),
    );
    assert.equal(read.status, "SUCCEEDED");
  } finally {
    await client.endAsync();
    await s.device.endAsync();
    await s.watcher.endAsync();
  }
});

test("MQTT-1: an HTTP Publish on a reserved topic is handled as a client's: a command response moves the execution, a shadow update updates the shadow", async () => {
  const commandId = uniqueName("cmd");
  const { commandArn } = await iot.send(
    new CreateCommandCommand({
      commandId,
      payload: { content: new TextEncoder().encode('{"action":"lock"}'), contentType: "application/json" },
    }),
  );
  const thingName = uniqueName("car");
  await iot.send(new CreateThingCommand({ thingName }));
  const { executionId } = await jobsData.send(
    new StartCommandExecutionCommand({ commandArn, targetArn: arn(`thing/${thingName}`) }),
  );
  const data = new IoTDataPlaneClient(sb.config);
  try {
    const json = (body: object) => new TextEncoder().encode(JSON.stringify(body));
    await data.send(
      new PublishCommand({
        topic: `$aws/commands/things/${thingName}/executions/${executionId}/response/json`,
        payload: json({ status: "SUCCEEDED" }),
        qos: 1,
      }),
    );
    const execution = await iot.send(
      new GetCommandExecutionCommand({ executionId, targetArn: arn(`thing/${thingName}`) }),
    );
    assert.equal(execution.status, "SUCCEEDED");
    await data.send(
      new PublishCommand({
        topic: `$aws/things/${thingName}/shadow/update`,
        payload: json({ state: { reported: { doors: "locked" } } }),
      }),
    );
    const shadow = await data.send(new GetThingShadowCommand({ thingName }));
    const doc = JSON.parse(new TextDecoder().decode(shadow.payload)) as {
      state: { reported: Record<string, unknown> };
    };
    assert.equal(doc.state.reported.doors, "locked");
  } finally {
    data.destroy();
  }
});
