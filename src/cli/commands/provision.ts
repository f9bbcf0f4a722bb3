/**
 * `iotdm provision`: checks the target, gathers the plan (each input from its flag, else a
 * prompt, else the default under --yes), shows it, opens the session, says which existing
 * things the run would re-type (and asks), runs the workflow, then prints the summary (and
 * the report under --json). Exit 1 when any resource failed.
 */
import type { Command } from "commander";
import { Declined } from "../../io/errors.js";
import type { IoHost } from "../../io/host.js";
import { type MessageKey, t } from "../../io/i18n.js";
import { type Parsed, fromFlag, input } from "../../io/input.js";
import { provision } from "../../workshop/provision/index.js";
import { CONTINENTS } from "../../workshop/provision/countries.js";
import {
  PLAN_DEFAULTS,
  type ProvisionPlan,
  defaultCountries,
  parseContinent,
  parseCount,
  parseCountries,
  parsePrefix,
  parseThingTypes,
  parseVersions,
} from "../../workshop/provision/plan.js";
import { type TypeChange, typeChanges } from "../../workshop/provision/plan-check.js";
import { renderProvisionSummary } from "../../workshop/provision/summary.js";
import type { CommandModule } from "../registry.js";
import {
  type Session,
  type TargetFlags,
  addTargetOptions,
  hintCommand,
  openSession,
  prepareTarget,
} from "../session.js";

interface ProvisionFlags extends TargetFlags {
  thingsPrefix?: string;
  thingTypes?: string;
  versions?: string;
  continent?: string;
  countries?: string;
  count?: string;
}

/** Debug mode is offered when the user is asked for inputs anyway (features.md 4.3). */
async function maybeDebug(host: IoHost, missingInputs: boolean): Promise<void> {
  if (host.debug || host.yes || !host.interactive || !missingInputs) return;
  host.say("error", "provision.prompt.debugWarning");
  host.debug = await host.prompts.confirm({ key: "provision.prompt.debug", flag: "--debug", default: false });
}

async function gatherPlan(host: IoHost, flags: ProvisionFlags): Promise<ProvisionPlan> {
  const prefix = fromFlag("--things-prefix", flags.thingsPrefix, parsePrefix) ?? PLAN_DEFAULTS.prefix;
  const missing = [flags.thingTypes, flags.versions, flags.continent, flags.countries, flags.count].some(
    (v) => v === undefined,
  );
  // Every flag is checked before the first question.
  fromFlag("--thing-types", flags.thingTypes, parseThingTypes);
  fromFlag("--versions", flags.versions, parseVersions);
  fromFlag("--continent", flags.continent, parseContinent);
  fromFlag("--count", flags.count, parseCount);
  await maybeDebug(host, missing);

  // A typed input: its flag, else the question, else the default under --yes.
  const typed = <T>(
    flag: string,
    given: string | undefined,
    parse: (raw: string) => Parsed<T>,
    key: MessageKey,
    fallback: string,
  ) => input(host, { flag, given, parse, prompt: { key }, default: fallback });
  const thingTypes = await typed(
    "--thing-types",
    flags.thingTypes,
    parseThingTypes,
    "provision.prompt.thingTypes",
    PLAN_DEFAULTS.thingTypes,
  );
  const versions = await typed(
    "--versions",
    flags.versions,
    parseVersions,
    "provision.prompt.versions",
    PLAN_DEFAULTS.versions,
  );
  const continent = await input(host, {
    flag: "--continent",
    given: flags.continent,
    parse: parseContinent,
    prompt: { key: "provision.prompt.continent" },
    default: PLAN_DEFAULTS.continent,
    choices: CONTINENTS.map((c) => ({ value: c, label: `${c.number}. ${c.name} (${c.countries.length})` })),
  });
  if (flags.countries === undefined && host.interactive && !host.yes)
    host.say("info", "provision.prompt.countriesHelp", {
      continent: continent.name,
      available: continent.countries.join(", "),
      max: continent.countries.length,
    });
  const countries = await input(host, {
    flag: "--countries",
    given: flags.countries,
    parse: (v) => parseCountries(v, continent),
    prompt: { key: "provision.prompt.countries", vars: { max: continent.countries.length } },
    default: defaultCountries(continent),
  });
  const count = await typed(
    "--count",
    flags.count,
    parseCount,
    "provision.prompt.count",
    PLAN_DEFAULTS.count,
  );
  return { thingTypes, versions, continent, countries, count, prefix };
}

/** A re-run that would re-type existing things says so, and asks (--yes goes ahead). */
async function confirmTypeChanges(session: Session, changes: TypeChange[]): Promise<void> {
  if (changes.length === 0) return;
  const { host } = session;
  const examples = changes
    .slice(0, 3)
    .map((c) => `${c.name} ${c.from || "-"} → ${c.to}`)
    .join(", ");
  host.say("warn", "provision.plan.typeChanges", { count: changes.length, examples });
  const ok =
    host.yes ||
    (await host.prompts.confirm({ key: "provision.plan.confirmTypeChanges", flag: "--yes", default: false }));
  if (!ok) throw new Declined();
}

function showPlan(io: IoHost, plan: ProvisionPlan): void {
  io.line("plain", "");
  io.say("title", "provision.plan.title");
  io.say("plain", "provision.plan.thingTypes", { types: plan.thingTypes.join(", ") });
  io.say("plain", "provision.plan.versions", { versions: plan.versions.join(", "), first: plan.versions[0] });
  io.say("plain", "provision.plan.continent", { continent: plan.continent.name });
  io.say("plain", "provision.plan.countries", {
    countries: plan.countries.join(", "),
    count: plan.countries.length,
    total: plan.continent.countries.length,
  });
  io.say("plain", "provision.plan.devices", { count: plan.count, prefix: plan.prefix });
}

async function run(host: IoHost, flags: ProvisionFlags): Promise<void> {
  const target = await prepareTarget(flags);
  host.say("title", "provision.title");
  const plan = await gatherPlan(host, flags);
  showPlan(host, plan);
  const session = await openSession(host, target, { changes: true });
  try {
    const retyped = await typeChanges(session, plan);
    await confirmTypeChanges(session, retyped);
    const report = { ...(await provision(session, plan, host)), retyped: retyped.length };
    renderProvisionSummary(host, report, {
      cleanup: hintCommand(session, ["cleanup", "--things-prefix", plan.prefix]),
    });
    host.result(report);
    if (!report.ok) host.fail();
  } finally {
    session.close();
  }
}

function register(program: Command, host: () => IoHost): void {
  addTargetOptions(
    program
      .command("provision")
      .description(t("provision.description"))
      .option("--things-prefix <prefix>", t("provision.opt.thingsPrefix"))
      .option("--thing-types <list>", t("provision.opt.thingTypes"))
      .option("--versions <list>", t("provision.opt.versions"))
      .option("--continent <number|name>", t("provision.opt.continent"))
      .option("--countries <number|codes>", t("provision.opt.countries"))
      .option("--count <n>", t("provision.opt.count")),
  ).action((flags: ProvisionFlags) => run(host(), flags));
}

export const provisionCommand: CommandModule = { name: "provision", register };
