/**
 * `iotdm commands` execute, status and history: their questions (each with a flag) and what they
 * show; `--wait` follows the executions live. The workflow logic is in workshop/commands/execute.ts.
 */
import type { CommandExecutionStatus } from "@aws-sdk/client-iot";
import { ExplainedError, UsageError } from "../../io/errors.js";
import type { IoHost } from "../../io/host.js";
import { type MessageKey, t } from "../../io/i18n.js";
import { fromFlag, input, type Parsed } from "../../io/input.js";
import { columnWidths, tableRow } from "../../io/table.js";
import {
  commandForExecution,
  connectedThings,
  DEFAULT_TIMEOUT_SECONDS,
  EXECUTION_STATUSES,
  type ExecutionInfo,
  FINAL,
  getExecution,
  groupMembers,
  history,
  MAX_TIMEOUT_SECONDS,
  MIN_TIMEOUT_SECONDS,
  type StartedExecution,
  startExecutions,
  waitForFinal,
} from "../../workshop/commands/execute.js";
import type { Session } from "../session.js";
import type { CommandsFlags } from "./commands.js";
import { commandIdFrom, stateText, when } from "./commands-manage.js";
import { offerSimulatedCars } from "./commands-simulate.js";

const isAwsError = (e: unknown, name: string) => e instanceof Error && e.name === name;
const nonEmpty =
  (
    key:
      | "commands.execute.thingRequired"
      | "commands.execute.groupRequired"
      | "commands.status.executionRequired",
  ) =>
  (raw: string): Parsed<string> =>
    raw.trim() === "" ? { problem: { key } } : { value: raw.trim() };

const STATUS_KEYS: Record<CommandExecutionStatus, MessageKey> = {
  CREATED: "commands.executionStatus.CREATED",
  IN_PROGRESS: "commands.executionStatus.IN_PROGRESS",
  SUCCEEDED: "commands.executionStatus.SUCCEEDED",
  FAILED: "commands.executionStatus.FAILED",
  REJECTED: "commands.executionStatus.REJECTED",
  TIMED_OUT: "commands.executionStatus.TIMED_OUT",
};
const statusText = (status: string) =>
  Object.hasOwn(STATUS_KEYS, status) ? t(STATUS_KEYS[status as CommandExecutionStatus]) : status;

const HISTORY_COLUMNS: MessageKey[] = [
  "commands.history.columns.command",
  "commands.history.columns.status",
  "commands.history.columns.created",
  "commands.history.columns.completed",
  "commands.history.columns.execution",
];

function parseTimeout(raw: string): Parsed<number> {
  const n = Number(raw.trim());
  return Number.isInteger(n) && n >= MIN_TIMEOUT_SECONDS && n <= MAX_TIMEOUT_SECONDS
    ? { value: n }
    : { problem: { key: "commands.execute.badTimeout", vars: { value: raw, max: MAX_TIMEOUT_SECONDS } } };
}

/** --thing, else asked. */
const thingOf = (host: IoHost, flags: CommandsFlags, key: MessageKey) =>
  input(host, {
    flag: "--thing",
    given: flags.thing,
    parse: nonEmpty("commands.execute.thingRequired"),
    prompt: { key },
  });

/** The things to run on: --thing, --thing-group (every member), or asked. */
async function targetsOf(host: IoHost, session: Session, flags: CommandsFlags) {
  if (flags.thing !== undefined && flags.thingGroup !== undefined)
    throw new UsageError(t("commands.execute.bothTargets"));
  const kind =
    flags.thing !== undefined
      ? "thing"
      : flags.thingGroup !== undefined
        ? "group"
        : await input(host, {
            flag: "--thing",
            given: undefined,
            parse: (raw): Parsed<"thing" | "group"> => ({ value: raw === "group" ? "group" : "thing" }),
            prompt: { key: "commands.execute.targetKind" },
            choices: [
              { value: "thing" as const, label: t("commands.execute.oneThing") },
              { value: "group" as const, label: t("commands.execute.aGroup") },
            ],
          });
  if (kind === "thing")
    return { things: [await thingOf(host, flags, "commands.execute.thingPrompt")], group: undefined };
  const group = await input(host, {
    flag: "--thing-group",
    given: flags.thingGroup,
    parse: nonEmpty("commands.execute.groupRequired"),
    prompt: { key: "commands.execute.groupPrompt" },
  });
  let things: string[];
  try {
    things = await groupMembers(session, group);
  } catch (e) {
    if (isAwsError(e, "ResourceNotFoundException"))
      throw new ExplainedError("ThingGroupNotFound", "commands.execute.noGroup", { group });
    throw e;
  }
  if (things.length === 0)
    throw new ExplainedError("EmptyThingGroup", "commands.execute.emptyGroup", { group });
  return { things, group };
}

