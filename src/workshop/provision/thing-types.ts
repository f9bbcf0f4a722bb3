/**
 * Step 2, thing types: one per vehicle category, with the attributes fleet indexing can
 * search. An existing type is reused (and un-deprecated, since new things cannot use a
 * deprecated type).
 */
import {
  CreateThingTypeCommand,
  DeprecateThingTypeCommand,
  ListThingTypesCommand,
  type ThingTypeDefinition,
} from "@aws-sdk/client-iot";
import { allPages, mapLimit } from "../../aws/parallel.js";
import type { StepContext } from "./context.js";
import { describeError } from "../errors.js";
import type { ResourceResult } from "./report.js";

export const SEARCHABLE_ATTRIBUTES = ["customerId", "country", "manufacturingDate"];

/** "SUVVehicle" -> "Template for SUV Vehicle category". */
export function thingTypeDescription(name: string): string {
  return `Template for ${name.replace(/(?<=[^\s])Vehicle/g, " Vehicle")} category`;
}

async function ensureThingType(
  ctx: StepContext,
  name: string,
  existing: ThingTypeDefinition | undefined,
): Promise<ResourceResult> {
  const { iot } = ctx.session.clients;
  try {
    if (existing) {
      const arn = existing.thingTypeArn;
      if (existing.thingTypeMetadata?.deprecated) {
        await iot.send(new DeprecateThingTypeCommand({ thingTypeName: name, undoDeprecate: true }));
        ctx.io.say("success", "provision.thingType.undeprecated", { name });
        return { name, outcome: "undeprecated", arn };
      }
      ctx.io.say("info", "provision.thingType.existing", { name });
      return { name, outcome: "existing", arn };
    }
    const created = await iot.send(
      new CreateThingTypeCommand({
        thingTypeName: name,
        thingTypeProperties: {
          thingTypeDescription: thingTypeDescription(name),
          searchableAttributes: SEARCHABLE_ATTRIBUTES,
        },
      }),
    );
    ctx.io.say("success", "provision.thingType.created", { name });
    if (created.thingTypeArn) await ctx.tagger.tag("thing-type", name, created.thingTypeArn);
    return { name, outcome: "created", arn: created.thingTypeArn };
  } catch (e) {
    const error = describeError(e);
    ctx.io.say("error", "provision.thingType.failed", { name, error });
    return { name, outcome: "failed", error };
  }
}

export async function provisionThingTypes(ctx: StepContext): Promise<ResourceResult[]> {
  const types = ctx.plan.thingTypes;
  await ctx.io.learn("provision.learn.thingTypes", { count: types.length, types: types.join(", ") });
  ctx.io.say("step", "provision.step.thingTypes");
  let results: ResourceResult[];
  try {
    // One listing tells which types exist (and which are deprecated), without a probe per type.
    const existing = await allPages(
      (nextToken) => ctx.session.clients.iot.send(new ListThingTypesCommand({ nextToken, maxResults: 250 })),
      (page) => page.thingTypes,
      (page) => page.nextToken,
    );
    const byName = new Map(existing.map((t) => [t.thingTypeName, t]));
    results = await mapLimit(types, ctx.session.concurrency(8), (name) =>
      ensureThingType(ctx, name, byName.get(name)),
    );
  } catch (e) {
    const error = describeError(e);
    ctx.io.say("error", "provision.thingType.failed", { name: types.join(", "), error });
    results = types.map((name) => ({ name, outcome: "failed", error }));
  }
  const ok = results.filter((r) => r.outcome !== "failed").length;
  ctx.io.say(ok === types.length ? "success" : "warn", "provision.thingType.summary", {
    ok,
    total: types.length,
  });
  return results;
}
