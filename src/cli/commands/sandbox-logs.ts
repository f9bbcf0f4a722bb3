/**
 * `iotdm sandbox logs [-f] [--json]`: the API calls an instance answered (its request log), as a
 * table or as JSON lines; `-f` follows new calls until Ctrl-C (exit 130, as every interrupted
 * command). Reads the log through the authenticated admin API, never starts an instance.
 */
import type { Command } from "commander";
import type { IoHost } from "../../io/host.js";
import { t } from "../../io/i18n.js";
import { columnWidths, tableRow } from "../../io/table.js";
import { adminGet, findRunning, type InstanceRef } from "../../sandbox/control.js";
import type { LogEntry } from "../../sandbox/request-log.js";
import { UsageError } from "../../io/errors.js";
import { type InstanceFlags, addInstanceOptions, instanceOf } from "../instance.js";

/** How long one follow request waits on the instance for new entries (long poll). */
const FOLLOW_WAIT_MS = 10_000;
/** Widths of a followed table, fixed before the entries are known. */
const FOLLOW_WIDTHS = [12, 13, 30, 6, 9, 32, 36];
const EXIT_INTERRUPTED = 130;

interface LogsOptions {
  follow?: boolean;
  lines?: string;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Local time of day with milliseconds. */
function clockTime(iso: string): string {
  const d = new Date(iso);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, "0")}`;
}

function cells(e: LogEntry): string[] {
  return [
    clockTime(e.time),
    e.service,
    e.operation,
    String(e.status),
    e.latencyMs.toFixed(1),
    e.errorCode ?? "-",
    e.requestId,
  ];
}

function header(): string[] {
  return [
    t("sandbox.logs.column.time"),
    t("sandbox.logs.column.service"),
    t("sandbox.logs.column.operation"),
    t("sandbox.logs.column.status"),
    t("sandbox.logs.column.latency"),
    t("sandbox.logs.column.error"),
    t("sandbox.logs.column.requestId"),
  ];
}

async function page(instance: InstanceRef, since: number, wait: number, signal?: AbortSignal) {
  const query = `logs?since=${since}&wait=${wait}`;
  return (await adminGet(instance, query, signal)) as { entries: LogEntry[]; next: number };
}

async function showLogs(io: IoHost, ref: InstanceRef, o: LogsOptions): Promise<void> {
  const lines = o.lines === undefined ? 100 : Number(o.lines);
  if (!Number.isSafeInteger(lines) || lines < 0) throw new UsageError(t("sandbox.logs.badLines"));
  const instance = await findRunning(ref);
  if (!instance) {
    io.info("sandbox.notRunning", { port: ref.port, dataDir: ref.dataDir });
    io.fail();
    return;
  }
  // Ctrl-C is ours from before the first line is printed: a reader that stops us as soon as it
  // sees output must not meet Node's default handler (killed by the signal instead of exit 130).
  const stop = new AbortController();
  const interrupted = () => stop.abort();
  if (o.follow) process.once("SIGINT", interrupted);
  try {
    const first = await page(instance, 0, 0);
    const shown = lines === 0 ? [] : first.entries.slice(-lines);
    const print = (entries: LogEntry[], widths: number[]) => {
      for (const e of entries) io.data(io.json ? JSON.stringify(e) : tableRow(cells(e), widths));
    };
    const widths = o.follow ? FOLLOW_WIDTHS : columnWidths([header(), ...shown.map(cells)]);
    if (!io.json) io.line("title", tableRow(header(), widths));
    print(shown, widths);
    if (!o.follow) return;
    let since = first.next;
    while (!stop.signal.aborted) {
      const next = await page(instance, since, FOLLOW_WAIT_MS, stop.signal).catch((e: unknown) => {
        if (stop.signal.aborted) return undefined;
        throw e;
      });
      if (!next) break;
      print(next.entries, widths);
      since = next.next;
    }
  } finally {
    process.off("SIGINT", interrupted);
  }
  io.exitCode = EXIT_INTERRUPTED;
}

/** Adds `logs` to the `sandbox` command. */
export function logsCommand(sandbox: Command, host: () => IoHost): void {
  addInstanceOptions(sandbox.command("logs").description(t("sandbox.logs.description")))
    .option("-f, --follow", t("sandbox.logs.opt.follow"))
    .option("-n, --lines <count>", t("sandbox.logs.opt.lines"))
    .action(async (o: InstanceFlags & LogsOptions) => showLogs(host(), instanceOf(o), o));
}