export async function executeAction(host: IoHost, session: Session, flags: CommandsFlags): Promise<void> {
  await host.learn("commands.learn.compare");
  await host.learn("commands.learn.topics");
  const commandId = await commandIdFrom(host, session, flags);
  if (commandId === undefined) return;
  const command = await commandForExecution(session, commandId).catch((e: unknown) => {
    if (isAwsError(e, "ResourceNotFoundException"))
      throw new ExplainedError("CommandNotFound", "commands.notFound", { id: commandId });
    throw e;
  });
  if (command.state !== "ACTIVE")
    throw new ExplainedError("CommandNotRunnable", "commands.execute.notRunnable", {
      id: commandId,
      state: stateText(command.state),
    });
  const { things, group } = await targetsOf(host, session, flags);
  const timeout = await input(host, {
    flag: "--timeout",
    given: flags.timeout,
    parse: parseTimeout,
    prompt: {
      key: "commands.execute.timeoutPrompt",
      vars: { max: MAX_TIMEOUT_SECONDS, default: DEFAULT_TIMEOUT_SECONDS },
    },
    default: String(DEFAULT_TIMEOUT_SECONDS),
  });
  // In a session at the terminal, following the status is offered; elsewhere only --wait follows.
  const wait =
    flags.wait ??
    (host.interactive && !host.yes && !host.json
      ? await host.prompts.confirm({ key: "commands.execute.waitPrompt", flag: "--wait", default: true })
      : false);
  const connected = await connectedThings(session, things);
  const offline = connected ? things.filter((n) => !connected.has(n)) : [];
  if (offline.length > 0)
    host.say("warn", "commands.execute.noDevice", { count: offline.length, thing: offline[0] });
  const cars = offline.length > 0 ? await offerSimulatedCars(host, session, flags, offline) : undefined;
  // Simulated cars run only as long as this command: it follows their answers to the end.
  const { started, final } = await startAndFollow(host, session, {
    commandId,
    command,
    things,
    timeout,
    wait: wait || !!cars,
  }).finally(() => cars?.disconnect());
  host.result({
    commandId,
    commandArn: command.commandArn,
    ...(group ? { thingGroup: group } : {}),
    timeoutSeconds: timeout,
    executions: started.map((s) => {
      const last = final?.find((f) => f.executionId === s.executionId);
      return { ...s, status: s.executionId ? (last?.status ?? "CREATED") : undefined };
    }),
  });
}

/** Starts the executions and, when asked, follows them to their final status. */
async function startAndFollow(
  host: IoHost,
  session: Session,
  run: {
    commandId: string;
    command: Parameters<typeof startExecutions>[1];
    things: string[];
    timeout: number;
    wait: boolean;
  },
): Promise<{ started: StartedExecution[]; final?: ExecutionInfo[] }> {
  const { commandId, command, things, timeout, wait } = run;
  host.say("step", "commands.execute.starting", { id: commandId, count: things.length });
  const started = await startExecutions(session, command, things, timeout, (s) =>
    showStarted(host, s, things.length),
  );
  const ok = started.filter(
    (s): s is StartedExecution & { executionId: string } => s.executionId !== undefined,
  );
  if (things.length > 1)
    host.say("info", "commands.execute.summary", { started: ok.length, total: things.length });
  if (ok.length < started.length) host.fail();
  if (ok.length === 1 && !wait) {
    host.say("detail", "commands.execute.respondHint", {
      topic: ok[0].requestTopic!.replace(/\/request(\/\w+)?$/, "/response$1"),
    });
    host.say("detail", "commands.execute.followHint", {
      executionId: ok[0].executionId,
      thing: ok[0].thingName,
    });
  }
  const final = wait && ok.length > 0 ? await follow(host, session, ok, timeout) : undefined;
  return { started, final };
}

