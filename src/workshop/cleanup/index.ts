/**
 * `cleanup`: deletes what the workshop created, and only that (features.md 5). Order: things
 * (with their shadows and certificates), IoT policies, thing groups, thing types deprecated,
 * commands, jobs, packages, buckets, account settings off, roles, thing types deleted last
 * (the 5-minute rule). `--scope things|groups` runs just that family. A dry run only reads.
 */
import type { AwsSession } from "../../aws/session.js";
import type { WorkshopIo } from "../io.js";
import { cleanBuckets } from "./buckets.js";
import { cleanCertificates, cleanPolicies } from "./certificates.js";
import { cleanCommands } from "./commands.js";
import { type CleanupContext, newFindings } from "./context.js";
import { cleanGroups } from "./groups.js";
import { cleanJobs, cleanJobTemplates } from "./jobs.js";
import { cleanPackages } from "./packages.js";
import { Tally } from "./report.js";
import { cleanRoles } from "./roles.js";
import { turnOffSettings } from "./settings.js";
import { deleteThingTypes, deprecateThingTypes } from "./thing-types.js";
import { cleanThings } from "./things.js";
import type { CleanupOptions, CleanupReport } from "./types.js";

export type { CleanupOptions, CleanupReport, Family, FamilyCounts, Scope } from "./types.js";
export { FAMILIES, SCOPES } from "./types.js";
export { FAMILY_KEYS } from "./report.js";

/** Whether any workshop resource has been identified so far in this run. */
function workshopFound(ctx: CleanupContext, typesPending: number): boolean {
  const { totals } = ctx.tally.counted();
  return typesPending > 0 || totals.deleted + totals.failed > 0;
}

export async function cleanup(
  session: AwsSession,
  options: CleanupOptions,
  io: WorkshopIo,
): Promise<CleanupReport> {
  const started = Date.now();
  const ctx: CleanupContext = {
    session,
    options,
    io,
    tally: new Tally(io, options.dryRun || io.debug),
    found: newFindings(),
    unavailable: [],
    clockAdvancedSeconds: 0,
    waitedSeconds: 0,
  };
  if (options.dryRun) io.say("warn", "cleanup.dryRunBanner");
  const all = options.scope === "all";
  if (all || options.scope === "things") {
    await cleanThings(ctx);
    await cleanCertificates(ctx);
  }
  if (all) await cleanPolicies(ctx);
  if (all || options.scope === "groups") await cleanGroups(ctx);
  if (all) {
    const types = await deprecateThingTypes(ctx);
    await cleanCommands(ctx);
    await cleanJobs(ctx);
    await cleanJobTemplates(ctx);
    await cleanPackages(ctx);
    await cleanBuckets(ctx);
    await turnOffSettings(ctx, workshopFound(ctx, types.length));
    await cleanRoles(ctx);
    await deleteThingTypes(ctx, types);
  }
  const { families, totals } = ctx.tally.counted();
  return {
    dryRun: options.dryRun,
    scope: options.scope,
    thingsPrefix: options.thingsPrefix,
    region: session.region,
    accountId: session.accountId,
    target: session.target.label,
    paced: session.target.paced,
    families,
    totals,
    unavailable: ctx.unavailable,
    clockAdvancedSeconds: ctx.clockAdvancedSeconds,
    waitedSeconds: ctx.waitedSeconds,
    calls: { ...session.clients.stats },
    elapsedSeconds: (Date.now() - started) / 1000,
    resources: ctx.tally.outcomes,
  };
}
