/**
 * What a re-run would change in things that exist already: provision gives every thing of
 * the plan the plan's type (UpdateThing on a thing that exists), so a run with other
 * `--thing-types` re-types earlier things. The plan says so before anything changes.
 */
import { listAllThings } from "../things.js";
import type { AwsSession } from "../../aws/session.js";
import { thingName, thingNamePattern } from "../naming.js";
import { type ProvisionPlan, deviceAt } from "./plan.js";

export interface TypeChange {
  name: string;
  /** The type it has now; "" when it has none. */
  from: string;
  to: string;
}

export async function typeChanges(session: AwsSession, plan: ProvisionPlan): Promise<TypeChange[]> {
  const things = await listAllThings(session);
  const pattern = thingNamePattern(plan.prefix);
  const changes: TypeChange[] = [];
  for (const thing of things) {
    const name = thing.thingName ?? "";
    if (!pattern.test(name)) continue;
    const index = Number(name.slice(plan.prefix.length));
    // Only the things this plan names (the same number of digits): others are left alone.
    if (index < 1 || index > plan.count || thingName(plan.prefix, index, plan.count) !== name) continue;
    const to = deviceAt(plan, index - 1).thingType;
    const from = thing.thingTypeName ?? "";
    if (from !== to) changes.push({ name, from, to });
  }
  return changes.sort((a, b) => (a.name < b.name ? -1 : 1));
}
