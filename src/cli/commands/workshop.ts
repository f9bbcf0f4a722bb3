/**
 * `iotdm workshop`: the guided tour. Provision a small fleet, look at what was created, clean
 * up, with learning moments between the stops. By default it runs on a sandbox instance of
 * its own, so it never touches the fleet of the default sandbox; `npm start` runs it with --yes.
 */
import type { Command } from "commander";
import type { IoHost } from "../../io/host.js";
import { t } from "../../io/i18n.js";
import { cleanup } from "../../workshop/cleanup/index.js";
import { tourDynamicGroup } from "../../workshop/dynamic-groups/tour.js";
import { renderSummary } from "../../workshop/cleanup/summary.js";
import { provision } from "../../workshop/provision/index.js";
import {
  PLAN_DEFAULTS,
  type Parsed,
  type ProvisionPlan,
  deviceAt,
  parseContinent,
  parseCount,
  parseCountries,
  parsePrefix,
  parseThingTypes,
  parseVersions,
} from "../../workshop/provision/plan.js";
import { renderProvisionSummary } from "../../workshop/provision/summary.js";
import { showFleet } from "../../workshop/tour.js";
import { UsageError } from "../errors.js";
import type { CommandModule } from "../registry.js";
import { type TargetFlags, addTargetOptions, openSession } from "../session.js";

/** The tour's own sandbox instance (the default one stays the user's). */
const TOUR_SANDBOX_PORT = "5567";
const TOUR_DEVICES = "20";
const TOUR_PREFIX = "Tour-VIN-";

interface WorkshopFlags extends TargetFlags {
  count?: string;
}

function value<T>(parsed: Parsed<T>): T {
  if ("problem" in parsed) throw new UsageError(t(parsed.problem.key, parsed.problem.vars));
  return parsed.value;
}

function tourPlan(flags: WorkshopFlags): ProvisionPlan {
  const continent = value(parseContinent("1"));
  return {
    thingTypes: value(parseThingTypes(PLAN_DEFAULTS.thingTypes)),
    versions: value(parseVersions(PLAN_DEFAULTS.versions)),
    continent,
    countries: value(parseCountries("3", continent)),
    count: value(parseCount(flags.count ?? TOUR_DEVICES)),
    prefix: value(parsePrefix(TOUR_PREFIX)),
  };
}

async function run(host: IoHost, flags: WorkshopFlags): Promise<void> {
  const started = Date.now();
  const ownSandbox =
    !flags.aws && !flags.endpointUrl && flags.sandboxPort === undefined && flags.sandboxDir === undefined;
  const target: TargetFlags = ownSandbox ? { ...flags, sandboxPort: TOUR_SANDBOX_PORT } : flags;
  const plan = tourPlan(flags);

  host.say("title", "workshop.title");
  await host.learn("workshop.learn.intro", { count: plan.count });
  const session = await openSession(host, target, { changes: true });
  try {
    host.say("step", "workshop.stop.provision", { count: plan.count });
    const provisioned = await provision(session, plan, host);
    renderProvisionSummary(host, provisioned);

    await host.learn("workshop.learn.explore");
    host.say("step", "workshop.stop.explore");
    const samples = [0, 1, 2].filter((i) => i < plan.count).map((i) => deviceAt(plan, i).name);
    const fleet = await showFleet(session, host, samples);
    const dynamicGroup = await tourDynamicGroup(session, host, { ...deviceAt(plan, 0), prefix: plan.prefix });

    await host.learn("workshop.learn.cleanup");
    host.say("step", "workshop.stop.cleanup");
    const cleaned = await cleanup(session, { scope: "all", thingsPrefix: plan.prefix, dryRun: false }, host);
    if (!host.json) renderSummary(cleaned, host);

    await host.learn("workshop.learn.next");
    const seconds = (Date.now() - started) / 1000;
    const ok = provisioned.ok && dynamicGroup.created && cleaned.totals.failed === 0;
    host.say(ok ? "success" : "error", ok ? "workshop.done" : "workshop.doneWithProblems", {
      seconds: seconds.toFixed(1),
    });
    host.result({ ok, seconds, provision: provisioned, fleet, dynamicGroup, cleanup: cleaned });
    if (!ok) process.exitCode = 1;
  } finally {
    session.close();
  }
}

function register(program: Command, host: () => IoHost): void {
  addTargetOptions(
    program
      .command("workshop")
      .description(t("workshop.description"))
      .option("--count <n>", t("workshop.opt.count")),
  ).action((flags: WorkshopFlags) => run(host(), flags));
}

export const workshopCommand: CommandModule = { name: "workshop", register };
