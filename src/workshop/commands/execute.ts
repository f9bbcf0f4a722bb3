/**
 * `iotdm commands` execute, status and history (features.md 11, the quirks' intent): a thing or
 * every member of a thing group (Q-41: the reference never reached groups; AWS refuses group
 * ARNs, so there is one execution per member), the execution followed until it is final, and
 * a device's history over every page.
 */
import {
  CommandExecutionStatus,
  GetCommandCommand,
  GetCommandExecutionCommand,
  GetIndexingConfigurationCommand,
  ListCommandExecutionsCommand,
  ListThingsInThingGroupCommand,
  type StatusReason,
  SearchIndexCommand,
} from "@aws-sdk/client-iot";
import { StartCommandExecutionCommand } from "@aws-sdk/client-iot-jobs-data-plane";
import { allPages, mapLimit } from "../../aws/parallel.js";
import type { AwsSession } from "../../aws/session.js";
import { stateOf } from "./manage.js";

export const EXECUTION_STATUSES: readonly CommandExecutionStatus[] = Object.values(CommandExecutionStatus);

/** What `--wait` waits for: no further change is expected by the service (CMD-7). */
export const FINAL: ReadonlySet<string> = new Set(["SUCCEEDED", "FAILED", "REJECTED", "TIMED_OUT"]);

/** The reference's default wait (seconds), kept: long enough for a person answering by hand. */
export const DEFAULT_TIMEOUT_SECONDS = 60;
/** StartCommandExecution's bounds for executionTimeoutSeconds. */
export const MIN_TIMEOUT_SECONDS = 1;
export const MAX_TIMEOUT_SECONDS = 12 * 60 * 60;

/** Parallel StartCommandExecution calls for a group (the clients pace them to AWS's quota). */
const PARALLEL_STARTS = 16;

export interface ExecutionInfo {
  executionId: string;
  thingName: string;
  commandId: string;
  status: string;
  statusReason?: StatusReason;
  result?: Record<string, string>;
  createdAt?: Date;
  lastUpdatedAt?: Date;
  startedAt?: Date;
  completedAt?: Date;
  commandArn?: string;
  targetArn?: string;
}

export interface StartedExecution {
  thingName: string;
  executionId?: string;
  /** Why it could not start (AWS's error name and message). */
  error?: { name: string; message: string };
  requestTopic?: string;
}

export const thingArn = (session: AwsSession, thingName: string): string =>
  `arn:aws:iot:${session.region}:${session.accountId}:thing/${thingName}`;

const lastSegment = (arn: string | undefined) => (arn ? arn.slice(arn.lastIndexOf("/") + 1) : "");

/** Every member thing of a thing group (static or dynamic), by name. */
export async function groupMembers(session: AwsSession, thingGroupName: string): Promise<string[]> {
  const iot = session.clients.iot;
  return allPages(
    (nextToken) =>
      iot.send(new ListThingsInThingGroupCommand({ thingGroupName, maxResults: 250, nextToken })),
    (p) => p.things,
    (p) => p.nextToken,
  );
}

/** The command as StartCommandExecution needs it; its state tells why it cannot run. */
export async function commandForExecution(session: AwsSession, commandId: string) {
  const c = await session.clients.iot.send(new GetCommandCommand({ commandId }));
  return {
    commandArn: c.commandArn ?? "",
    state: stateOf(c),
    contentType: c.payload?.contentType,
  };
}

/** The request topic of CMD-10 for a thing target. */
export function requestTopic(
  thingName: string,
  executionId: string,
  contentType: string | undefined,
): string {
  const base = contentType?.split(";")[0].trim().toLowerCase();
  const format = base === "application/json" ? "/json" : base === "application/cbor" ? "/cbor" : "";
  return `$aws/commands/things/${thingName}/executions/${executionId}/request${format}`;
}

/** One execution per thing; a thing that fails does not stop the others. */
export async function startExecutions(
  session: AwsSession,
  command: { commandArn: string; contentType?: string },
  thingNames: string[],
  timeoutSeconds: number,
  onStarted: (s: StartedExecution) => void = () => {},
): Promise<StartedExecution[]> {
  const jobsData = await session.clients.jobsData();
  return mapLimit(thingNames, session.concurrency(PARALLEL_STARTS), async (thingName) => {
    let started: StartedExecution;
    try {
      const out = await jobsData.send(
        new StartCommandExecutionCommand({
          commandArn: command.commandArn,
          targetArn: thingArn(session, thingName),
          executionTimeoutSeconds: timeoutSeconds,
        }),
      );
      const executionId = out.executionId ?? "";
      started = {
        thingName,
        executionId,
        requestTopic: requestTopic(thingName, executionId, command.contentType),
      };
    } catch (e) {
      const err = e as Error;
      started = { thingName, error: { name: err.name, message: err.message } };
    }
    onStarted(started);
    return started;
  });
}

