/**
 * `provision`: the workshop's first step, building the whole fleet (features.md 4.5): IoT
 * logging, thing types, fleet indexing, firmware bucket and archives, software packages,
 * IAM roles, package configuration, country groups and the things with their shadows.
 * Every step is best-effort and idempotent: a failure is reported and the run goes on, and
 * running it again on an existing fleet converges on the plan instead of failing.
 */
import { performance } from "node:perf_hooks";
import type { AwsSession } from "../../aws/session.js";
import type { WorkshopIo } from "../io.js";
import type { StepContext } from "./context.js";
import { provisionDevices } from "./devices.js";
import { provisionBucket, uploadFirmware } from "./firmware.js";
import { provisionGroups } from "./groups.js";
import { provisionIndexing } from "./indexing.js";
import { provisionLogging } from "./logging-role.js";
import { provisionPackageConfiguration } from "./package-config.js";
import { provisionPackages } from "./packages.js";
import { type ProvisionPlan, deviceAt } from "./plan.js";
import { type FirmwareResult, type PackageResult, type ProvisionReport, failureCount } from "./report.js";
import { provisionRoles } from "./roles.js";
import { Tagger } from "./tagging.js";
import { provisionThingTypes } from "./thing-types.js";

export type { ProvisionPlan } from "./plan.js";
export type { ProvisionReport } from "./report.js";

export async function provision(
  session: AwsSession,
  plan: ProvisionPlan,
  io: WorkshopIo,
): Promise<ProvisionReport> {
  const started = performance.now();
  const ctx: StepContext = { session, io, plan, tagger: new Tagger(session, io) };

  const logging = await provisionLogging(ctx);
  const thingTypes = await provisionThingTypes(ctx);
  const indexing = await provisionIndexing(ctx);
  const bucket = await provisionBucket(ctx);
  let firmware: FirmwareResult[] = [];
  let packages: PackageResult[];
  if (bucket.outcome === "failed") {
    // Package versions need their archives in S3.
    io.say("warn", "provision.bucket.skipped");
    packages = plan.thingTypes.map((name) => ({ name, outcome: "skipped", versions: [] }));
  } else {
    firmware = await uploadFirmware(ctx, bucket);
    packages = await provisionPackages(ctx, bucket.name, firmware);
  }
  const roles = await provisionRoles(ctx);
  const packageConfiguration = await provisionPackageConfiguration(ctx, roles.packageConfig);

  await io.learn("provision.learn.devices", { groups: plan.countries.length, devices: plan.count });
  io.say("step", "provision.step.devices");
  const groups = await provisionGroups(ctx);
  const things = await provisionDevices(ctx);

  const report: Omit<ProvisionReport, "ok"> = {
    target: session.target.label,
    paced: session.target.paced,
    accountId: session.accountId,
    region: session.region,
    plan: {
      thingTypes: plan.thingTypes,
      versions: plan.versions,
      continent: plan.continent.name,
      countries: plan.countries,
      count: plan.count,
      prefix: plan.prefix,
      firstThing: deviceAt(plan, 0).name,
      lastThing: deviceAt(plan, plan.count - 1).name,
    },
    logging,
    thingTypes,
    indexing,
    bucket,
    firmware,
    packages,
    roles: [roles.jobs, roles.packageConfig],
    packageConfiguration,
    groups,
    things,
    tags: { applied: ctx.tagger.applied, failures: ctx.tagger.failures },
    calls: { ...session.clients.stats },
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
  };
  return { ok: failureCount(report) === 0, ...report };
}
