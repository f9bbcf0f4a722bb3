/**
 * What `iotdm device`'s vehicles do once connected (issue 10 item 7), with the simulator as a user
 * runs it (a spawned process, stopped with Ctrl-C) against a real sandbox with mutual TLS: they
 * answer commands as told (CMD-10/11: SUCCEEDED with a result, FAILED with a car's reason), run
 * their jobs over the jobs topics (JOB-30) by the success rate, and report their battery on the
 * classic shadow, starting from the level the shadow held (SHD-20).
 */
import assert from "node:assert/strict";
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { after, before, test } from "node:test";
import {
  CreateCommandCommand,
  CreateJobCommand,
  CreateThingCommand,
  DescribeJobExecutionCommand,
  GetCommandExecutionCommand,
  IoTClient,
} from "@aws-sdk/client-iot";
import {
  GetThingShadowCommand,
  IoTDataPlaneClient,
  UpdateThingShadowCommand,
} from "@aws-sdk/client-iot-data-plane";
import { IoTJobsDataPlaneClient, StartCommandExecutionCommand } from "@aws-sdk/client-iot-jobs-data-plane";
import { isolateCliEnvironment } from "../helpers/cli-env.js";
import { CLI, startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { target } from "./provision-helpers.js";

isolateCliEnvironment();

let sb: TestSandbox;
let iot: IoTClient;
let data: IoTDataPlaneClient;
let jobsData: IoTJobsDataPlaneClient;
before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  data = new IoTDataPlaneClient(sb.config);
  jobsData = new IoTJobsDataPlaneClient(sb.config);
});
after(async () => {
  for (const c of [iot, data, jobsData]) c.destroy();
  await sb.dispose();
});

interface Running {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
}

/** Starts `iotdm device` and resolves once every vehicle is connected. */
function startDevices(args: string[], count: number): Promise<Running> {
  const child = spawn(process.execPath, [CLI, "--yes", "device", ...args, ...target(sb)], {
    env: { ...process.env, NO_COLOR: "1", AWS_IOT_LANG: "en" },
  });
  let out = "";
  child.stderr.on("data", (d: Buffer) => (out += d.toString("utf8")));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString("utf8");
      if (new RegExp(`${count} of ${count} vehicles? connected`).test(out))
        resolve({ child, output: () => out });
    });
    child.once("close", (code) =>
      reject(new Error(`iotdm device ended (${code}) before connecting:\n${out}`)),
    );
  });
}

async function stop(running: Running): Promise<string> {
  const closed = new Promise<number | null>((resolve) => running.child.once("close", resolve));
  running.child.kill("SIGINT");
  assert.equal(await closed, 0, running.output());
  return running.output();
}

/** Reads until `done` says so; a guard fails the test rather than let it hang. */
async function until<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const thingArn = (name: string) => `arn:aws:iot:${sb.region}:${sb.accountId}:thing/${name}`;

async function lockCommand(commandId: string): Promise<string> {
  const out = await iot.send(
    new CreateCommandCommand({
      commandId,
      payload: { content: new TextEncoder().encode('{"action":"lock"}'), contentType: "application/json" },
    }),
  );
  return out.commandArn ?? "";
}

async function execute(commandArn: string, thing: string) {
  const { executionId } = await jobsData.send(
    new StartCommandExecutionCommand({ commandArn, targetArn: thingArn(thing), executionTimeoutSeconds: 60 }),
  );
  return until(
    () => iot.send(new GetCommandExecutionCommand({ executionId, targetArn: thingArn(thing) })),
    (e) => e.status !== "CREATED",
  );
}

test("CMD-10/11: vehicles told to succeed carry a command out (SUCCEEDED with a result); told to fail, refuse it with a car's reason", async () => {
  await iot.send(new CreateThingCommand({ thingName: "cmd-car" }));
  const commandArn = await lockCommand("bh-lock");
  const willing = await startDevices(["--things", "cmd-car", "--command-outcome", "succeed"], 1);
  const done = await execute(commandArn, "cmd-car");
  assert.equal(done.status, "SUCCEEDED");
  assert.deepEqual(done.result?.action, { S: "lock" });
  assert.match(await stop(willing), /command lock \(.+\) carried out/);

  const unwilling = await startDevices(["--things", "cmd-car", "--command-outcome", "fail"], 1);
  const refused = await execute(commandArn, "cmd-car");
  assert.equal(refused.status, "FAILED");
  assert.equal(refused.statusReason?.reasonCode, "DOOR_OPEN");
  await stop(unwilling);
});

test("JOB-30: connected vehicles take their job over MQTT and report it by the success rate; battery reports start from the shadow's level", async () => {
  const things = ["job-car-1", "job-car-2"];
  for (const thingName of things) {
    await iot.send(new CreateThingCommand({ thingName }));
    await data.send(
      new UpdateThingShadowCommand({
        thingName,
        payload: new TextEncoder().encode(JSON.stringify({ state: { reported: { batteryStatus: 50 } } })),
      }),
    );
  }
  const running = await startDevices(
    ["--things", things.join(","), "--success-rate", "0", "--report-interval", "1"],
    2,
  );
  await iot.send(
    new CreateJobCommand({
      jobId: "bh-job",
      targets: things.map(thingArn),
      document: JSON.stringify({ operation: "reboot" }),
    }),
  );
  for (const thingName of things) {
    const e = await until(
      () => iot.send(new DescribeJobExecutionCommand({ jobId: "bh-job", thingName })),
      (r) => r.execution?.status === "FAILED" || r.execution?.status === "SUCCEEDED",
    );
    assert.equal(e.execution?.status, "FAILED", `${thingName} fails at a 0% success rate`);
    assert.equal(e.execution?.statusDetails?.detailsMap?.failureType, "SIMULATED_FAILURE");
  }
  const battery = await until(
    async () => {
      const shadow = await data.send(new GetThingShadowCommand({ thingName: things[0] }));
      const doc = JSON.parse(new TextDecoder().decode(shadow.payload)) as {
        state: { reported: { batteryStatus: number } };
      };
      return doc.state.reported.batteryStatus;
    },
    (level) => level !== 50,
  );
  assert.ok(
    battery < 50 && battery > 40,
    `battery drifted down from 50 by at most 2 points a report: ${battery}`,
  );
  assert.match(await stop(running), /Jobs: 0 succeeded, 2 failed/);
});
