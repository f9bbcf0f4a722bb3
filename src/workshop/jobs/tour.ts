/**
 * The tour's OTA stop: the newest firmware of the first device's type, rolled out to the tour's
 * dynamic group (the devices of that type and country) as a SNAPSHOT job; the devices played
 * (most succeed, a few fail, as in a real rollout); the job's statistics; and the fleet index,
 * which now finds the updated devices by the version in their $package shadow (PKG-7).
 */
import { SearchIndexCommand } from "@aws-sdk/client-iot";
import { allPages } from "../../aws/parallel.js";
import type { AwsSession } from "../../aws/session.js";
import type { WorkshopIo } from "../io.js";
import { defaultDescription, otaDocument, suggestedJobId } from "./config.js";
import { createJob } from "./create.js";
import { describeJob } from "./explore.js";
import { pendingExecutions, simulateJob } from "./simulate.js";

/** Most devices succeed, a few fail: enough to make the statistics worth reading. */
const TOUR_SUCCESS_RATE = 90;

export interface TourOtaOptions {
  group: string;
  packageName: string;
  version: string;
  /** The tour's things (the fleet index query is limited to them). */
  prefix: string;
}

export interface TourOta {
  jobId: string;
  status: string;
  devices: number;
  succeeded: number;
  failed: number;
  /** Tour devices the fleet index finds with the new version. */
  indexed: number;
}

async function devicesWithVersion(session: AwsSession, o: TourOtaOptions): Promise<number> {
  const queryString = `thingName:${o.prefix}* AND shadow.name.$package.reported.${o.packageName}.version:${o.version}`;
  const things = await allPages(
    (nextToken) =>
      session.clients.iot.send(new SearchIndexCommand({ queryString, nextToken, maxResults: 100 })),
    (p) => p.things,
    (p) => p.nextToken,
  );
  return things.length;
}

export async function tourOta(session: AwsSession, io: WorkshopIo, o: TourOtaOptions): Promise<TourOta> {
  await io.learn("jobs.learn.tour", { group: o.group, version: o.version });
  io.say("step", "jobs.tour.stop", { package: o.packageName, version: o.version, group: o.group });
  const jobId = suggestedJobId("ota", Date.now() / 1000, o.packageName, o.version);
  await createJob(session, {
    jobId,
    kind: "ota",
    groups: [o.group],
    packageName: o.packageName,
    version: o.version,
    document: JSON.stringify(otaDocument(o.packageName, o.version)),
    description: defaultDescription("ota", [o.group]),
    advanced: { targetSelection: "SNAPSHOT" },
  });
  const pending = await pendingExecutions(session, jobId);
  io.say("plain", "jobs.tour.created", { jobId, devices: pending.length });
  const played = await simulateJob(session, io, { jobId, successRate: TOUR_SUCCESS_RATE }, pending);
  const { job, stats } = await describeJob(session, jobId);
  io.say("plain", "jobs.tour.stats", {
    status: job.status ?? "",
    succeeded: stats.counts.SUCCEEDED,
    failed: stats.failed,
    seconds: played.seconds.toFixed(1),
  });
  const indexed = await devicesWithVersion(session, o);
  io.say("plain", "jobs.tour.indexed", { count: indexed, package: o.packageName, version: o.version });
  return {
    jobId,
    status: job.status ?? "",
    devices: pending.length,
    succeeded: stats.counts.SUCCEEDED,
    failed: stats.failed,
    indexed,
  };
}