function showStarted(host: IoHost, s: StartedExecution, total: number): void {
  if (s.error) {
    const error =
      s.error.name === "ResourceNotFoundException"
        ? t("commands.execute.noThing", { thing: s.thingName })
        : `${s.error.name}: ${s.error.message}`;
    host.say("error", "commands.execute.failed", { thing: s.thingName, error });
    return;
  }
  host.say("success", "commands.execute.started", { thing: s.thingName, executionId: s.executionId ?? "" });
  if (total === 1) host.say("detail", "commands.execute.topic", { topic: s.requestTopic ?? "" });
}

/** `--wait`: every status change as it comes, until each execution is final. */
async function follow(
  host: IoHost,
  session: Session,
  started: Array<{ executionId: string; thingName: string }>,
  timeout: number,
): Promise<ExecutionInfo[]> {
  host.say("info", "commands.execute.waiting", { count: started.length, seconds: timeout });
  const pollMs = session.target.kind === "sandbox" ? 200 : 1000;
  // The service times the execution out itself; the margin covers its timer and our last read.
  const final = await waitForFinal(session, started, {
    pollMs,
    limitMs: (timeout + 30) * 1000,
    onStatus: (info) =>
      host.say("plain", "commands.execute.change", {
        thing: info.thingName,
        status: statusText(info.status),
      }),
  });
  for (const info of final)
    if (!FINAL.has(info.status))
      host.say("warn", "commands.execute.stillOpen", {
        thing: info.thingName,
        status: statusText(info.status),
      });
  const timedOut = final.find((f) => f.status === "TIMED_OUT");
  if (timedOut) await host.learn("commands.learn.timedOut", { thing: timedOut.thingName });
  else if (final.some((f) => f.status === "SUCCEEDED")) await host.learn("commands.learn.lifecycle");
  if (final.some((f) => f.status !== "SUCCEEDED")) host.fail();
  return final;
}

function duration(ms: number): string {
  if (ms < 60_000) return t("commands.status.seconds", { value: (ms / 1000).toFixed(1) });
  if (ms < 3_600_000) return t("commands.status.minutes", { value: (ms / 60_000).toFixed(1) });
  return t("commands.status.hours", { value: (ms / 3_600_000).toFixed(1) });
}

function showExecution(host: IoHost, e: ExecutionInfo): void {
  host.say("title", "commands.status.title", { executionId: e.executionId });
  host.say("plain", "commands.status.command", { value: e.commandId });
  host.say("plain", "commands.status.target", { value: e.thingName });
  const tone =
    e.status === "SUCCEEDED"
      ? "success"
      : e.status === "CREATED" || e.status === "IN_PROGRESS"
        ? "warn"
        : "error";
  host.say(tone, "commands.status.statusLine", { value: `${statusText(e.status)} (${e.status})` });
  if (e.status === "IN_PROGRESS") host.say("detail", "commands.status.inProgress");
  if (e.statusReason)
    host.say("plain", "commands.status.reason", {
      code: e.statusReason.reasonCode ?? "",
      description: e.statusReason.reasonDescription ? `: ${e.statusReason.reasonDescription}` : "",
    });
  for (const [name, value] of Object.entries(e.result ?? {}))
    host.say("plain", "commands.status.result", { name, value });
  host.say("plain", "commands.status.created", { value: when(e.createdAt) });
  host.say("plain", "commands.status.updated", { value: when(e.lastUpdatedAt) });
  if (e.startedAt) host.say("plain", "commands.status.started", { value: when(e.startedAt) });
  if (e.completedAt) {
    host.say("plain", "commands.status.completed", { value: when(e.completedAt) });
    if (e.createdAt)
      host.say("plain", "commands.status.duration", {
        value: duration(e.completedAt.getTime() - e.createdAt.getTime()),
      });
  }
  if (e.commandArn) host.line("detail", `   ${e.commandArn}`);
  if (e.targetArn) host.line("detail", `   ${e.targetArn}`);
}

