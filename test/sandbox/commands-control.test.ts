/**
 * AWS IoT Commands control plane (aws-semantics.md §9) through SDK v3 clients against a real
 * sandbox: CreateCommand, GetCommand, ListCommands, UpdateCommand, DeleteCommand (pending deletion
 * on the sandbox clock), the execution reads and deletes, and tags on command ARNs.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  CreateCommandCommand,
  CreateThingCommand,
  DeleteCommandCommand,
  DeleteCommandExecutionCommand,
  GetCommandCommand,
  GetCommandExecutionCommand,
  IoTClient,
  ListCommandExecutionsCommand,
  ListCommandsCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UpdateCommandCommand,
} from "@aws-sdk/client-iot";
import { IoTJobsDataPlaneClient, StartCommandExecutionCommand } from "@aws-sdk/client-iot-jobs-data-plane";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { expectError, uniqueName } from "./iot-registry-helpers.js";

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

const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const arn = (resource: string) => `arn:aws:iot:${sb.region}:${sb.accountId}:${resource}`;

/** A new thing, by name. */
async function newCar(): Promise<string> {
  const thingName = uniqueName("car");
  await iot.send(new CreateThingCommand({ thingName }));
  return thingName;
}

const startOn = (commandId: string, thingName: string) =>
  jobsData.send(
    new StartCommandExecutionCommand({
      commandArn: arn(`command/${commandId}`),
      targetArn: arn(`thing/${thingName}`),
    }),
  );

/** A new lock command and a new thing, with their ARNs. */
async function lockAndCar() {
  const id = await createLock();
  const thing = await newCar();
  return { id, commandArn: arn(`command/${id}`), thing, targetArn: arn(`thing/${thing}`) };
}

async function createLock(id = uniqueName("lock")): Promise<string> {
  await iot.send(
    new CreateCommandCommand({
      commandId: id,
      displayName: id,
      description: "Remotely lock all vehicle doors",
      namespace: "AWS-IoT",
      payload: { content: json({ action: "lock" }), contentType: "application/json" },
    }),
  );
  return id;
}

test("CMD-1/CMD-2: CreateCommand answers id and ARN; GetCommand reads every member back", async () => {
  const id = uniqueName("lock");
  const out = await iot.send(
    new CreateCommandCommand({
      commandId: id,
      displayName: "Lock",
      description: "Remotely lock all vehicle doors",
      payload: { content: json({ action: "lock" }), contentType: "application/json" },
    }),
  );
  assert.equal(out.commandId, id);
  assert.equal(out.commandArn, arn(`command/${id}`));
  const got = await iot.send(new GetCommandCommand({ commandId: id }));
  assert.equal(got.namespace, "AWS-IoT", "AWS-IoT is the default namespace");
  assert.equal(got.displayName, "Lock");
  assert.equal(got.description, "Remotely lock all vehicle doors");
  assert.equal(new TextDecoder().decode(got.payload!.content), '{"action":"lock"}');
  assert.equal(got.payload!.contentType, "application/json");
  assert.equal(got.deprecated, false);
  assert.equal(got.pendingDeletion, false);
  assert.ok(got.createdAt instanceof Date && got.lastUpdatedAt instanceof Date);
});

