/**
 * Step 3, fleet indexing: registry, classic shadow, connectivity and Device Defender data of
 * every thing, plus its `$package` named shadow, become searchable; so do thing groups.
 */
import {
  UpdateIndexingConfigurationCommand,
  type UpdateIndexingConfigurationCommandInput,
} from "@aws-sdk/client-iot";
import type { StepContext } from "./context.js";
import { describeError } from "../errors.js";
import type { SettingResult } from "./report.js";

export const INDEXING_CONFIGURATION: UpdateIndexingConfigurationCommandInput = {
  thingIndexingConfiguration: {
    thingIndexingMode: "REGISTRY_AND_SHADOW",
    thingConnectivityIndexingMode: "STATUS",
    deviceDefenderIndexingMode: "VIOLATIONS",
    namedShadowIndexingMode: "ON",
    filter: { namedShadowNames: ["$package"] },
  },
  thingGroupIndexingConfiguration: { thingGroupIndexingMode: "ON" },
};

export async function provisionIndexing(ctx: StepContext): Promise<SettingResult> {
  await ctx.io.learn("provision.learn.fleetIndexing");
  ctx.io.say("step", "provision.step.indexing");
  try {
    await ctx.session.clients.iot.send(new UpdateIndexingConfigurationCommand(INDEXING_CONFIGURATION));
    ctx.io.say("success", "provision.indexing.done");
    return { ok: true };
  } catch (e) {
    const error = describeError(e);
    ctx.io.say("error", "provision.indexing.failed", { error });
    return { ok: false, error };
  }
}
