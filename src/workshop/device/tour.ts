/**
 * The tour's commands stop (issue 10 item 8): a few simulated cars connect with their own
 * certificates, the fleet index sees them connected, a lock command round-trips to the first one
 * (CreateCommand, StartCommandExecution, the car's answer, the execution read back), and the cars
 * disconnect.
 */
import { SearchIndexCommand } from "@aws-sdk/client-iot";
import type { AwsSession } from "../../aws/session.js";
import { VEHICLE_COMMANDS } from "../commands/catalog.js";
import { type ExecutionInfo, startExecutions, waitForFinal } from "../commands/execute.js";
import { createCommand, describeCommand } from "../commands/manage.js";
import { hasCode } from "../errors.js";
import type { WorkshopIo } from "../io.js";
import { connectDeviceFleet } from "./fleet.js";

export interface CommandsStop {
  devices: number;
  connected: number;
  /** Things the fleet index reported connected while the cars were online. */
  indexedConnected: number;
  commandId: string;
  status?: string;
  /** Things the fleet index reports connected after the cars left. */
  indexedAfter: number;
}

const LOCK = VEHICLE_COMMANDS[0];
const TIMEOUT_SECONDS = 30;
const POLL_MS = 100;
/** How long the tour waits for the fleet index to see the cars leave. */
const SETTLE_MS = 10_000;

async function connectedCount(session: AwsSession, prefix: string): Promise<number> {
  const out = await session.clients.iot.send(
    new SearchIndexCommand({
      queryString: `connectivity.connected:true AND thingName:${prefix}*`,
      maxResults: 100,
    }),
  );
  return out.things?.length ?? 0;
}

/** The connected count once it reaches `expected`, or as it is when the wait is over. */
async function settledCount(session: AwsSession, prefix: string, expected: number): Promise<number> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const count = await connectedCount(session, prefix);
    if (count === expected || Date.now() > deadline) return count;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * The lock command, created (tagged for cleanup) unless a usable one exists. A deleted command
 * stays pending deletion for up to 12 hours (CMD-6) and cannot run: the tour then makes another.
 */
async function lockCommand(
  session: AwsSession,
  description: string,
): Promise<{ commandId: string; commandArn: string }> {
  const create = async (commandId: string) => ({
    commandId,
    commandArn: (await createCommand(session, { commandId, description, payload: { ...LOCK.payload } }))
      .commandArn,
  });
  try {
    return await create(LOCK.id);
  } catch (e) {
    if (!hasCode(e, "ConflictException")) throw e;
    const existing = await describeCommand(session, LOCK.id);
    if (existing.state === "ACTIVE") return { commandId: LOCK.id, commandArn: existing.commandArn };
    return create(`${LOCK.id}-${Date.now().toString(36)}`);
  }
}

export async function tourCommands(
  session: AwsSession,
  io: WorkshopIo,
  opts: { things: string[]; prefix: string; lockDescription: string },
): Promise<CommandsStop> {
  const fleet = await connectDeviceFleet(session, io, {
    selection: { things: opts.things },
    commandOutcome: "succeed",
    successRate: 100,
    reportIntervalSeconds: 0,
    random: Math.random,
    verbose: true,
  });
  const stop: CommandsStop = {
    devices: fleet.report.devices,
    connected: fleet.report.connected,
    indexedConnected: 0,
    commandId: LOCK.id,
    indexedAfter: 0,
  };
  try {
    stop.indexedConnected = await connectedCount(session, opts.prefix);
    io.say("info", "device.tour.indexed", { count: stop.indexedConnected });
    const { commandId, commandArn } = await lockCommand(session, opts.lockDescription);
    stop.commandId = commandId;
    const thing = opts.things[0] as string;
    const [started] = await startExecutions(
      session,
      { commandArn, contentType: "application/json" },
      [thing],
      TIMEOUT_SECONDS,
    );
    if (started?.error) io.say("error", "device.tour.notStarted", { thing, error: started.error.message });
    if (started?.executionId) {
      const show = (info: ExecutionInfo) =>
        io.say("detail", "device.tour.status", { thing, status: info.status });
      const [last] = await waitForFinal(session, [{ executionId: started.executionId, thingName: thing }], {
        pollMs: POLL_MS,
        limitMs: TIMEOUT_SECONDS * 1000,
        onStatus: show,
      });
      stop.status = last?.status;
    }
  } finally {
    await fleet.disconnect();
  }
  // The broker records a disconnection once it has seen the connection close: moments later.
  stop.indexedAfter = await settledCount(session, opts.prefix, 0);
  io.say("info", "device.tour.disconnected", { count: stop.indexedAfter });
  return stop;
}