test("CMD-1: an existing id is 409 ConflictException; AWS-IoT needs a payload and refuses roleArn and mandatoryParameters; FleetWise needs a roleArn", async () => {
  const id = await createLock();
  const conflict = await expectError(
    iot.send(new CreateCommandCommand({ commandId: id, payload: { content: json({}) } })),
    "ConflictException",
    409,
  );
  assert.equal(conflict.resourceId, id);
  await expectError(
    iot.send(new CreateCommandCommand({ commandId: uniqueName("x") })),
    "ValidationException",
    400,
  );
  await expectError(
    iot.send(
      new CreateCommandCommand({
        commandId: uniqueName("x"),
        payload: { content: json({}) },
        roleArn: "arn:aws:iam::123456789012:role/commands",
      }),
    ),
    "ValidationException",
    400,
  );
  await expectError(
    iot.send(
      new CreateCommandCommand({
        commandId: uniqueName("x"),
        payload: { content: json({}) },
        mandatoryParameters: [{ name: "speed" }],
      }),
    ),
    "ValidationException",
    400,
  );
  await expectError(
    iot.send(new CreateCommandCommand({ commandId: uniqueName("x"), namespace: "AWS-IoT-FleetWise" })),
    "ValidationException",
    400,
  );
  await expectError(
    iot.send(new CreateCommandCommand({ commandId: "bad id!", payload: { content: json({}) } })),
    "ValidationException",
    400,
  );
  await expectError(
    iot.send(
      new CreateCommandCommand({
        commandId: uniqueName("x"),
        payload: { content: new Uint8Array(32 * 1024 + 1) },
      }),
    ),
    "ValidationException",
    400,
  );
  await expectError(
    iot.send(new GetCommandCommand({ commandId: "never-created" })),
    "ResourceNotFoundException",
    404,
  );
});

test("CMD-2: ListCommands pages through every command, sorts by creation (DESCENDING by default) and filters by namespace and parameter name", async () => {
  const prefix = uniqueName("page");
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    ids.push(await createLock(`${prefix}-${i}`));
    await sb.advanceClock(1);
  }
  await iot.send(
    new CreateCommandCommand({
      commandId: `${prefix}-fw`,
      namespace: "AWS-IoT-FleetWise",
      roleArn: "arn:aws:iam::123456789012:role/fleetwise",
      mandatoryParameters: [{ name: "$sensor.speed", defaultValue: { I: 10 } }],
    }),
  );
  const seen: string[] = [];
  let nextToken: string | undefined;
  do {
    const out = await iot.send(new ListCommandsCommand({ maxResults: 2, nextToken, sortOrder: "ASCENDING" }));
    assert.ok(out.commands!.length <= 2);
    seen.push(...out.commands!.map((c) => c.commandId!));
    nextToken = out.nextToken;
  } while (nextToken);
  const ours = seen.filter((id) => id.startsWith(prefix));
  assert.deepEqual(ours, [...ids, `${prefix}-fw`]);
  const desc = await iot.send(new ListCommandsCommand({ maxResults: 100 }));
  const descOurs = desc.commands!.map((c) => c.commandId!).filter((id) => id.startsWith(prefix));
  assert.deepEqual(descOurs, [`${prefix}-fw`, ...ids.reverse()]);
  const fw = await iot.send(new ListCommandsCommand({ namespace: "AWS-IoT-FleetWise" }));
  assert.deepEqual(
    fw.commands!.map((c) => c.commandId),
    [`${prefix}-fw`],
  );
  const byParam = await iot.send(new ListCommandsCommand({ commandParameterName: "$sensor.speed" }));
  assert.deepEqual(
    byParam.commands!.map((c) => c.commandId),
    [`${prefix}-fw`],
  );
  await expectError(iot.send(new ListCommandsCommand({ maxResults: 101 })), "ValidationException", 400);
  await expectError(iot.send(new ListCommandsCommand({ nextToken: "garbage!" })), "ValidationException", 400);
});

test("CMD-3/CMD-4: UpdateCommand changes names and deprecation (false restores it); unknown → 404; a deprecated command cannot start (400)", async () => {
  const id = await createLock();
  const out = await iot.send(
    new UpdateCommandCommand({ commandId: id, displayName: "Lock v2", description: "new", deprecated: true }),
  );
  assert.equal(out.displayName, "Lock v2");
  assert.equal(out.description, "new");
  assert.equal(out.deprecated, true);
  assert.ok(out.lastUpdatedAt instanceof Date);
  const thing = await newCar();
  await expectError(startOn(id, thing), "ValidationException", 400);
  await iot.send(new UpdateCommandCommand({ commandId: id, deprecated: false }));
  const started = await jobsData.send(
    new StartCommandExecutionCommand({ commandArn: arn(`command/${id}`), targetArn: arn(`thing/${thing}`) }),
  );
  assert.ok(started.executionId);
  await expectError(
    iot.send(new UpdateCommandCommand({ commandId: "never-created", deprecated: true })),
    "ResourceNotFoundException",
    404,
  );
});

