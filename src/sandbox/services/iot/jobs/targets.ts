/**
 * Job targets (JOB-1, JOB-5, JOB-9): thing and thing-group ARNs, their expansion into things
 * (static groups with their descendants, dynamic groups by current membership), and whether a
 * thing is still reached by a job's targets.
 */
import type { OperationContext } from "../../types.js";
import { ensureDynamicMembership } from "../index/fleet.js";
import { invalidRequest, parseIotArn, RELATION, relation } from "../common.js";
import { ancestorNames, Hierarchy } from "../registry/groups.js";
import {
  requireThing,
  requireThingGroup,
  type ThingGroupDoc,
  thingGroups,
  things,
} from "../registry/model.js";

export interface JobTargets {
  thingNames: string[];
  groups: ThingGroupDoc[];
}

/**
 * JOB-1: every target is a thing or thing group ARN of this account and region that exists
 * (404); with `skipMissing` (a scheduled job starting later) missing ones are left out.
 */
export function resolveTargets(
  ctx: OperationContext,
  arns: string[],
  opts: { skipMissing?: boolean } = {},
): JobTargets {
  const out: JobTargets = { thingNames: [], groups: [] };
  for (const arn of arns) {
    const parsed = parseIotArn(ctx, arn);
    const name = parsed && !parsed.id.includes("/") ? parsed.id : undefined;
    if (name === undefined || (parsed?.type !== "thing" && parsed?.type !== "thinggroup"))
      throw invalidRequest(`${arn} is not a thing or thing group ARN of this account and region.`);
    if (parsed.type === "thing") {
      if (!opts.skipMissing || things(ctx).has(name)) out.thingNames.push(requireThing(ctx, name).thingName);
    } else {
      const group = opts.skipMissing ? thingGroups(ctx).get(name) : requireThingGroup(ctx, name);
      if (group) out.groups.push(group);
    }
  }
  return out;
}

/** The thing group names among a job's target ARNs (no lookups). */
export function targetGroupNames(arns: string[]): string[] {
  return arns.flatMap((arn) => /^arn:[^:]*:iot:[^:]*:[^:]*:thinggroup\/([^/]+)$/.exec(arn)?.[1] ?? []);
}

/** JOB-5: the things the targets reach now, each once, in name order. */
export function expandTargets(ctx: OperationContext, targets: JobTargets): string[] {
  const names = new Set(targets.thingNames);
  if (targets.groups.some((g) => g.dynamic)) ensureDynamicMembership(ctx);
  const members = relation(ctx, RELATION.groupMembers);
  const hierarchy = targets.groups.some((g) => !g.dynamic) ? new Hierarchy(ctx) : undefined;
  for (const g of targets.groups) {
    const groups = g.dynamic
      ? [g.thingGroupName]
      : [g.thingGroupName, ...hierarchy!.descendants(g.thingGroupName)];
    for (const name of groups) for (const thing of members.targets(name)) names.add(thing);
  }
  return [...names].sort();
}

/** The groups a thing belongs to, with the ancestors of its static groups (JOB-5: descendants count). */
export function groupsReaching(ctx: OperationContext, thingName: string): Set<string> {
  const out = new Set<string>();
  const all = thingGroups(ctx);
  for (const name of relation(ctx, RELATION.groupMembers).sources(thingName)) {
    out.add(name);
    const group = all.get(name);
    if (group && !group.dynamic) for (const a of ancestorNames(ctx, group)) out.add(a);
  }
  return out;
}

/** JOB-9: whether a job's targets reach the thing, given the groups that reach it. */
export function targetsReach(arns: string[], thingArn: string, reaching: Set<string>): boolean {
  return arns.includes(thingArn) || targetGroupNames(arns).some((g) => reaching.has(g));
}