export async function getExecution(
  session: AwsSession,
  executionId: string,
  thingName: string,
): Promise<ExecutionInfo> {
  const e = await session.clients.iot.send(
    new GetCommandExecutionCommand({
      executionId,
      targetArn: thingArn(session, thingName),
      includeResult: true,
    }),
  );
  const result = e.result
    ? Object.fromEntries(
        Object.entries(e.result).map(([k, v]) => [
          k,
          v.S ?? (v.B !== undefined ? String(v.B) : v.BIN ? Buffer.from(v.BIN).toString("base64") : ""),
        ]),
      )
    : undefined;
  return {
    executionId: e.executionId ?? executionId,
    thingName,
    commandId: lastSegment(e.commandArn),
    status: e.status ?? "CREATED",
    statusReason: e.statusReason,
    result,
    createdAt: e.createdAt,
    lastUpdatedAt: e.lastUpdatedAt,
    startedAt: e.startedAt,
    completedAt: e.completedAt,
    commandArn: e.commandArn,
    targetArn: e.targetArn,
  };
}

export interface WaitOptions {
  /** Time between two reads of a status. */
  pollMs: number;
  /** Stop waiting (the status as last read) once this many ms have passed. */
  limitMs: number;
  /** Called for every execution whose status changed, and once for each at the start. */
  onStatus: (info: ExecutionInfo) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** Follows executions until each is final or the limit passes; the last status of each. */
export async function waitForFinal(
  session: AwsSession,
  started: Array<{ executionId: string; thingName: string }>,
  opts: WaitOptions,
): Promise<ExecutionInfo[]> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const last = new Map<string, ExecutionInfo>();
  const deadline = Date.now() + opts.limitMs;
  for (;;) {
    const open = started.filter((s) => !FINAL.has(last.get(s.executionId)?.status ?? ""));
    if (open.length === 0 || Date.now() > deadline) break;
    await mapLimit(open, session.concurrency(PARALLEL_STARTS), async (s) => {
      const info = await getExecution(session, s.executionId, s.thingName);
      if (last.get(s.executionId)?.status !== info.status) opts.onStatus(info);
      last.set(s.executionId, info);
    });
    if (started.every((s) => FINAL.has(last.get(s.executionId)?.status ?? ""))) break;
    await sleep(opts.pollMs);
  }
  return started.map((s) => last.get(s.executionId)!).filter(Boolean);
}

export interface HistoryFilter {
  status?: CommandExecutionStatus;
  since?: Date;
  until?: Date;
}

export interface HistoryRow {
  executionId: string;
  commandId: string;
  status: string;
  createdAt?: Date;
  startedAt?: Date;
  completedAt?: Date;
}

/** `yyyy-MM-dd'T'HH:mm` in UTC, as ListCommandExecutions reads it. */
export const minuteOf = (d: Date): string => d.toISOString().slice(0, 16);

/** The reference's window when no time is given: the last 30 days. */
const DEFAULT_WINDOW_MS = 30 * 24 * 3600 * 1000;

/** Every execution on a thing started in the window, newest first. */
export async function history(
  session: AwsSession,
  thingName: string,
  filter: HistoryFilter,
): Promise<HistoryRow[]> {
  const iot = session.clients.iot;
  const since = filter.since ?? new Date(Date.now() - DEFAULT_WINDOW_MS);
  const rows = await allPages(
    (nextToken) =>
      iot.send(
        new ListCommandExecutionsCommand({
          targetArn: thingArn(session, thingName),
          status: filter.status,
          sortOrder: "DESCENDING",
          startedTimeFilter: {
            after: minuteOf(since),
            ...(filter.until ? { before: minuteOf(filter.until) } : {}),
          },
          maxResults: 100,
          nextToken,
        }),
      ),
    (p) => p.commandExecutions,
    (p) => p.nextToken,
  );
  return rows.map((e) => ({
    executionId: e.executionId ?? "",
    commandId: lastSegment(e.commandArn),
    status: e.status ?? "",
    createdAt: e.createdAt,
    startedAt: e.startedAt,
    completedAt: e.completedAt,
  }));
}

/**
 * Which of these things have a device connected, from the fleet index; undefined when the index
 * does not keep connectivity (then nothing can be said).
 */
export async function connectedThings(
  session: AwsSession,
  thingNames: string[],
): Promise<Set<string> | undefined> {
  const iot = session.clients.iot;
  try {
    const config = await iot.send(new GetIndexingConfigurationCommand({}));
    const mode = config.thingIndexingConfiguration;
    if (mode?.thingIndexingMode === "OFF" || mode?.thingConnectivityIndexingMode !== "STATUS")
      return undefined;
    const connected = await allPages(
      (nextToken) =>
        iot.send(
          new SearchIndexCommand({ queryString: "connectivity.connected:true", maxResults: 500, nextToken }),
        ),
      (p) => p.things,
      (p) => p.nextToken,
    );
    const wanted = new Set(thingNames);
    return new Set(connected.map((t) => t.thingName ?? "").filter((n) => wanted.has(n)));
  } catch {
    // The index is optional here: a failure says nothing about the devices.
    return undefined;
  }
}