test("CMD-6: DeleteCommand answers 202 and keeps the command pending deletion until 12 hours have passed on the sandbox clock", async () => {
  const id = await createLock();
  const out = await iot.send(new DeleteCommandCommand({ commandId: id }));
  assert.equal(out.$metadata.httpStatusCode, 202);
  assert.equal(out.statusCode, 202);
  const pending = await iot.send(new GetCommandCommand({ commandId: id }));
  assert.equal(pending.pendingDeletion, true);
  await expectError(
    iot.send(new UpdateCommandCommand({ commandId: id, deprecated: true })),
    "ConflictException",
    409,
  );
  const thing = await newCar();
  await expectError(startOn(id, thing), "ValidationException", 400);
  await sb.advanceClock(11 * 3600);
  assert.equal((await iot.send(new GetCommandCommand({ commandId: id }))).pendingDeletion, true);
  await sb.advanceClock(3600 + 1);
  await expectError(iot.send(new GetCommandCommand({ commandId: id })), "ResourceNotFoundException", 404);
});

test("CMD-6: a command deprecated for 12 hours is deleted at once (204); an unknown id is 204 too", async () => {
  const id = await createLock();
  await iot.send(new UpdateCommandCommand({ commandId: id, deprecated: true }));
  await sb.advanceClock(12 * 3600);
  const out = await iot.send(new DeleteCommandCommand({ commandId: id }));
  assert.equal(out.$metadata.httpStatusCode, 204);
  await expectError(iot.send(new GetCommandCommand({ commandId: id })), "ResourceNotFoundException", 404);
  const unknown = await iot.send(new DeleteCommandCommand({ commandId: "never-created" }));
  assert.equal(unknown.$metadata.httpStatusCode, 204);
});

test("TAG-1: commands take tags at creation and through TagResource; ListTagsForResource reads them", async () => {
  const id = uniqueName("tagged");
  const created = await iot.send(
    new CreateCommandCommand({
      commandId: id,
      payload: { content: json({ action: "horn" }) },
      tags: [{ Key: "iotdm:created-by", Value: "test" }],
    }),
  );
  await iot.send(
    new TagResourceCommand({ resourceArn: created.commandArn, tags: [{ Key: "team", Value: "a" }] }),
  );
  const tags = await iot.send(new ListTagsForResourceCommand({ resourceArn: created.commandArn }));
  assert.deepEqual(Object.fromEntries(tags.tags!.map((t) => [t.Key, t.Value])), {
    "iotdm:created-by": "test",
    team: "a",
  });
  await expectError(
    iot.send(new ListTagsForResourceCommand({ resourceArn: arn("command/never-created") })),
    "ResourceNotFoundException",
    404,
  );
});

