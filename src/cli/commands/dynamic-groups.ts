/**
 * `iotdm dynamic-groups [create|list|describe|delete|test]`: dynamic thing groups backed by
 * Fleet Indexing queries. Without an action a menu asks; every answer also has a flag, so the
 * command runs unattended. Create previews the query and refuses a group that matches nothing.
 */
import type { Command } from "commander";
import { Declined, UsageError } from "../../io/errors.js";
import type { IoHost } from "../../io/host.js";
import { type MessageKey, t } from "../../io/i18n.js";
import { input, oneOf, type Parsed } from "../../io/input.js";
import {
  type CreateReport,
  createGroup,
  deleteGroup,
  describeGroup,
  listGroups,
  preview,
} from "../../workshop/dynamic-groups/index.js";
import {
  type Criteria,
  type CriteriaProblem,
  GROUP_NAME,
  buildQuery,
  criteriaProblem,
  defaultName,
  splitList,
} from "../../workshop/dynamic-groups/query.js";
import type { CommandModule } from "../registry.js";
import { type TargetFlags, addTargetOptions, hintCommand, openSession, prepareTarget } from "../session.js";

const ACTIONS = ["create", "list", "describe", "delete", "test"] as const;
type Action = (typeof ACTIONS)[number];
const ACTION_FLAG = ACTIONS.join("|");
const ACTION_KEYS: Record<Action, MessageKey> = {
  create: "dynamicGroups.menu.create",
  list: "dynamicGroups.menu.list",
  describe: "dynamicGroups.menu.describe",
  delete: "dynamicGroups.menu.delete",
  test: "dynamicGroups.menu.test",
};
const PROBLEM_KEYS: Record<CriteriaProblem, MessageKey> = {
  none: "dynamicGroups.criteria.none",
  versionsNeedType: "dynamicGroups.criteria.versionsNeedType",
  batteryRange: "dynamicGroups.criteria.batteryRange",
};

interface GroupFlags extends TargetFlags {
  name?: string;
  query?: string;
  countries?: string;
  thingTypes?: string;
  versions?: string;
  batteryBelow?: string;
  batteryAbove?: string;
}

function actionOf(host: IoHost, given: string | undefined): Promise<Action> {
  return input(host, {
    flag: ACTION_FLAG,
    given,
    parse: oneOf(ACTIONS, "dynamicGroups.badAction"),
    prompt: { key: "dynamicGroups.menu.prompt" },
    choices: ACTIONS.map((a) => ({ value: a, label: t(ACTION_KEYS[a]) })),
  });
}

function percent(raw: string): Parsed<number | undefined> {
  if (raw.trim() === "") return { value: undefined };
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 100
    ? { value: n }
    : { problem: { key: "dynamicGroups.badPercent", vars: { value: raw } } };
}

const problem = (p: CriteriaProblem) => ({ problem: { key: PROBLEM_KEYS[p] } });

function groupName(host: IoHost, flags: GroupFlags, suggested?: string): Promise<string> {
  return input(host, {
    flag: "--name",
    given: flags.name,
    parse: (v): Parsed<string> =>
      GROUP_NAME.test(v) ? { value: v } : { problem: { key: "dynamicGroups.badName", vars: { name: v } } },
    prompt: { key: "dynamicGroups.namePrompt" },
    default: suggested,
  });
}

const WIZARD_FLAGS = ["countries", "thingTypes", "versions", "batteryBelow", "batteryAbove"] as const;
/** Some criterion was given as a flag: the wizard asks nothing, and create needs no mode question. */
const wizardFlagGiven = (flags: GroupFlags) => WIZARD_FLAGS.some((f) => flags[f] !== undefined);

/**
 * The guided wizard: each criterion from its flag or a question; with some criteria given as
 * flags, the others are empty. A wrong answer is asked again; no criterion at all starts the
 * questions over (or, from flags, is a usage error).
 */
async function wizard(host: IoHost, flags: GroupFlags): Promise<Criteria> {
  const anyGiven = wizardFlagGiven(flags);
  const ask = <T>(
    flag: string,
    key: MessageKey,
    given: string | undefined,
    parse: (raw: string) => Parsed<T>,
  ) =>
    input(host, { flag, given: given ?? (anyGiven ? "" : undefined), parse, prompt: { key }, default: "" });
  for (;;) {
    const countries = await ask("--countries", "dynamicGroups.wizard.countries", flags.countries, (v) => ({
      value: splitList(v, true),
    }));
    const thingTypes = await ask(
      "--thing-types",
      "dynamicGroups.wizard.thingTypes",
      flags.thingTypes,
      (v) => ({
        value: splitList(v),
      }),
    );
    const versions = await ask("--versions", "dynamicGroups.wizard.versions", flags.versions, (v) =>
      splitList(v).length > 0 && thingTypes.length === 0
        ? problem("versionsNeedType")
        : { value: splitList(v) },
    );
    const batteryBelow = await ask(
      "--battery-below",
      "dynamicGroups.wizard.batteryBelow",
      flags.batteryBelow,
      percent,
    );
    const criteria = { countries, thingTypes, versions, batteryBelow };
    const batteryAbove = await ask(
      "--battery-above",
      "dynamicGroups.wizard.batteryAbove",
      flags.batteryAbove,
      (v) => {
        const parsed = percent(v);
        if ("problem" in parsed || parsed.value === undefined) return parsed;
        return criteriaProblem({ ...criteria, batteryAbove: parsed.value }) === "batteryRange"
          ? problem("batteryRange")
          : parsed;
      },
    );
    const complete = { ...criteria, batteryAbove };
    const left = criteriaProblem(complete);
    if (!left) return complete;
    if (anyGiven || host.yes || !host.interactive) throw new UsageError(t(PROBLEM_KEYS[left]));
    host.say("error", PROBLEM_KEYS[left]);
  }
}

