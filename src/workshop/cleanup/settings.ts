/**
 * Account settings provision turns on, turned off after the resources that need them are gone
 * and before the roles they point at: package configuration and logging when they use the
 * workshop's role (association); fleet indexing when this run found the workshop in the account
 * and no dynamic group remains (they need indexing, IDX-2). Nothing is changed in a dry run
 * (Q-15).
 */
import {
  DescribeThingGroupCommand,
  GetIndexingConfigurationCommand,
  GetPackageConfigurationCommand,
  GetV2LoggingOptionsCommand,
  SetV2LoggingOptionsCommand,
  UpdateIndexingConfigurationCommand,
  UpdatePackageConfigurationCommand,
} from "@aws-sdk/client-iot";
import { loggingRoleName, packageConfigRoleName } from "../naming.js";
import { type CleanupContext, guard, listOrUnavailable, settle, verdict } from "./context.js";
import type { Identification } from "./types.js";

export const PACKAGE_CONFIGURATION = "versionUpdateByJobsConfig";
export const FLEET_INDEXING = "fleetIndexing";
export const LOGGING = "v2Logging";

const roleName = (arn: string | undefined) => (arn ? arn.slice(arn.lastIndexOf("/") + 1) : "");

function byRole(arn: string | undefined, expected: string): Identification {
  return roleName(arn) === expected
    ? { workshop: true, method: "association", association: "settingRole", evidence: expected }
    : { workshop: false, reason: "foreignRole", evidence: arn ?? "-" };
}

function alreadyOff(ctx: CleanupContext, name: string): void {
  ctx.io.say("detail", "cleanup.settings.alreadyOff", { name });
}

async function packageConfiguration(ctx: CleanupContext): Promise<void> {
  const iot = ctx.session.clients.iot;
  const got = await listOrUnavailable(ctx, "settings", "iot:GetPackageConfiguration", async () => [
    await iot.send(new GetPackageConfigurationCommand({})),
  ]);
  if (!got) return;
  const cfg = got[0].versionUpdateByJobsConfig;
  if (!cfg?.enabled) return alreadyOff(ctx, PACKAGE_CONFIGURATION);
  const id = byRole(cfg.roleArn, packageConfigRoleName(ctx.session.region, ctx.session.accountId));
  await settle(ctx, verdict("settings", PACKAGE_CONFIGURATION, id), () =>
    iot.send(new UpdatePackageConfigurationCommand({ versionUpdateByJobsConfig: { enabled: false } })),
  );
}

/** The first dynamic group among those that stay, if any. */
async function dynamicGroupLeft(ctx: CleanupContext): Promise<string | undefined> {
  for (const thingGroupName of ctx.found.remainingGroups) {
    const g = await ctx.session.clients.iot.send(new DescribeThingGroupCommand({ thingGroupName }));
    if (g.queryString) return thingGroupName;
  }
  return undefined;
}

async function fleetIndexing(ctx: CleanupContext, workshopFound: boolean): Promise<void> {
  const iot = ctx.session.clients.iot;
  const cfg = await iot.send(new GetIndexingConfigurationCommand({}));
  const thingMode = cfg.thingIndexingConfiguration?.thingIndexingMode ?? "OFF";
  const groupMode = cfg.thingGroupIndexingConfiguration?.thingGroupIndexingMode ?? "OFF";
  if (thingMode === "OFF" && groupMode === "OFF") return alreadyOff(ctx, FLEET_INDEXING);
  const dynamic = workshopFound ? await dynamicGroupLeft(ctx) : undefined;
  const id: Identification = !workshopFound
    ? { workshop: false, reason: "noWorkshopFound", evidence: "" }
    : dynamic
      ? { workshop: false, reason: "dynamicGroupsRemain", evidence: dynamic }
      : { workshop: true, method: "association", association: "settingWorkshopFound", evidence: "" };
  await settle(ctx, verdict("settings", FLEET_INDEXING, id), () =>
    iot.send(
      new UpdateIndexingConfigurationCommand({
        thingIndexingConfiguration: { thingIndexingMode: "OFF" },
        thingGroupIndexingConfiguration: { thingGroupIndexingMode: "OFF" },
      }),
    ),
  );
}

async function logging(ctx: CleanupContext): Promise<void> {
  const iot = ctx.session.clients.iot;
  let options;
  try {
    options = await iot.send(new GetV2LoggingOptionsCommand({}));
  } catch (e) {
    if ((e as Error).name === "NotConfiguredException") return alreadyOff(ctx, LOGGING);
    throw e;
  }
  if (options.disableAllLogs || options.defaultLogLevel === "DISABLED") return alreadyOff(ctx, LOGGING);
  const id = byRole(options.roleArn, loggingRoleName(ctx.session.region, ctx.session.accountId));
  await settle(ctx, verdict("settings", LOGGING, id), () =>
    iot.send(new SetV2LoggingOptionsCommand({ defaultLogLevel: "DISABLED", disableAllLogs: true })),
  );
}

/** `workshopFound`: this run identified workshop resources, so the workshop ran here. */
export async function turnOffSettings(ctx: CleanupContext, workshopFound: boolean): Promise<void> {
  ctx.io.say("step", "cleanup.settings.step");
  await guard(ctx, "settings", PACKAGE_CONFIGURATION, () => packageConfiguration(ctx));
  await guard(ctx, "settings", FLEET_INDEXING, () => fleetIndexing(ctx, workshopFound));
  await guard(ctx, "settings", LOGGING, () => logging(ctx));
  ctx.tally.flush("settings");
}