test("CMD-5/CMD-8/CMD-9/CMD-13: executions read back by id and target, list with filters and exclusions, and only final ones delete", async () => {
  const { commandArn, targetArn } = await lockAndCar();
  const started = await jobsData.send(
    new StartCommandExecutionCommand({ commandArn, targetArn, executionTimeoutSeconds: 30 }),
  );
  const executionId = started.executionId!;
  const got = await iot.send(new GetCommandExecutionCommand({ executionId, targetArn }));
  assert.equal(got.status, "CREATED");
  assert.equal(got.commandArn, commandArn);
  assert.equal(got.executionTimeoutSeconds, 30);
  assert.ok(got.timeToLive! > got.createdAt!);
  await expectError(
    iot.send(new GetCommandExecutionCommand({ executionId, targetArn: arn("thing/other") })),
    "ResourceNotFoundException",
    404,
  );
  const listed = await iot.send(new ListCommandExecutionsCommand({ targetArn }));
  assert.deepEqual(
    listed.commandExecutions!.map((e) => e.executionId),
    [executionId],
  );
  const byCommand = await iot.send(new ListCommandExecutionsCommand({ commandArn, status: "CREATED" }));
  assert.deepEqual(
    byCommand.commandExecutions!.map((e) => e.executionId),
    [executionId],
  );
  const none = await iot.send(new ListCommandExecutionsCommand({ targetArn, status: "SUCCEEDED" }));
  assert.deepEqual(none.commandExecutions, []);
  const future = await iot.send(
    new ListCommandExecutionsCommand({ targetArn, startedTimeFilter: { after: "2999-01-01T00:00" } }),
  );
  assert.deepEqual(future.commandExecutions, []);
  await expectError(
    iot.send(new ListCommandExecutionsCommand({ targetArn, commandArn })),
    "ValidationException",
    400,
  );
  await expectError(
    iot.send(
      new ListCommandExecutionsCommand({
        startedTimeFilter: { after: "2020-01-01T00:00" },
        completedTimeFilter: { after: "2020-01-01T00:00" },
      }),
    ),
    "ValidationException",
    400,
  );
  await expectError(
    iot.send(new ListCommandExecutionsCommand({ startedTimeFilter: { after: "yesterday" } })),
    "ValidationException",
    400,
  );
  await expectError(
    iot.send(new DeleteCommandExecutionCommand({ executionId, targetArn })),
    "ValidationException",
    400,
  );
  await sb.advanceClock(31);
  const timedOut = await iot.send(new GetCommandExecutionCommand({ executionId, targetArn }));
  assert.equal(timedOut.status, "TIMED_OUT");
  await iot.send(new DeleteCommandExecutionCommand({ executionId, targetArn }));
  await expectError(
    iot.send(new GetCommandExecutionCommand({ executionId, targetArn })),
    "ResourceNotFoundException",
    404,
  );
});

test("CMD-5: StartCommandExecution refuses a group ARN (400), an unknown thing or command (404), parameters for AWS-IoT and a timeout out of bounds (400); a clientToken repeats its execution", async () => {
  const { commandArn, targetArn } = await lockAndCar();
  await expectError(
    jobsData.send(new StartCommandExecutionCommand({ commandArn, targetArn: arn("thinggroup/fleet") })),
    "ValidationException",
    400,
  );
  await expectError(
    jobsData.send(new StartCommandExecutionCommand({ commandArn, targetArn: arn("thing/no-such-car") })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    jobsData.send(new StartCommandExecutionCommand({ commandArn: arn("command/no-such"), targetArn })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    jobsData.send(
      new StartCommandExecutionCommand({ commandArn, targetArn, parameters: { speed: { I: 1 } } }),
    ),
    "ValidationException",
    400,
  );
  for (const executionTimeoutSeconds of [0, 12 * 3600 + 1])
    await expectError(
      jobsData.send(new StartCommandExecutionCommand({ commandArn, targetArn, executionTimeoutSeconds })),
      "ValidationException",
      400,
    );
  const client = await jobsData.send(
    new StartCommandExecutionCommand({ commandArn, targetArn: arn("client/any-mqtt-client") }),
  );
  assert.ok(client.executionId);
  const defaults = await iot.send(
    new GetCommandExecutionCommand({
      executionId: client.executionId,
      targetArn: arn("client/any-mqtt-client"),
    }),
  );
  assert.equal(defaults.executionTimeoutSeconds, 10, "CMD-5: 10 seconds by default");
  const first = await jobsData.send(
    new StartCommandExecutionCommand({ commandArn, targetArn, clientToken: "tok-1" }),
  );
  const again = await jobsData.send(
    new StartCommandExecutionCommand({ commandArn, targetArn, clientToken: "tok-1" }),
  );
  assert.equal(again.executionId, first.executionId);
  await expectError(
    jobsData.send(
      new StartCommandExecutionCommand({
        commandArn,
        targetArn,
        clientToken: "tok-1",
        executionTimeoutSeconds: 99,
      }),
    ),
    "ConflictException",
    409,
  );
});
