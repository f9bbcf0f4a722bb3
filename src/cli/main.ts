#!/usr/bin/env node
/**
 * `iotdm`: one subcommand per workshop script. Exit codes: 0 success; 1 failure, or a
 * declined confirmation; 2 usage error; 130 interrupted (Ctrl-C at a prompt or mid-run).
 * A run that stops early says in one line what it did and that running it again continues.
 * Under --json every failure also prints {"ok":false,"error":{"code","message"}} on stdout.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { Declined, ExplainedError, PromptCancelled, UsageError } from "../io/errors.js";
import { type HostOptions, IoHost } from "../io/host.js";
import { currentLanguage, initI18n, t } from "../io/i18n.js";
import { initialLanguage, settleLanguage } from "./language.js";
import { commandsFor } from "./registry.js";

// iotdm supports Node 20 on purpose (the machines it runs on); the SDK's notice about its future
// Node 22 requirement would print on every command, so it is acknowledged here once.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const PACKAGE = new URL("../../../package.json", import.meta.url);
const VERSION = (JSON.parse(readFileSync(PACKAGE, "utf8")) as { version: string }).version;

export interface RunOptions {
  /** Builds the I/O host from the global flags (a recording double in tests). */
  host?: (options: HostOptions) => IoHost;
}

function topLevelName(command: Command): string {
  let c = command;
  while (c.parent?.parent) c = c.parent;
  return c.name();
}

/** Workflow commands may ask for the language, and say what they did when interrupted. */
const isWorkflow = (c: Command) => !["sandbox", "check"].includes(topLevelName(c));

/** Commands for which Ctrl-C is the normal end of a run, handled by the command itself (devices disconnect). */
const stopsOnInterrupt = (c: Command) => ["device"].includes(topLevelName(c));

const HELP_CODES = ["commander.helpDisplayed", "commander.version", "commander.help"];

/** Says why the run stopped and returns its exit code. */
function stop(host: IoHost, e: unknown): number {
  const json = (code: string, message: string) => host.result({ ok: false, error: { code, message } });
  if (e instanceof CommanderError) {
    if (HELP_CODES.includes(e.code)) return 0;
    json("UsageError", e.message.replace(/^error: /, "")); // commander printed it already
    return 2;
  }
  if (e instanceof PromptCancelled || e instanceof Declined) {
    const line = host.activity.stoppedLine(e instanceof Declined ? "declined" : "interrupted");
    host.line("error", line);
    json(e.name, line);
    return e instanceof Declined ? 1 : 130;
  }
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof UsageError) {
    host.error("cli.usageError", { message });
    json(e.name, message);
    return 2;
  }
  host.error("cli.failed", { message });
  const code =
    e instanceof ExplainedError ? e.code : e instanceof Error && e.name !== "Error" ? e.name : "Failed";
  json(code, message);
  return 1;
}

/**
 * Runs one command line in this process; resolves with the exit code. The process is left as
 * it was found (language of messages included), so runs in one process do not leak into
 * each other (the in-process CLI tests).
 */
export async function runCli(argv: string[], options: RunOptions = {}): Promise<number> {
  const makeHost = options.host ?? ((o: HostOptions) => new IoHost(o));
  const languageBefore = currentLanguage();
  initialLanguage(argv);
  let host = makeHost({ json: argv.includes("--json") });
  let onSigint: (() => void) | undefined;
  // Ctrl-C outside a prompt: say what was done, exit 130 (the caller ends the process).
  const interrupted = new Promise<number>((resolve) => {
    onSigint = () => {
      host.line("error", host.activity.stoppedLine("interrupted"));
      resolve(130);
    };
  });
  const program = new Command("iotdm")
    .description(t("cli.description"))
    .version(VERSION, "-V, --version", t("cli.opt.version"))
    .option("--lang <language>", t("cli.opt.lang"))
    .option("--json", t("cli.opt.json"))
    .option("-y, --yes", t("cli.opt.yes"))
    .option("--debug", t("cli.opt.debug"))
    .helpOption("-h, --help", t("cli.opt.help"))
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({ writeOut: (s) => host.out.write(s), writeErr: (s) => host.errOut.write(s) })
    .hook("preAction", async (_this, action) => {
      const o = action.optsWithGlobals();
      host = makeHost({ json: Boolean(o.json), yes: Boolean(o.yes), debug: Boolean(o.debug) });
      await settleLanguage(host, o.lang, isWorkflow(action));
      if (isWorkflow(action) && !stopsOnInterrupt(action) && onSigint) process.on("SIGINT", onSigint);
    });
  for (const c of await commandsFor(argv)) c.register(program, () => host);
  try {
    const ran = program.parseAsync(argv, { from: "user" }).then(() => host.exitCode);
    return await Promise.race([ran, interrupted]);
  } catch (e) {
    return stop(host, e);
  } finally {
    if (onSigint) process.off("SIGINT", onSigint);
    if (languageBefore) initI18n(languageBefore);
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly || process.argv[1]?.endsWith("/iotdm")) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      // Interrupted: calls may still be in flight, and they must stop now.
      if (code === 130) process.exit(code);
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
