/** Static thing group hierarchy and the name-or-ARN addressing of GRP-3/4 (section 3.3). */
import type { GroupNameAndArn } from "@aws-sdk/client-iot";
import type { OperationContext } from "../../types.js";
import { invalidRequest, parseIotArn } from "../common.js";
import {
  requireThing,
  requireThingGroup,
  type ThingDoc,
  type ThingGroupDoc,
  thingGroupArn,
  thingGroups,
} from "./model.js";

/** GRP-1 [S1] */
export const MAX_GROUP_DEPTH = 7;
export const MAX_CHILD_GROUPS = 100;
/** GRP-3 [S1] */
export const MAX_GROUPS_PER_THING = 10;

/** Parent links of every group, read once per request. */
export class Hierarchy {
  private readonly parents = new Map<string, string | undefined>();
  private readonly children = new Map<string, string[]>();

  constructor(ctx: OperationContext) {
    for (const { id, doc } of thingGroups(ctx).iterate()) {
      this.parents.set(id, doc.parentGroupName);
      if (doc.parentGroupName) {
        const list = this.children.get(doc.parentGroupName) ?? [];
        list.push(id);
        this.children.set(doc.parentGroupName, list);
      }
    }
  }

  has(name: string): boolean {
    return this.parents.has(name);
  }

  names(): string[] {
    return [...this.parents.keys()].sort();
  }

  isRoot(name: string): boolean {
    return this.parents.get(name) === undefined;
  }

  /** Names from the root down to the group's parent. */
  ancestors(name: string): string[] {
    const out: string[] = [];
    for (let p = this.parents.get(name); p !== undefined; p = this.parents.get(p)) out.unshift(p);
    return out;
  }

  root(name: string): string {
    return this.ancestors(name)[0] ?? name;
  }

  /** 1 for a root group. */
  depth(name: string): number {
    return this.ancestors(name).length + 1;
  }

  childrenOf(name: string): string[] {
    return [...(this.children.get(name) ?? [])].sort();
  }

  /** All groups below `name`, in name order. */
  descendants(name: string): string[] {
    const out: string[] = [];
    const queue = [...this.childrenOf(name)];
    while (queue.length > 0) {
      const next = queue.shift() as string;
      out.push(next);
      queue.push(...this.childrenOf(next));
    }
    return out.sort();
  }
}

export function nameAndArn(ctx: OperationContext, groupName: string): GroupNameAndArn {
  return { groupName, groupArn: thingGroupArn(ctx, groupName) };
}

/** Name from `name` or from an ARN of `arnType` (GRP-3: groups and things by names or ARNs). */
function nameFrom(
  ctx: OperationContext,
  what: string,
  arnType: string,
  name: string | undefined,
  arn: string | undefined,
): string {
  if (name !== undefined) return name;
  if (arn === undefined) throw invalidRequest(`Either the ${what} name or the ${what} ARN must be given.`);
  const parsed = parseIotArn(ctx, arn);
  if (!parsed || parsed.type !== arnType || parsed.id.includes("/"))
    throw invalidRequest(`${arn} is not a ${what} ARN of this account and region.`);
  return parsed.id;
}

export function resolveThingGroup(
  ctx: OperationContext,
  name: string | undefined,
  arn: string | undefined,
): ThingGroupDoc {
  return requireThingGroup(ctx, nameFrom(ctx, "thing group", "thinggroup", name, arn));
}

export function resolveThing(
  ctx: OperationContext,
  name: string | undefined,
  arn: string | undefined,
): ThingDoc {
  return requireThing(ctx, nameFrom(ctx, "thing", "thing", name, arn));
}

/** GRP-3/4/5, DYN-3: static membership operations refuse dynamic groups. */
export function requireStatic(group: ThingGroupDoc, operation: string): void {
  if (group.dynamic)
    throw invalidRequest(
      `${group.thingGroupName} is a dynamic thing group: ${operation} only applies to static thing groups.`,
    );
}

/** Root-to-parent names of one group, following its parent links only. */
export function ancestorNames(ctx: OperationContext, group: ThingGroupDoc): string[] {
  const out: string[] = [];
  const all = thingGroups(ctx);
  for (let p = group.parentGroupName; p !== undefined; p = all.get(p)?.parentGroupName) out.unshift(p);
  return out;
}

/** The root of a group's hierarchy, by following parent links (depth <= 7, GRP-1). */
export function rootName(ctx: OperationContext, groupName: string): string {
  const group = thingGroups(ctx).get(groupName);
  return group ? (ancestorNames(ctx, group)[0] ?? groupName) : groupName;
}
