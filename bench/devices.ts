/**
 * Devices bench (issue 10): `iotdm device` connects the whole provisioned fleet over mutual TLS
 * (connect time, the sandbox's RSS with them connected, the simulator's RSS), then a command to
 * 1,000 of them, 32 outstanding at a time (round trip from StartCommandExecution to the
 * SUCCEEDED status event, p50/p99; target p99 < 100 ms), then one OTA job to every device, executed over the jobs MQTT topics by
 * the same simulator (end to end: CreateJob to COMPLETED).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import {
  AttachPolicyCommand,
  CreateCommandCommand,
  CreateJobCommand,
  CreateKeysAndCertificateCommand,
  CreatePolicyCommand,
  DescribeJobCommand,
  IoTClient,
  ListThingGroupsCommand,
} from "@aws-sdk/client-iot";
import { IoTJobsDataPlaneClient, StartCommandExecutionCommand } from "@aws-sdk/client-iot-jobs-data-plane";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { connect, type MqttClient } from "mqtt";
import { mapLimit } from "../src/aws/parallel.js";
import { DEFAULT_THINGS_PREFIX, thingName } from "../src/workshop/naming.js";
import { benchOtaJob, type SandboxClientConfig } from "./ota.js";
import { fmt, percentile, rssMb } from "./stats.js";

type Iotdm = <T>(args: string[]) => Promise<{ seconds: number; report: T }>;

interface DeviceJson {
  devices: number;
  connected: number;
  certificatesIssued: number;
  connectSeconds: number;
  commands: { succeeded: number; failed: number; ignored: number };
  jobs: { succeeded: number; failed: number };
}

const COMMANDED = 1000;
/** Commands outstanding at once in the round-trip figure (a closed loop). */
const COMMANDS_IN_FLIGHT = 32;
/** Commands sent before the measured ones (see commandRoundTrips). */
const WARM_UP_COMMANDS = 500;

/** Starts `iotdm device` for the fleet; resolves once every device is connected (its stderr says so). */
function startDevices(
  cli: string,
  flags: string[],
  count: number,
  nodeArgs: string[],
): Promise<{ child: ChildProcess; report: Promise<DeviceJson> }> {
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      cli,
      "--lang",
      "en",
      "--yes",
      "--json",
      "device",
      "--count",
      String(count),
      "--report-interval",
      "0",
      "--success-rate",
      "90",
      ...flags,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  child.stdout?.on("data", (c: Buffer) => (stdout += c.toString()));
  const report = new Promise<DeviceJson>((resolve, reject) =>
    child.once("exit", (code) =>
      stdout ? resolve(JSON.parse(stdout) as DeviceJson) : reject(new Error(`iotdm device exited ${code}`)),
    ),
  );
  return new Promise((resolve, reject) => {
    let stderr = "";
    child.stderr?.on("data", (c: Buffer) => {
      stderr += c.toString();
      if (/vehicles? connected to/.test(stderr)) resolve({ child, report });
    });
    child.once("exit", () =>
      reject(new Error(`iotdm device ended before connecting:\n${stderr.slice(-2000)}`)),
    );
  });
}

/** An observer with its own certificate, subscribed to the commands' status events (CMD-12). */
async function observer(iot: IoTClient, url: string, caFile: string | undefined): Promise<MqttClient> {
  const cert = await iot.send(new CreateKeysAndCertificateCommand({ setAsActive: true }));
  const policyName = `bench-observer-${randomUUID()}`;
  await iot.send(
    new CreatePolicyCommand({
      policyName,
      policyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "iot:*", Resource: "*" }],
      }),
    }),
  );
  await iot.send(new AttachPolicyCommand({ policyName, target: cert.certificateArn }));
  const client = connect(url, {
    clientId: `bench-observer-${randomUUID()}`,
    reconnectPeriod: 0,
    key: cert.keyPair?.PrivateKey,
    cert: cert.certificatePem,
    ...(caFile ? { ca: readFileSync(caFile) } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    client.once("connect", () => resolve());
    client.once("error", reject);
  });
  return client;
}

