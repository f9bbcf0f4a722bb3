/** Step 9a, one static thing group per country (`US_Fleet`): existing groups are reused. */
import { CreateThingGroupCommand, ListThingGroupsCommand } from "@aws-sdk/client-iot";
import { allPages, mapLimit } from "../../aws/parallel.js";
import { countryGroupName } from "../naming.js";
import type { StepContext } from "./context.js";
import { describeError } from "../errors.js";
import type { ResourceResult } from "./report.js";

async function ensureGroup(
  ctx: StepContext,
  country: string,
  existingArn: string | undefined,
): Promise<ResourceResult> {
  const name = countryGroupName(country);
  if (existingArn) {
    ctx.io.say("info", "provision.group.existing", { name });
    return { name, outcome: "existing", arn: existingArn };
  }
  try {
    const created = await ctx.session.clients.iot.send(
      new CreateThingGroupCommand({
        thingGroupName: name,
        thingGroupProperties: {
          thingGroupDescription: `Vehicle fleet in ${country}`,
          attributePayload: { attributes: { country } },
        },
        tags: [{ Key: "country", Value: country }],
      }),
    );
    ctx.io.say("success", "provision.group.created", { name });
    if (created.thingGroupArn) await ctx.tagger.tag("thing-group", name, created.thingGroupArn);
    return { name, outcome: "created", arn: created.thingGroupArn };
  } catch (e) {
    const error = describeError(e);
    ctx.io.say("error", "provision.group.failed", { name, error });
    return { name, outcome: "failed", error };
  }
}

export async function provisionGroups(ctx: StepContext): Promise<ResourceResult[]> {
  const { countries } = ctx.plan;
  let results: ResourceResult[];
  try {
    // One listing of the account's groups instead of a probe per country.
    const existing = await allPages(
      (nextToken) => ctx.session.clients.iot.send(new ListThingGroupsCommand({ nextToken, maxResults: 250 })),
      (page) => page.thingGroups,
      (page) => page.nextToken,
    );
    const arns = new Map(existing.map((g) => [g.groupName, g.groupArn]));
    results = await mapLimit(countries, ctx.session.concurrency(8), (c) =>
      ensureGroup(ctx, c, arns.get(countryGroupName(c))),
    );
  } catch (e) {
    const error = describeError(e);
    ctx.io.say("error", "provision.group.failed", {
      name: countries.map(countryGroupName).join(", "),
      error,
    });
    results = countries.map((c) => ({ name: countryGroupName(c), outcome: "failed", error }));
  }
  const ok = results.filter((g) => g.outcome !== "failed").length;
  ctx.io.say(ok === countries.length ? "success" : "warn", "provision.group.summary", {
    ok,
    total: countries.length,
  });
  return results;
}
