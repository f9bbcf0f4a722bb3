/**
 * `iotdm provision`: gathers the plan (each input from its flag, else a prompt, else the
 * default under --yes), shows it, opens the session and runs the workflow, then prints the
 * summary (and the report under --json). Exit 1 when any resource failed.
 */
import type { Command } from "commander";
import { IoHost } from "../../io/host.js";
import { t } from "../../io/i18n.js";
import { provision } from "../../workshop/provision/index.js";
import { CONTINENTS, type Continent } from "../../workshop/provision/countries.js";
import {
  PLAN_DEFAULTS,
  type Parsed,
  type Problem,
  type ProvisionPlan,
  defaultCountries,
  parseContinent,
  parseCount,
  parseCountries,
  parsePrefix,
  parseThingTypes,
  parseVersions,
} from "../../workshop/provision/plan.js";
import { renderProvisionSummary } from "../../workshop/provision/summary.js";
import { UsageError } from "../errors.js";
import type { CommandModule } from "../registry.js";
import { type TargetFlags, addTargetOptions, openSession } from "../session.js";

interface ProvisionFlags extends TargetFlags {
  thingsPrefix?: string;
  thingTypes?: string;
  versions?: string;
  continent?: string;
  countries?: string;
  count?: string;
}

const problemOf = <T>(p: Parsed<T>): Problem | undefined => ("problem" in p ? p.problem : undefined);

/** A flag's value, or a usage error naming the flag. */
function fromFlag<T>(
  flag: string,
  value: string | undefined,
  parse: (v: string) => Parsed<T>,
): T | undefined {
  if (value === undefined) return undefined;
  const parsed = parse(value);
  if ("problem" in parsed)
    throw new UsageError(
      t("provision.flagProblem", { flag, problem: t(parsed.problem.key, parsed.problem.vars) }),
    );
  return parsed.value;
}

/** Asks (or takes the default under --yes) and parses with the same rules as the flag. */
async function ask<T>(
  host: IoHost,
  p: { key: string; flag: string; default: string; vars?: Record<string, string | number> },
  parse: (v: string) => Parsed<T>,
): Promise<T> {
  const answer = await host.prompts.text({
    ...p,
    validate: (v) => problemOf(parse(v === "" ? p.default : v)),
  });
  const parsed = parse(answer === "" ? p.default : answer);
  if ("problem" in parsed) throw new UsageError(t(parsed.problem.key, parsed.problem.vars));
  // A prompt shows what was answered; an unattended run says which default it took.
  if (host.yes) host.say("success", "provision.prompt.usingDefault", { value: p.default });
  return parsed.value;
}

/** Debug mode is offered when the user is asked for inputs anyway (features.md 4.3). */
async function maybeDebugHost(host: IoHost, missingInputs: boolean): Promise<IoHost> {
  if (host.debug || host.yes || !host.interactive || !missingInputs) return host;
  host.say("error", "provision.prompt.debugWarning");
  const debug = await host.prompts.confirm({
    key: "provision.prompt.debug",
    flag: "--debug",
    default: false,
  });
  return debug
    ? new IoHost({ json: host.json, yes: host.yes, debug: true, interactive: host.interactive })
    : host;
}

async function gatherPlan(host: IoHost, flags: ProvisionFlags): Promise<{ io: IoHost; plan: ProvisionPlan }> {
  const prefix = fromFlag("--things-prefix", flags.thingsPrefix, parsePrefix) ?? PLAN_DEFAULTS.prefix;
  let thingTypes = fromFlag("--thing-types", flags.thingTypes, parseThingTypes);
  let versions = fromFlag("--versions", flags.versions, parseVersions);
  let continent = fromFlag("--continent", flags.continent, parseContinent);
  let count = fromFlag("--count", flags.count, parseCount);
  const missing = [thingTypes, versions, continent, flags.countries, count].some((v) => v === undefined);
  const io = await maybeDebugHost(host, missing);

  thingTypes ??= await ask(
    io,
    { key: "provision.prompt.thingTypes", flag: "--thing-types", default: PLAN_DEFAULTS.thingTypes },
    parseThingTypes,
  );
  versions ??= await ask(
    io,
    { key: "provision.prompt.versions", flag: "--versions", default: PLAN_DEFAULTS.versions },
    parseVersions,
  );
  continent ??= await io.prompts.select<Continent>({
    key: "provision.prompt.continent",
    flag: "--continent",
    default: PLAN_DEFAULTS.continent,
    choices: CONTINENTS.map((c) => ({ value: c, label: `${c.number}. ${c.name} (${c.countries.length})` })),
  });
  const chosen = continent;
  const parseHere = (v: string) => parseCountries(v, chosen);
  let countries = fromFlag("--countries", flags.countries, parseHere);
  if (countries === undefined) {
    if (io.interactive && !io.yes)
      io.say("info", "provision.prompt.countriesHelp", {
        continent: chosen.name,
        available: chosen.countries.join(", "),
        max: chosen.countries.length,
      });
    countries = await ask(
      io,
      {
        key: "provision.prompt.countries",
        flag: "--countries",
        default: defaultCountries(chosen),
        vars: { max: chosen.countries.length },
      },
      parseHere,
    );
  }
  count ??= await ask(
    io,
    { key: "provision.prompt.count", flag: "--count", default: PLAN_DEFAULTS.count },
    parseCount,
  );
  return { io, plan: { thingTypes, versions, continent: chosen, countries, count, prefix } };
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
  host.say("title", "provision.title");
  const { io, plan } = await gatherPlan(host, flags);
  showPlan(io, plan);
  const session = await openSession(io, flags, { changes: true });
  try {
    const report = await provision(session, plan, io);
    renderProvisionSummary(io, report);
    io.result(report);
    if (!report.ok) process.exitCode = 1;
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