async function createPlan(host: IoHost, flags: GroupFlags): Promise<{ name: string; query: string }> {
  const mode = await input(host, {
    flag: "--query",
    given: flags.query !== undefined ? "custom" : wizardFlagGiven(flags) ? "wizard" : undefined,
    parse: oneOf(["wizard", "custom"] as const, "dynamicGroups.mode.prompt"),
    prompt: { key: "dynamicGroups.mode.prompt" },
    default: "wizard",
    choices: [
      { value: "wizard" as const, label: t("dynamicGroups.mode.wizard") },
      { value: "custom" as const, label: t("dynamicGroups.mode.custom") },
    ],
  });
  if (mode === "wizard") {
    const criteria = await wizard(host, flags);
    return { name: await groupName(host, flags, defaultName(criteria)), query: buildQuery(criteria) };
  }
  const query = await queryOf(host, flags);
  return { name: await groupName(host, flags), query };
}

async function queryOf(host: IoHost, flags: GroupFlags): Promise<string> {
  if (flags.query === undefined)
    for (const l of t("dynamicGroups.examples").split("\n")) host.line("detail", l);
  return input(host, {
    flag: "--query",
    given: flags.query,
    parse: (v): Parsed<string> =>
      v.trim() === "" ? { problem: { key: "dynamicGroups.emptyQuery" } } : { value: v.trim() },
    prompt: { key: "dynamicGroups.queryPrompt" },
  });
}

function renderCreate(host: IoHost, r: CreateReport, testCommand: string): void {
  if (r.refused === "noMatches")
    host.say("error", "dynamicGroups.create.refused", { name: r.name, command: testCommand });
  else if (r.refused === "exists") host.say("error", "dynamicGroups.create.exists", { name: r.name });
  else host.say("success", "dynamicGroups.create.done", { name: r.name, arn: r.arn ?? "", count: r.matches });
  if (!r.created) host.fail();
}

async function run(host: IoHost, rawAction: string | undefined, flags: GroupFlags): Promise<void> {
  const target = await prepareTarget(flags);
  host.say("title", "dynamicGroups.title");
  const action = await actionOf(host, rawAction);
  if (action === "create") await host.learn("dynamicGroups.learn.dynamic");
  const plan = action === "create" ? await createPlan(host, flags) : undefined;
  const name = action === "describe" || action === "delete" ? await groupName(host, flags) : undefined;
  const query = action === "test" ? await queryOf(host, flags) : undefined;
  const session = await openSession(host, target, { changes: action === "create" || action === "delete" });
  try {
    if (plan) {
      const report = await createGroup(session, host, plan);
      renderCreate(host, report, hintCommand(session, ["dynamic-groups", "test", "--query", plan.query]));
      host.result(report);
    } else if (action === "list") {
      const groups = await listGroups(session);
      if (groups.length === 0) host.say("info", "dynamicGroups.list.none");
      else host.say("step", "dynamicGroups.list.found", { count: groups.length });
      for (const g of groups)
        host.say("plain", "dynamicGroups.list.line", {
          name: g.name,
          members: g.members,
          query: g.query,
          created: g.created ?? "-",
        });
      host.result({ groups });
    } else if (action === "describe" && name) {
      const g = await describeGroup(session, name);
      host.say("plain", "dynamicGroups.describe.head", {
        name: g.name,
        query: g.query,
        created: g.created ?? "-",
        members: g.members,
        status: g.status ?? "-",
      });
      g.devices.forEach((d, i) =>
        host.line(
          "plain",
          `  ${String(i + 1).padStart(3)}. ${d.name} (${d.type ?? "-"}) - ${d.country ?? "-"}`,
        ),
      );
      host.result(g);
    } else if (action === "delete" && name) {
      host.say("warn", "dynamicGroups.delete.warning", { name });
      const ok =
        host.yes ||
        (await host.prompts.confirm({ key: "dynamicGroups.delete.confirm", flag: "--yes", default: false }));
      if (!ok) {
        host.say("info", "dynamicGroups.delete.kept", { name });
        throw new Declined();
      }
      const deleted = await deleteGroup(session, name);
      host.say("success", "dynamicGroups.delete.done", { name });
      host.result({ ...deleted, deleted: true });
    } else if (query !== undefined) {
      host.result(await preview(session, host, query));
    }
  } finally {
    session.close();
  }
}

function register(program: Command, host: () => IoHost): void {
  const cmd = program
    .command("dynamic-groups")
    .description(t("dynamicGroups.description"))
    .argument("[action]", t("dynamicGroups.opt.action", { actions: ACTIONS.join(", ") }))
    .option("--name <name>", t("dynamicGroups.opt.name"))
    .option("--query <query>", t("dynamicGroups.opt.query"))
    .option("--countries <list>", t("dynamicGroups.opt.countries"))
    .option("--thing-types <list>", t("dynamicGroups.opt.thingTypes"))
    .option("--versions <list>", t("dynamicGroups.opt.versions"))
    .option("--battery-below <percent>", t("dynamicGroups.opt.batteryBelow"))
    .option("--battery-above <percent>", t("dynamicGroups.opt.batteryAbove"));
  addTargetOptions(cmd).action((action: string | undefined, flags: GroupFlags) => run(host(), action, flags));
}

export const dynamicGroupsCommand: CommandModule = { name: "dynamic-groups", register };
