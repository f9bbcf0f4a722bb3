/**
 * `iotdm workshop`: the guided tour. Provision a small fleet, look at what was created, group it
 * dynamically, update its firmware over the air (a device's `$package` shown before and after),
 * roll the fleet back with a job, clean up, with learning moments between the stops. By default it runs on a sandbox instance of its own, so it never touches the fleet of
 * the default sandbox; `npm start` runs it with --yes.
 * A sandbox the tour started is stopped at the end; one that was already running stays.
 */
import type { Command } from "commander";
import type { IoHost } from "../../io/host.js";
import { t } from "../../io/i18n.js";
import { fromFlag } from "../../io/input.js";
import { stopInstance } from "../../sandbox/control.js";
import { tourCommands } from "../../workshop/device/tour.js";
import { cleanup } from "../../workshop/cleanup/index.js";
import { tourDynamicGroup } from "../../workshop/dynamic-groups/tour.js";
import { renderSummary } from "../../workshop/cleanup/summary.js";
import { provision } from "../../workshop/provision/index.js";
import { deviceAt, defaultPlan, parseCount } from "../../workshop/provision/plan.js";
import { renderProvisionSummary } from "../../workshop/provision/summary.js";
import { tourOta } from "../../workshop/jobs/tour.js";
import { tourDeviceVersion, tourRollback } from "../../workshop/packages/tour.js";
import { showFleet } from "../../workshop/tour.js";
import type { CommandModule } from "../registry.js";
import {
  type Session,
  type TargetFlags,
  addTargetOptions,
  hintCommand,
  openSession,
  prepareTarget,
} from "../session.js";

/**
 * The tour's own sandbox instance (the default one stays the user's): its HTTP and MQTT ports
 * are clear of the default instance's (5566 and its broker on 5567), so both can run at once.
 */
export const TOUR_SANDBOX_PORT = "5568";
const TOUR_DEVICES = 20;
const TOUR_PREFIX = "Tour-VIN-";

interface WorkshopFlags extends TargetFlags {
  count?: string;
}

/** Stops the sandbox the tour started on demand; one that was already running stays. */
async function stopOwnSandbox(host: IoHost, session: Session): Promise<void> {
  const target = session.target;
  if (target.kind !== "sandbox" || !target.started) return;
  await stopInstance(target.instance);
  host.say("info", "workshop.sandboxStopped", { endpoint: target.endpoint });
}

async function run(host: IoHost, flags: WorkshopFlags): Promise<void> {
  const started = Date.now();
  const ownSandbox =
    !flags.aws && !flags.endpointUrl && flags.sandboxPort === undefined && flags.sandboxDir === undefined;
  const count = fromFlag("--count", flags.count, parseCount) ?? TOUR_DEVICES;
  const target = await prepareTarget(ownSandbox ? { ...flags, sandboxPort: TOUR_SANDBOX_PORT } : flags);

  const plan = defaultPlan(count, TOUR_PREFIX);
  host.say("title", "workshop.title");
  await host.learn("workshop.learn.intro", { count: plan.count });
  const session = await openSession(host, target, { changes: true });
  try {
    host.say("step", "workshop.stop.provision", { count: plan.count });
    const provisioned = await provision(session, plan, host);
    const cleanupAgain = hintCommand(session, ["cleanup", "--things-prefix", plan.prefix]);
    renderProvisionSummary(host, provisioned, { cleanup: cleanupAgain });

    await host.learn("workshop.learn.explore");
    host.say("step", "workshop.stop.explore");
    const samples = [0, 1, 2].filter((i) => i < plan.count).map((i) => deviceAt(plan, i).name);
    const fleet = await showFleet(session, host, samples);
    const first = deviceAt(plan, 0);
    const dynamicGroup = await tourDynamicGroup(session, host, { ...first, prefix: plan.prefix });
    const showFirst = (moment: "before" | "after") =>
      tourDeviceVersion(session, host, first.name, first.thingType, moment);
    let ota: Awaited<ReturnType<typeof tourOta>> | undefined;
    let rollback: Awaited<ReturnType<typeof tourRollback>> | undefined;
    const deviceVersion: { before?: string; after?: string } = {};
    if (dynamicGroup.created) {
      deviceVersion.before = await showFirst("before");
      ota = await tourOta(session, host, {
        group: dynamicGroup.name,
        packageName: first.thingType,
        version: plan.versions[plan.versions.length - 1],
        prefix: plan.prefix,
      });
      deviceVersion.after = await showFirst("after");
      rollback = await tourRollback(session, host, {
        thingType: first.thingType,
        packageName: first.thingType,
        version: plan.versions[0],
        prefix: plan.prefix,
      });
    }

    await host.learn("device.tour.learn");
    host.say("step", "device.tour.step");
    const commands = await tourCommands(session, host, {
      things: samples,
      prefix: plan.prefix,
      lockDescription: t("commands.vehicle.lock"),
    });

    await host.learn("workshop.learn.cleanup");
    host.say("step", "workshop.stop.cleanup");
    const cleaned = await cleanup(session, { scope: "all", thingsPrefix: plan.prefix, dryRun: false }, host);
    if (!host.json) renderSummary(cleaned, host, { again: cleanupAgain });

    await host.learn("workshop.learn.next");
    const seconds = (Date.now() - started) / 1000;
    const ok =
      provisioned.ok &&
      dynamicGroup.created &&
      ota?.status === "COMPLETED" &&
      ota.indexed === ota.succeeded &&
      rollback?.remaining === 0 &&
      commands.status === "SUCCEEDED" &&
      commands.indexedConnected === commands.devices &&
      commands.indexedAfter === 0 &&
      cleaned.totals.failed === 0;
    host.say(ok ? "success" : "error", ok ? "workshop.done" : "workshop.doneWithProblems", {
      seconds: seconds.toFixed(1),
    });
    host.result({
      ok,
      seconds,
      provision: provisioned,
      fleet,
      dynamicGroup,
      ota,
      deviceVersion,
      rollback,
      commands,
      cleanup: cleaned,
    });
    if (!ok) host.fail();
  } finally {
    session.close();
    await stopOwnSandbox(host, session);
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