async function commandRoundTrips(
  config: SandboxClientConfig,
  accountId: string,
  watcher: MqttClient,
  fleet: number,
): Promise<{ trips: Float64Array; seconds: number }> {
  const iot = new IoTClient(config);
  // As iotdm's own clients (aws/clients.ts): the middleware resolved once per command class, so the
  // measuring client spends less of the shared cores.
  const jobsData = new IoTJobsDataPlaneClient({ ...config, cacheMiddleware: true });
  const commandId = `bench-lock-${Date.now()}`;
  const { commandArn } = await iot.send(
    new CreateCommandCommand({
      commandId,
      namespace: "AWS-IoT",
      payload: { content: new TextEncoder().encode('{"action":"lock"}'), contentType: "application/json" },
    }),
  );
  // Closed loop: COMMANDS_IN_FLIGHT cars have a command outstanding at any time, each next one
  // started when a SUCCEEDED event ends one, so the figure is the round trip under that load, not
  // the wait in a queue of 1,000 started at once.
  const succeededAt = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  await watcher.subscribeAsync(`$aws/events/commandExecution/${commandId}/SUCCEEDED`, { qos: 0 });
  watcher.on("message", (_topic, payload) => {
    const id = (JSON.parse(payload.toString()) as { executionId?: string }).executionId;
    if (!id) return;
    succeededAt.set(id, performance.now());
    waiting.get(id)?.();
  });
  const deadline = performance.now() + 180_000;
  /** The round trips of a command to each of `things`, COMMANDS_IN_FLIGHT at a time. */
  const roundTrips = async (things: string[]): Promise<number[]> => {
    const trips: number[] = [];
    await mapLimit(things, COMMANDS_IN_FLIGHT, async (thing) => {
      const t0 = performance.now();
      const { executionId } = await jobsData.send(
        new StartCommandExecutionCommand({
          commandArn,
          targetArn: `arn:aws:iot:${config.region}:${accountId}:thing/${thing}`,
          executionTimeoutSeconds: 60,
        }),
      );
      if (!executionId) return;
      if (!succeededAt.has(executionId)) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          waiting.set(executionId, resolve);
          timer = setTimeout(resolve, Math.max(0, deadline - performance.now()));
        });
        clearTimeout(timer);
        waiting.delete(executionId);
      }
      const t1 = succeededAt.get(executionId);
      if (t1 !== undefined) trips.push(t1 - t0);
    });
    return trips;
  };
  const names = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) =>
      thingName(DEFAULT_THINGS_PREFIX, ((from + i) % fleet) + 1, fleet),
    );
  // Unmeasured first: this process's SDK client runs its first calls several times slower than
  // the rest (V8 compiling it), time that is the measuring client's, not the round trip's.
  await roundTrips(names(COMMANDED, WARM_UP_COMMANDS));
  const started = performance.now();
  const trips = await roundTrips(names(0, Math.min(COMMANDED, fleet)));
  const seconds = (performance.now() - started) / 1000;
  iot.destroy();
  jobsData.destroy();
  return { trips: Float64Array.from(trips).sort(), seconds };
}

async function jobOverMqtt(
  config: SandboxClientConfig,
  accountId: string,
): Promise<{ seconds: number; status?: string; succeeded?: number; failed?: number }> {
  const iot = new IoTClient(config);
  try {
    const groups = ((await iot.send(new ListThingGroupsCommand({ maxResults: 250 }))).thingGroups ?? []).map(
      (g) => g.groupName ?? "",
    );
    const jobId = `bench-mqtt-${Date.now()}`;
    const started = performance.now();
    await iot.send(
      new CreateJobCommand(benchOtaJob(jobId, groups, accountId, config.region, "bench over MQTT")),
    );
    for (;;) {
      const job = (await iot.send(new DescribeJobCommand({ jobId }))).job;
      if (job?.status !== "IN_PROGRESS" || performance.now() - started > 600_000) {
        const d = job?.jobProcessDetails;
        return {
          seconds: (performance.now() - started) / 1000,
          status: job?.status,
          succeeded: d?.numberOfSucceededThings,
          failed: d?.numberOfFailedThings,
        };
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    iot.destroy();
  }
}

export async function devicesBench(
  config: SandboxClientConfig,
  flags: string[],
  iotdm: Iotdm,
  cli: string,
  count: number,
  sandboxPid: number,
  mqtt: { url: string; caFile?: string },
  /** Node options of the simulator process (--profile's). */
  nodeArgs: string[] = [],
): Promise<void> {
  await iotdm(["provision", "--count", String(count), ...flags]);
  const sts = new STSClient(config);
  const accountId = (await sts.send(new GetCallerIdentityCommand({}))).Account ?? "";
  sts.destroy();
  const t0 = performance.now();
  const { child, report } = await startDevices(cli, flags, count, nodeArgs);
  const connectedSeconds = (performance.now() - t0) / 1000;
  const sandboxRss = rssMb(sandboxPid);
  const devicesRss = child.pid ? rssMb(child.pid) : 0;
  const iot = new IoTClient(config);
  const watcher = await observer(iot, mqtt.url, mqtt.caFile);
  const { trips, seconds: tripSeconds } = await commandRoundTrips(config, accountId, watcher, count);
  await watcher.endAsync();
  iot.destroy();
  const job = await jobOverMqtt(config, accountId);
  child.kill("SIGINT");
  const r = await report;
  console.log(`iotdm devices bench: ${count} simulated vehicles on MQTT (mutual TLS, one process)`);
  console.log(
    `connect                   ${r.connected}/${r.devices} connected in ${fmt(r.connectSeconds)} s (${fmt(r.connected / Math.max(0.001, r.connectSeconds), 0)}/s; whole start ${fmt(connectedSeconds)} s with ${r.certificatesIssued} certificates issued)`,
  );
  console.log(
    `memory with all connected sandbox RSS ${fmt(sandboxRss, 0)} MB, simulator RSS ${fmt(devicesRss, 0)} MB`,
  );
  console.log(
    `command round trip        ${trips.length}/${COMMANDED} SUCCEEDED with ${COMMANDS_IN_FLIGHT} outstanding at a time (${fmt(trips.length / tripSeconds, 0)} commands/s), p50 ${fmt(percentile(trips, 50), 1)} ms / p99 ${fmt(percentile(trips, 99), 1)} ms   (target p99 < 100 ms)`,
  );
  console.log(
    `job over MQTT             ${fmt(job.seconds)} s from CreateJob to ${job.status}: ${job.succeeded} succeeded, ${job.failed} failed (simulator: ${r.jobs.succeeded} installed, ${r.jobs.failed} failed)`,
  );
}