export async function statusAction(host: IoHost, session: Session, flags: CommandsFlags): Promise<void> {
  const executionId = await input(host, {
    flag: "--execution-id",
    given: flags.executionId,
    parse: nonEmpty("commands.status.executionRequired"),
    prompt: { key: "commands.status.executionPrompt" },
  });
  const thing = await thingOf(host, flags, "commands.status.thingPrompt");
  let e: ExecutionInfo;
  try {
    e = await getExecution(session, executionId, thing);
  } catch (err) {
    if (isAwsError(err, "ResourceNotFoundException"))
      throw new ExplainedError("ExecutionNotFound", "commands.status.notFound", { executionId, thing });
    throw err;
  }
  showExecution(host, e);
  host.result({ execution: e });
  await host.learn("commands.learn.lifecycle");
}

/** `2026-01-31T08:00` (UTC unless a zone is given), `2026-01-31 08:00:00` or a date. */
function parseTime(raw: string): Parsed<Date | undefined> {
  const s = raw.trim();
  if (s === "") return { value: undefined };
  const iso = s.replace(" ", "T");
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes("T") ? iso : `${iso}Z`);
  return Number.isNaN(d.getTime())
    ? { problem: { key: "commands.history.badTime", vars: { value: raw } } }
    : { value: d };
}

function parseStatus(raw: string): Parsed<CommandExecutionStatus | undefined> {
  const s = raw.trim().toUpperCase();
  if (s === "") return { value: undefined };
  return (EXECUTION_STATUSES as readonly string[]).includes(s)
    ? { value: s as CommandExecutionStatus }
    : {
        problem: {
          key: "commands.history.badStatus",
          vars: { value: raw, values: EXECUTION_STATUSES.join(", ") },
        },
      };
}

export async function historyAction(host: IoHost, session: Session, flags: CommandsFlags): Promise<void> {
  const thing = await thingOf(host, flags, "commands.execute.thingPrompt");
  // With any filter given as a flag, the others are not asked (they are simply absent).
  const anyFlag =
    flags.status !== undefined ||
    flags.since !== undefined ||
    flags.until !== undefined ||
    flags.thing !== undefined;
  const ask = <T>(
    flag: string,
    given: string | undefined,
    key: "commands.history.statusPrompt" | "commands.history.sincePrompt" | "commands.history.untilPrompt",
    parse: (raw: string) => Parsed<T>,
  ) =>
    anyFlag
      ? (fromFlag(flag, given, parse) as T | undefined)
      : input(host, { flag, given, parse, prompt: { key }, default: "" });
  const status = await ask("--status", flags.status, "commands.history.statusPrompt", parseStatus);
  const since = await ask("--since", flags.since, "commands.history.sincePrompt", parseTime);
  const until = await ask("--until", flags.until, "commands.history.untilPrompt", parseTime);
  if (since && until && since > until) throw new UsageError(t("commands.history.badRange"));
  const rows = await history(session, thing, {
    status: status ?? undefined,
    since: since ?? undefined,
    until: until ?? undefined,
  });
  if (rows.length === 0) host.say("info", "commands.history.none", { thing });
  else {
    host.say("title", "commands.history.title", {
      thing,
      from: since ? when(since) : t("commands.history.beginning"),
      to: until ? when(until) : t("commands.history.now"),
      status: status ? `, ${status}` : "",
    });
    const table = [
      HISTORY_COLUMNS.map((k) => t(k)),
      ...rows.map((r) => [
        r.commandId,
        statusText(r.status),
        when(r.createdAt),
        r.completedAt ? when(r.completedAt) : t("commands.history.notYet"),
        r.executionId,
      ]),
    ];
    const widths = columnWidths(table);
    table.forEach((cells, i) => host.line(i === 0 ? "step" : "plain", tableRow(cells, widths)));
    host.say("detail", "commands.history.total", { count: rows.length });
  }
  host.result({ thing, status, since, until, executions: rows });
  await host.learn("commands.learn.bestPractices");
  await host.learn("commands.learn.console");
}
