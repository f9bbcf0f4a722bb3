/**
 * Fleet rollback to one package version, two ways (features.md 9):
 * - by shadow rewrite: each device's `$package` entry is set to the version, as IoT itself writes
 *   it after a successful job (PKG-7: `{version, attributes}` keeping the entry's attributes).
 *   Fast, but only the inventory changes: the device still runs what it ran.
 * - by job: the devices go into a static group made for the rollback (tagged), and an OTA job of
 *   that version targets it, so the devices really install it and the inventory follows when
 *   each succeeds (PKG-7 again, with package configuration enabled).
 */
import { AddThingToThingGroupCommand, CreateThingGroupCommand } from "@aws-sdk/client-iot";
import { UpdateThingShadowCommand } from "@aws-sdk/client-iot-data-plane";
import { mapLimit } from "../../aws/parallel.js";
import type { AwsSession } from "../../aws/session.js";
import { describeError } from "../errors.js";
import type { WorkshopIo } from "../io.js";
import { defaultDescription, otaDocument, suggestedJobId } from "../jobs/config.js";
import { createJob } from "../jobs/create.js";
import { PACKAGE_SHADOW, THING_CONCURRENCY } from "../provision/devices.js";
import { workshopTags } from "../tags.js";
import type { RevertTarget } from "./devices.js";

const MAX_REPORTED_FAILURES = 20;

export interface RewriteReport {
  updated: number;
  failed: number;
  seconds: number;
  perSecond: number;
  failures: Array<{ thingName: string; error: string }>;
}

const encoder = new TextEncoder();

/** The `$package` update IoT makes after a successful job installing `version` (PKG-7). */
export const packageEntryUpdate = (
  packageName: string,
  version: string,
  attributes: Record<string, string>,
) => encoder.encode(JSON.stringify({ state: { reported: { [packageName]: { version, attributes } } } }));

export async function rewriteShadows(
  session: AwsSession,
  io: WorkshopIo,
  targets: readonly RevertTarget[],
  packageName: string,
  version: string,
): Promise<RewriteReport> {
  const data = await session.clients.iotData();
  const report: RewriteReport = { updated: 0, failed: 0, seconds: 0, perSecond: 0, failures: [] };
  const progress = io.progress("packages.revert.progress", targets.length);
  await mapLimit(targets, session.concurrency(THING_CONCURRENCY), async (d) => {
    try {
      await data.send(
        new UpdateThingShadowCommand({
          thingName: d.thingName,
          shadowName: PACKAGE_SHADOW,
          payload: packageEntryUpdate(packageName, version, d.attributes),
        }),
      );
      report.updated++;
    } catch (e) {
      report.failed++;
      if (report.failures.length < MAX_REPORTED_FAILURES)
        report.failures.push({ thingName: d.thingName, error: describeError(e) });
    }
    progress.tick();
  });
  const { seconds, rate } = progress.stop();
  report.seconds = Number(seconds.toFixed(2));
  report.perSecond = Math.round(rate);
  return report;
}

export interface RevertJob {
  jobId: string;
  jobArn: string;
  group: string;
  devices: number;
}

/** Thing group names allow [a-zA-Z0-9:_-]: a version's dots become underscores. */
export const revertGroupName = (packageName: string, version: string, unixSeconds: number) =>
  `Revert-${packageName}-${version}-${unixSeconds}`.replace(/[^a-zA-Z0-9:_-]/g, "_").slice(0, 128);

export async function revertViaJob(
  session: AwsSession,
  targets: readonly RevertTarget[],
  packageName: string,
  version: string,
  now = Date.now() / 1000,
): Promise<RevertJob> {
  const { iot } = session.clients;
  const group = revertGroupName(packageName, version, Math.floor(now));
  await iot.send(
    new CreateThingGroupCommand({
      thingGroupName: group,
      thingGroupProperties: { thingGroupDescription: `Rollback of ${packageName} to ${version}` },
      tags: workshopTags("manage-packages"),
    }),
  );
  await mapLimit(targets, session.concurrency(THING_CONCURRENCY), (d) =>
    iot.send(new AddThingToThingGroupCommand({ thingGroupName: group, thingName: d.thingName })),
  );
  const jobId = suggestedJobId("ota", now, packageName, version).replace(/^upgrade/, "revert");
  const created = await createJob(session, {
    jobId,
    kind: "ota",
    groups: [group],
    packageName,
    version,
    document: JSON.stringify(otaDocument(packageName, version)),
    description: defaultDescription("ota", [group]),
    // The devices found now, not whoever joins the group later.
    advanced: { targetSelection: "SNAPSHOT" },
  });
  return { jobId: created.jobId, jobArn: created.jobArn, group, devices: targets.length };
}
