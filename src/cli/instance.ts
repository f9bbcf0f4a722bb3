/**
 * One naming for choosing a sandbox instance in every command: `--sandbox-port` and
 * `--sandbox-dir` (workflow commands and `sandbox` subcommands alike; `--port`/`--data-dir`
 * stay as hidden aliases of the `sandbox` subcommands), else IOTDM_SANDBOX_PORT and
 * IOTDM_SANDBOX_DIR, else the default instance. Also the command lines that hints print.
 */
import { Option, type Command } from "commander";
import { UsageError } from "../io/errors.js";
import type { IoHost } from "../io/host.js";
import { fromFlag, type Parsed } from "../io/input.js";
import { t } from "../io/i18n.js";
import { type InstanceRef, instanceRef } from "../sandbox/control.js";
import { DEFAULT_PORT, defaultDataDir } from "../sandbox/settings.js";

export interface InstanceFlags {
  sandboxPort?: string;
  sandboxDir?: string;
  /** Hidden aliases kept for scripts written before the naming was unified. */
  port?: string;
  dataDir?: string;
  /** The address of the instance (`sandbox` subcommands only; default 127.0.0.1). */
  host?: string;
}

function parsePort(raw: string): Parsed<number> {
  const port = Number(raw);
  return /^\d+$/.test(raw.trim()) && port > 0 && port < 65536
    ? { value: port }
    : { problem: { key: "target.badPort", vars: { value: raw } } };
}

/** The port and directory chosen by flags, else by IOTDM_SANDBOX_PORT / IOTDM_SANDBOX_DIR. */
export function chosenInstance(
  flags: InstanceFlags,
  env: Record<string, string | undefined> = process.env,
): { port?: number; dataDir?: string } {
  const port = fromFlag("--sandbox-port", flags.sandboxPort ?? flags.port, parsePort);
  const dataDir = flags.sandboxDir ?? flags.dataDir;
  if (port !== undefined || dataDir !== undefined) return { port, dataDir };
  return {
    port: fromFlag("IOTDM_SANDBOX_PORT", env.IOTDM_SANDBOX_PORT || undefined, parsePort),
    dataDir: env.IOTDM_SANDBOX_DIR || undefined,
  };
}

export function instanceOf(flags: InstanceFlags): InstanceRef {
  return instanceRef({ ...chosenInstance(flags), host: flags.host });
}

/** Adds the instance options and --host to a `sandbox` subcommand (with the old spellings hidden). */
export function addInstanceOptions(cmd: Command): Command {
  return cmd
    .option("--sandbox-port <port>", t("sandbox.opt.port"))
    .option("--sandbox-dir <dir>", t("sandbox.opt.dataDir"))
    .addOption(new Option("--port <port>").hideHelp())
    .addOption(new Option("--data-dir <dir>").hideHelp())
    .option("--host <address>", t("sandbox.opt.host"));
}

/** The flags that select this instance again (nothing for the default one). */
export function instanceArgs(i: { port: number; dataDir: string }): string[] {
  const args = i.port === DEFAULT_PORT ? [] : ["--sandbox-port", String(i.port)];
  if (i.dataDir !== defaultDataDir(i.port)) args.push("--sandbox-dir", i.dataDir);
  return args;
}

/** A command line as a user would type it: arguments quoted for a POSIX shell where needed. */
export function commandLine(args: string[]): string {
  return args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)).join(" ");
}

/** Refuses selections that contradict each other (e.g. --aws with --sandbox-port). */
export function assertOneTarget(given: Record<string, unknown>): void {
  const set = Object.entries(given).filter(([, v]) => v !== undefined && v !== false);
  if (set.length > 1) throw new UsageError(t("target.conflict", { flags: set.map(([k]) => k).join(", ") }));
}

/** The one line said when a command started a sandbox in the background: where, and how to stop it. */
export function announceStart(
  host: IoHost,
  endpoint: string,
  instance: { port: number; dataDir: string },
): void {
  host.notice("info", "target.sandboxStarted", {
    endpoint,
    dataDir: instance.dataDir,
    stop: commandLine(["iotdm", "sandbox", "stop", ...instanceArgs(instance)]),
  });
}
