/**
 * `iotdm dynamic-groups [create|list|describe|delete|test]`: dynamic thing groups backed by
 * Fleet Indexing queries. Without an action a menu asks; every answer also has a flag, so the
 * command runs unattended. Create previews the query and refuses a group that matches nothing.
 */
import type { Command } from "commander";
import type { IoHost } from "../../io/host.js";
import { t } from "../../io/i18n.js";
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
import { UsageError } from "../errors.js";
import type { CommandModule } from "../registry.js";
import { type TargetFlags, addTargetOptions, openSession } from "../session.js";

const ACTIONS = ["create", "list", "describe", "delete", "test"] as const;
type Action = (typeof ACTIONS)[number];
const ACTION_FLAG = ACTIONS.join("|");
const ACTION_KEYS: Record<Action, string> = {
  create: "dynamicGroups.menu.create",
  list: "dynamicGroups.menu.list",
  describe: "dynamicGroups.menu.describe",
  delete: "dynamicGroups.menu.delete",
  test: "dynamicGroups.menu.test",
};
const PROBLEM_KEYS: Record<CriteriaProblem, string> = {
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

async function actionOf(host: IoHost, raw: string | undefined): Promise<Action> {
  if (raw !== undefined) {
    if (!(ACTIONS as readonly string[]).includes(raw))
      throw new UsageError(t("dynamicGroups.badAction", { action: raw, actions: ACTIONS.join(", ") }));
    return raw as Action;
  }
  return host.prompts.select<Action>({
    key: "dynamicGroups.menu.prompt",
    flag: ACTION_FLAG,
    choices: ACTIONS.map((a) => ({ value: a, label: t(ACTION_KEYS[a]) })),
  });
}

function percent(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 100)
    throw new UsageError(t("dynamicGroups.badPercent", { flag, value: raw }));
  return n;
}

const nameProblem = (v: string) =>
  GROUP_NAME.test(v) ? undefined : { key: "dynamicGroups.badName", vars: { name: v } };

async function groupName(host: IoHost, flags: GroupFlags, suggested?: string): Promise<string> {
  const name =
    flags.name ??
    (await host.prompts.text({
      key: "dynamicGroups.namePrompt",
      flag: "--name",
      default: suggested,
      validate: nameProblem,
    }));
  const problem = nameProblem(name);
  if (problem) throw new UsageError(t(problem.key, problem.vars));
  return name;
}

async function wizard(host: IoHost, flags: GroupFlags): Promise<Criteria> {
  const given = [
    flags.countries,
    flags.thingTypes,
    flags.versions,
    flags.batteryBelow,
    flags.batteryAbove,
  ].some((f) => f !== undefined);
  const ask = async (flag: string, key: string, value: string | undefined) =>
    value ?? (given ? "" : await host.prompts.text({ key, flag, default: "" }));
  const criteria: Criteria = {
    countries: splitList(await ask("--countries", "dynamicGroups.wizard.countries", flags.countries), true),
    thingTypes: splitList(await ask("--thing-types", "dynamicGroups.wizard.thingTypes", flags.thingTypes)),
    versions: splitList(await ask("--versions", "dynamicGroups.wizard.versions", flags.versions)),
    batteryBelow: percent(
      "--battery-below",
      await ask("--battery-below", "dynamicGroups.wizard.batteryBelow", flags.batteryBelow),
    ),
    batteryAbove: percent(
      "--battery-above",
      await ask("--battery-above", "dynamicGroups.wizard.batteryAbove", flags.batteryAbove),
    ),
  };
  const problem = criteriaProblem(criteria);
  if (problem) throw new UsageError(t(PROBLEM_KEYS[problem]));
  return criteria;
}

async function createPlan(host: IoHost, flags: GroupFlags): Promise<{ name: string; query: string }> {
  const wizardFlags = [
    flags.countries,
    flags.thingTypes,
    flags.versions,
    flags.batteryBelow,
    flags.batteryAbove,
  ];
  const mode =
    flags.query !== undefined
      ? "custom"
      : wizardFlags.some((f) => f !== undefined)
        ? "wizard"
        : await host.prompts.select({
            key: "dynamicGroups.mode.prompt",
            flag: "--query",
            default: "wizard",
            choices: [
              { value: "wizard", label: t("dynamicGroups.mode.wizard") },
              { value: "custom", label: t("dynamicGroups.mode.custom") },
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
  const query =
    flags.query ?? (await host.prompts.text({ key: "dynamicGroups.queryPrompt", flag: "--query" }));
  if (query.trim() === "") throw new UsageError(t("dynamicGroups.emptyQuery"));
  return query.trim();
}

function renderCreate(host: IoHost, r: CreateReport): void {
  if (r.refused === "noMatches") host.say("error", "dynamicGroups.create.refused", { name: r.name });
  else if (r.refused === "exists") host.say("error", "dynamicGroups.create.exists", { name: r.name });
  else host.say("success", "dynamicGroups.create.done", { name: r.name, arn: r.arn ?? "", count: r.matches });
  if (!r.created) process.exitCode = 1;
}

async function run(host: IoHost, rawAction: string | undefined, flags: GroupFlags): Promise<void> {
  host.say("title", "dynamicGroups.title");
  const action = await actionOf(host, rawAction);
  if (action === "create") await host.learn("dynamicGroups.learn.dynamic");
  const plan = action === "create" ? await createPlan(host, flags) : undefined;
  const name = action === "describe" || action === "delete" ? await groupName(host, flags) : undefined;
  const query = action === "test" ? await queryOf(host, flags) : undefined;
  const session = await openSession(host, flags, { changes: action === "create" || action === "delete" });
  try {
    if (plan) {
      const report = await createGroup(session, host, plan);
      renderCreate(host, report);
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
        host.result({ name, deleted: false });
        return;
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
