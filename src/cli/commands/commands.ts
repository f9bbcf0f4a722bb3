/**
 * `iotdm commands [create|list|describe|delete|execute|status|history]` (features.md 11): AWS IoT
 * Commands, as actions or from a menu that comes back until the user exits. Every input has a
 * flag; `--json` reports each action. Learning moments show once per run. No "second terminal"
 * gate: a command is executed at once, a target without a connected device is said so (when the
 * fleet index knows) and simulated cars are offered for it (commands-simulate.ts), and `--wait`
 * ending TIMED_OUT explains why.
 */
import type { Command } from "commander";
import { Declined, ExplainedError } from "../../io/errors.js";
import type { IoHost } from "../../io/host.js";
import { type MessageKey, t } from "../../io/i18n.js";
import { input, oneOf } from "../../io/input.js";
import type { LessonKey } from "../../io/message-keys.js";
import { EXECUTION_STATUSES } from "../../workshop/commands/execute.js";
import { VEHICLE_COMMANDS } from "../../workshop/commands/catalog.js";
import type { CommandModule } from "../registry.js";
import { type Session, type TargetFlags, addTargetOptions, openSession, prepareTarget } from "../session.js";
import { executeAction, historyAction, statusAction } from "./commands-execute.js";
import { createAction, deleteAction, describeAction, listAction } from "./commands-manage.js";

const ACTIONS = ["create", "list", "describe", "delete", "execute", "status", "history"] as const;
type Action = (typeof ACTIONS)[number];
const MENU = [...ACTIONS, "debug", "exit"] as const;
type MenuItem = (typeof MENU)[number];
const MENU_KEYS: Record<MenuItem, MessageKey> = {
  create: "commands.menu.create",
  list: "commands.menu.list",
  describe: "commands.menu.describe",
  delete: "commands.menu.delete",
  execute: "commands.menu.execute",
  status: "commands.menu.status",
  history: "commands.menu.history",
  debug: "commands.menu.debug",
  exit: "commands.menu.exit",
};
const CHANGES: ReadonlySet<string> = new Set(["create", "delete", "execute"]);

export interface CommandsFlags extends TargetFlags {
  commandId?: string;
  vehicle?: string;
  description?: string;
  payload?: string;
  thing?: string;
  thingGroup?: string;
  timeout?: string;
  wait?: boolean;
  /** Start simulated cars for targets that are not connected (asked when absent). */
  simulate?: boolean;
  executionId?: string;
  status?: string;
  since?: string;
  until?: string;
}

const RUNNERS: Record<Action, (host: IoHost, session: Session, flags: CommandsFlags) => Promise<void>> = {
  create: createAction,
  list: (host, session) => listAction(host, session),
  describe: describeAction,
  delete: deleteAction,
  execute: executeAction,
  status: statusAction,
  history: historyAction,
};

/** Each learning moment once per run, however often the menu comes back to its action. */
function learnOnce(host: IoHost): void {
  const seen = new Set<LessonKey>();
  const learn = host.learn.bind(host);
  host.learn = async (key, vars) => {
    if (seen.has(key)) return;
    seen.add(key);
    await learn(key, vars);
  };
}

async function runMenu(host: IoHost, session: Session, flags: CommandsFlags): Promise<void> {
  for (;;) {
    host.say("detail", "commands.context", {
      region: session.region,
      account: session.accountId,
      debug: t(host.debug ? "commands.on" : "commands.off"),
    });
    const item = await input(host, {
      flag: "[action]",
      given: undefined,
      parse: oneOf(MENU, "commands.badAction"),
      prompt: { key: "commands.menu.prompt" },
      choices: MENU.map((a) => ({ value: a, label: t(MENU_KEYS[a]) })),
    });
    if (item === "exit") return;
    if (item === "debug") {
      host.debug = !host.debug;
      host.say(host.debug ? "success" : "info", host.debug ? "commands.debugOn" : "commands.debugOff");
      continue;
    }
    try {
      // The menu asks every question: flags given for one action do not leak into the next.
      await RUNNERS[item](host, session, {
        ...flags,
        commandId: undefined,
        thing: undefined,
        executionId: undefined,
      });
    } catch (e) {
      // One action that could not be done does not end the session.
      if (e instanceof ExplainedError) host.line("error", e.message);
      else if (!(e instanceof Declined)) throw e;
    }
  }
}

async function run(host: IoHost, rawAction: string | undefined, flags: CommandsFlags): Promise<void> {
  const target = await prepareTarget(flags);
  host.say("title", "commands.title");
  const action =
    rawAction === undefined
      ? undefined
      : await input(host, {
          flag: "[action]",
          given: rawAction,
          parse: oneOf(ACTIONS, "commands.badAction"),
        });
  learnOnce(host);
  const session = await openSession(host, target, { changes: action === undefined || CHANGES.has(action) });
  try {
    if (action) await RUNNERS[action](host, session, flags);
    else await runMenu(host, session, flags);
  } finally {
    session.close();
  }
}

function register(program: Command, host: () => IoHost): void {
  const cmd = program
    .command("commands")
    .description(t("commands.description"))
    .argument("[action]", t("commands.opt.action", { actions: ACTIONS.join(", ") }))
    .option("--command-id <id>", t("commands.opt.commandId"))
    .option(
      "--vehicle <name>",
      t("commands.opt.vehicle", { ids: VEHICLE_COMMANDS.map((c) => c.id).join(", ") }),
    )
    .option("--description <text>", t("commands.opt.description"))
    .option("--payload <json>", t("commands.opt.payload"))
    .option("--thing <name>", t("commands.opt.thing"))
    .option("--thing-group <name>", t("commands.opt.thingGroup"))
    .option("--timeout <seconds>", t("commands.opt.timeout"))
    .option("--wait", t("commands.opt.wait"))
    .option("--simulate", t("commands.opt.simulate"))
    .option("--no-simulate", t("commands.opt.noSimulate"))
    .option("--execution-id <id>", t("commands.opt.executionId"))
    .option("--status <status>", t("commands.opt.status", { values: EXECUTION_STATUSES.join(", ") }))
    .option("--since <time>", t("commands.opt.since"))
    .option("--until <time>", t("commands.opt.until"));
  addTargetOptions(cmd).action((action: string | undefined, flags: CommandsFlags) =>
    run(host(), action, flags),
  );
}

export const commandsCommand: CommandModule = { name: "commands", register };
