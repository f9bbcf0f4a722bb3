/**
 * `iotdm device`: a fleet of simulated cars in one process (issue 10 item 7). Each connects over
 * MQTT with its own certificate (credentials.ts) and the least-privilege device policy
 * (policy.ts), then behaves as device.ts says until the run's duration ends or it is stopped;
 * every device disconnects cleanly. Thousands fit in one process: a device is one TLS socket and
 * a few small objects.
 */
import { DescribeThingCommand } from "@aws-sdk/client-iot";
import { performance } from "node:perf_hooks";
import { type MqttEndpoint, mqttEndpointOf } from "../../aws/mqtt-endpoint.js";
import { mapLimit } from "../../aws/parallel.js";
import type { AwsSession } from "../../aws/session.js";
import { ExplainedError } from "../../io/errors.js";
import { hasCode } from "../errors.js";
import type { WorkshopIo } from "../io.js";
import { thingNamePattern } from "../naming.js";
import { type DeviceCredentials, ensureDeviceCredentials } from "./credentials.js";
import { type DeviceBehaviour, type DeviceEvent, SimulatedDevice } from "./device.js";
import { DeviceLink } from "./link.js";
import { ensureDevicePolicy } from "./policy.js";
import { listAllThings } from "../things.js";

/** Devices connecting at once: TLS handshakes are the cost on both sides. */
const CONNECT_CONCURRENCY = 64;
const MAX_LISTED_PROBLEMS = 20;
const COMMAND_EVENT = {
  succeeded: "device.event.command.succeeded",
  failed: "device.event.command.failed",
  ignored: "device.event.command.ignored",
} as const;

export type DeviceSelection = { things: string[] } | { prefix: string; count: number };

export interface DeviceFleetOptions extends DeviceBehaviour {
  selection: DeviceSelection;
  /** Seconds to run once connected; until `stop` resolves when undefined. */
  durationSeconds?: number;
  /** Resolves when the user stops the run (Ctrl-C). */
  stop?: Promise<void>;
  /** One line per device event (default when few devices run). */
  verbose: boolean;
}

export interface DeviceFleetReport {
  endpoint: string;
  devices: number;
  connected: number;
  certificatesIssued: number;
  connectSeconds: number;
  seconds: number;
  commands: { succeeded: number; failed: number; ignored: number };
  jobs: { succeeded: number; failed: number };
  batteryReports: number;
  problems: Array<{ thing: string; what: string }>;
}

/** The things to simulate: those named, or the first `count` whose names are the prefix + digits. */
async function selectThings(session: AwsSession, selection: DeviceSelection): Promise<string[]> {
  if ("things" in selection) {
    const exists = await mapLimit(selection.things, session.concurrency(16), (thingName) =>
      session.clients.iot.send(new DescribeThingCommand({ thingName })).then(
        () => true,
        (e: unknown) => {
          if (hasCode(e, "ResourceNotFoundException")) return false;
          throw e;
        },
      ),
    );
    const unknown = selection.things.filter((_, i) => !exists[i]);
    if (unknown.length > 0)
      throw new ExplainedError("ResourceNotFoundException", "device.unknownThings", {
        names: unknown.join(", "),
      });
    return selection.things;
  }
  const pattern = thingNamePattern(selection.prefix);
  const things = await listAllThings(session);
  const names = things.map((t) => t.thingName ?? "").filter((name) => pattern.test(name));
  return names.sort().slice(0, selection.count);
}

/** The report lists the first problems only: a fleet of thousands could have as many. */
function listProblem(report: DeviceFleetReport, thing: string, what: string): void {
  if (report.problems.length < MAX_LISTED_PROBLEMS) report.problems.push({ thing, what });
}

function tally(report: DeviceFleetReport, io: WorkshopIo, verbose: boolean): (e: DeviceEvent) => void {
  return (e) => {
    if (e.kind === "command") {
      const key = e.answer === "SUCCEEDED" ? "succeeded" : e.answer === "FAILED" ? "failed" : "ignored";
      report.commands[key]++;
      if (verbose)
        io.say("detail", COMMAND_EVENT[key], { thing: e.thing, action: e.action, id: e.executionId });
    } else if (e.kind === "job") {
      report.jobs[e.status === "SUCCEEDED" ? "succeeded" : "failed"]++;
      if (verbose)
        io.say("detail", e.status === "SUCCEEDED" ? "device.event.jobSucceeded" : "device.event.jobFailed", {
          thing: e.thing,
          job: e.jobId,
          bytes: e.bytes,
        });
    } else if (e.kind === "battery") {
      report.batteryReports++;
      if (verbose) io.say("detail", "device.event.battery", { thing: e.thing, level: e.level });
    } else {
      listProblem(report, e.thing, e.what);
      if (verbose) io.say("warn", "device.event.problem", { thing: e.thing, what: e.what });
    }
  };
}

