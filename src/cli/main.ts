#!/usr/bin/env node
/**
 * `iotdm`: one subcommand per workshop script. Exit codes: 0 success, 1 failure, 2 usage.
 */
import { Command, CommanderError } from "commander";
import { IoHost } from "../io/host.js";
import { type Language, initI18n, resolveLanguage, t } from "../io/i18n.js";
import { PromptCancelled } from "../io/prompts.js";
import { UsageError } from "./errors.js";
import { COMMANDS } from "./registry.js";

function languageFromArgv(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return undefined;
  return argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
}

// iotdm supports Node 20 on purpose (the machines it runs on); the SDK's notice about its future
// Node 22 requirement would print on every command, so it is acknowledged here once.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const LANGUAGE_CHOICES: Array<{ value: Language; label: string }> = [
  { value: "en", label: "English" },
  { value: "ja", label: "日本語 (Japanese)" },
  { value: "ko", label: "한국어 (Korean)" },
];

function topLevelName(command: Command): string {
  let c = command;
  while (c.parent?.parent) c = c.parent;
  return c.name();
}

export async function run(argv: string[]): Promise<number> {
  initI18n(languageFromArgv(argv));
  let host = new IoHost();
  const program = new Command("iotdm")
    .description(t("cli.description"))
    .option("--lang <language>", t("cli.opt.lang"))
    .option("--json", t("cli.opt.json"))
    .option("-y, --yes", t("cli.opt.yes"))
    .option("--debug", t("cli.opt.debug"))
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .hook("preAction", async (_this, action) => {
      const o = action.optsWithGlobals();
      host = new IoHost({ json: Boolean(o.json), yes: Boolean(o.yes), debug: Boolean(o.debug) });
      // The workshop asks for a language when none was given and someone is there to answer.
      const workflow = !["sandbox", "check"].includes(topLevelName(action));
      if (
        workflow &&
        !o.lang &&
        !resolveLanguage(process.env.AWS_IOT_LANG) &&
        host.interactive &&
        !host.yes
      ) {
        const language = await host.prompts.select<Language>({
          key: "cli.chooseLanguage",
          flag: "--lang",
          choices: LANGUAGE_CHOICES,
        });
        initI18n(language);
      }
    });
  for (const c of COMMANDS) c.register(program, () => host);
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === "commander.helpDisplayed" ||
        e.code === "commander.version" ||
        e.code === "commander.help"
      )
        return 0;
      return 2;
    }
    if (e instanceof PromptCancelled) {
      // Ctrl-C at a prompt, or a declined confirmation: a clean stop, as the workshop does.
      host.say("warn", "common.cancelled");
      return 0;
    }
    if (e instanceof UsageError) {
      host.error("cli.usageError", { message: e.message });
      return 2;
    }
    host.error("cli.failed", { message: e instanceof Error ? e.message : String(e) });
    return 1;
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly || process.argv[1]?.endsWith("/iotdm")) {
  run(process.argv.slice(2)).then(
    (code) => {
      // Commands may set process.exitCode themselves (e.g. `sandbox status` when none runs).
      if (code !== 0) process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
