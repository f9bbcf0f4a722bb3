/**
 * The tour's package stops: one device's `$package` shadow before and after the OTA stop (what
 * the inventory says it runs), and at the end a real rollback of the tour's fleet: the devices of
 * the type that now report another version get an OTA job of the first version, are played to
 * success, and the fleet index shows none left on another version (PKG-7 writes the shadows).
 */
import type { AwsSession } from "../../aws/session.js";
import type { WorkshopIo } from "../io.js";
import { pendingExecutions, simulateJob } from "../jobs/simulate.js";
import { devicesToRevert, deviceVersions } from "./devices.js";
import { revertViaJob } from "./revert.js";

/** The version one device reports for one package, said as a tour line. */
export async function tourDeviceVersion(
  session: AwsSession,
  io: WorkshopIo,
  thingName: string,
  packageName: string,
  moment: "before" | "after",
): Promise<string | undefined> {
  const d = await deviceVersions(session, thingName);
  const version = d.packages.find((p) => p.name === packageName)?.version;
  io.say("plain", moment === "before" ? "packages.tour.before" : "packages.tour.after", {
    thing: thingName,
    package: packageName,
    version: version ?? "-",
  });
  return version;
}

export interface TourRollbackOptions {
  thingType: string;
  packageName: string;
  version: string;
  /** The tour's things (the search is limited to them). */
  prefix: string;
}

export interface TourRollback {
  jobId?: string;
  devices: number;
  succeeded: number;
  /** Tour devices of the type still reporting another version afterwards (0 when it worked). */
  remaining: number;
}

export async function tourRollback(
  session: AwsSession,
  io: WorkshopIo,
  o: TourRollbackOptions,
): Promise<TourRollback> {
  await io.learn("packages.learn.tourRollback", { version: o.version });
  io.say("step", "packages.tour.rollback", { package: o.packageName, version: o.version });
  const find = () => devicesToRevert(session, o.thingType, o.packageName, o.version, o.prefix);
  const targets = await find();
  if (targets.length === 0) {
    io.say("plain", "packages.tour.nothing", { version: o.version });
    return { devices: 0, succeeded: 0, remaining: 0 };
  }
  const job = await revertViaJob(session, targets, o.packageName, o.version);
  io.say("plain", "packages.tour.job", { jobId: job.jobId, count: targets.length });
  const played = await simulateJob(
    session,
    io,
    { jobId: job.jobId, successRate: 100 },
    await pendingExecutions(session, job.jobId),
  );
  const remaining = (await find()).length;
  io.say(remaining === 0 ? "success" : "warn", "packages.tour.done", {
    succeeded: played.succeeded,
    version: o.version,
    remaining,
  });
  return { jobId: job.jobId, devices: targets.length, succeeded: played.succeeded, remaining };
}