async function connectAll(
  io: WorkshopIo,
  endpoint: MqttEndpoint,
  things: string[],
  credentials: Map<string, DeviceCredentials> | undefined,
  start: (link: DeviceLink) => Promise<void>,
  report: DeviceFleetReport,
): Promise<DeviceLink[]> {
  const links: DeviceLink[] = [];
  const bar = io.progress("device.progress.connecting", things.length);
  try {
    await mapLimit(things, CONNECT_CONCURRENCY, async (thing) => {
      const link = new DeviceLink(thing);
      try {
        await link.connect(endpoint, credentials?.get(thing));
        links.push(link);
        await start(link);
      } catch (e) {
        listProblem(report, thing, String(e));
      }
      bar.tick();
    });
  } finally {
    bar.stop();
  }
  return links;
}

/** A fleet of connected devices; `disconnect` ends their run and gives the report. */
export interface ConnectedFleet {
  readonly report: DeviceFleetReport;
  disconnect(): Promise<DeviceFleetReport>;
}

/** Connects the selected devices (issuing what they lack) and starts their behaviour. */
export async function connectDeviceFleet(
  session: AwsSession,
  io: WorkshopIo,
  options: Omit<DeviceFleetOptions, "durationSeconds" | "stop">,
): Promise<ConnectedFleet> {
  const t0 = performance.now();
  const endpoint = await mqttEndpointOf(session);
  if (!endpoint) throw new ExplainedError("NoBroker", "device.noBroker", { target: session.target.label });
  const things = await selectThings(session, options.selection);
  if (things.length === 0) throw new ExplainedError("NoThings", "device.noThings");
  const report: DeviceFleetReport = {
    endpoint: endpoint.url,
    devices: things.length,
    connected: 0,
    certificatesIssued: 0,
    connectSeconds: 0,
    seconds: 0,
    commands: { succeeded: 0, failed: 0, ignored: 0 },
    jobs: { succeeded: 0, failed: 0 },
    batteryReports: 0,
    problems: [],
  };
  // Without mutual TLS (a sandbox run with --no-auth) devices need no certificate.
  let credentials: Map<string, DeviceCredentials> | undefined;
  if (endpoint.url.startsWith("mqtts:")) {
    await ensureDevicePolicy(session);
    const ensured = await ensureDeviceCredentials(session, io, things);
    credentials = ensured.credentials;
    report.certificatesIssued = ensured.issued;
  }
  const onEvent = tally(report, io, options.verbose);
  const devices: SimulatedDevice[] = [];
  const tConnect = performance.now();
  const links = await connectAll(
    io,
    endpoint,
    things,
    credentials,
    async (link) => {
      const device = new SimulatedDevice(link, options, onEvent);
      devices.push(device);
      await device.start();
    },
    report,
  );
  report.connected = links.length;
  report.connectSeconds = (performance.now() - tConnect) / 1000;
  io.say("success", "device.connected", { count: links.length, total: things.length, url: endpoint.url });
  return {
    report,
    disconnect: async () => {
      for (const device of devices) device.stop();
      await mapLimit(links, CONNECT_CONCURRENCY, (link) => link.close().catch(() => undefined));
      report.seconds = (performance.now() - t0) / 1000;
      return report;
    },
  };
}

/** Connects the devices, lets them work for the duration or until stopped, and disconnects them. */
export async function runDeviceFleet(
  session: AwsSession,
  io: WorkshopIo,
  options: DeviceFleetOptions,
): Promise<DeviceFleetReport> {
  const fleet = await connectDeviceFleet(session, io, options);
  let timer: NodeJS.Timeout | undefined;
  const waits: Array<Promise<void>> = [];
  if (options.stop) waits.push(options.stop);
  if (options.durationSeconds !== undefined)
    waits.push(
      new Promise((resolve) => (timer = setTimeout(resolve, (options.durationSeconds ?? 0) * 1000))),
    );
  if (waits.length > 0) await Promise.race(waits);
  clearTimeout(timer);
  return fleet.disconnect();
}
