/**
 * Dynamic thing group membership (DYN-2, DYN-4): the things whose index document matches the
 * group's query, stored in the same membership relation as static groups so every reader
 * (ListThingsInThingGroup, ListThingGroupsForThing, jobs) sees it. Re-evaluated for one thing
 * on each change that feeds its document (O(groups)), and for all things when a group is
 * created or its query changes.
 *
 * The 10-groups-per-thing limit (GRP-3) is kept the way DYN-4 describes, which amounts to: a
 * thing belongs to the oldest matching dynamic groups that fit next to its static groups.
 * Groups are evaluated oldest first, each seeing the memberships decided before it.
 */
import type { OperationContext } from "../../types.js";
import { RELATION, relation, scopeKey } from "../common.js";
import { MAX_GROUPS_PER_THING } from "../registry/groups.js";
import { readIndexingSettings } from "../registry/indexing.js";
import { thingGroups } from "../registry/model.js";
import { dynamicGroupsGeneration } from "./index-status.js";
import type { DynamicGroup, ScopeState } from "./fleet-state.js";
import { type DocValues, DocValuesBuilder, emitValue, matchesDocument } from "./query-match.js";
import { parseQuery } from "./query-syntax.js";
import { type IndexedThing, loadIndexedThing, thingValues } from "./thing-document.js";
import type { ThingIndex } from "./thing-index.js";

/** DYN-1 [S1] */
export const MAX_DYNAMIC_GROUPS = 100;

const olderFirst = (a: DynamicGroup, b: DynamicGroup) =>
  a.creationDate.localeCompare(b.creationDate) || a.name.localeCompare(b.name);

/** The scope's dynamic groups, oldest first, cached until one is created, updated or deleted. */
export function dynamicGroups(ctx: OperationContext, s: ScopeState): DynamicGroup[] {
  const generation = dynamicGroupsGeneration(ctx);
  if (s.dynamic && s.dynamic.generation === generation) return s.dynamic.groups;
  const groups: DynamicGroup[] = [];
  for (const { doc } of thingGroups(ctx).list()) {
    if (!doc.dynamic || doc.queryString === undefined) continue;
    groups.push({
      name: doc.thingGroupName,
      creationDate: doc.creationDate,
      query: parseQuery(doc.queryString),
    });
  }
  groups.sort(olderFirst);
  s.dynamic = { generation, groups };
  return groups;
}

/** The member this thing leaves to make room for `group` (DYN-4), or undefined if none may. */
function displaced(
  group: DynamicGroup,
  memberOf: Set<string>,
  groups: DynamicGroup[],
): DynamicGroup | undefined {
  let newest: DynamicGroup | undefined;
  for (const g of groups) if (memberOf.has(g.name) && olderFirst(group, g) < 0) newest = g;
  return newest;
}

interface Membership {
  thing: string;
  memberOf: Set<string>;
  changed: boolean;
}

/** Adds the thing to `group` if the 10-group limit allows it (DYN-4); true when it joined. */
function join(ctx: OperationContext, m: Membership, group: DynamicGroup, groups: DynamicGroup[]): boolean {
  const members = relation(ctx, RELATION.groupMembers);
  if (m.memberOf.size >= MAX_GROUPS_PER_THING) {
    const out = displaced(group, m.memberOf, groups);
    if (!out) return false;
    members.unlink(out.name, m.thing);
    m.memberOf.delete(out.name);
  }
  members.link(group.name, m.thing);
  m.memberOf.add(group.name);
  m.changed = true;
  return true;
}

function leave(ctx: OperationContext, m: Membership, group: DynamicGroup): void {
  relation(ctx, RELATION.groupMembers).unlink(group.name, m.thing);
  m.memberOf.delete(group.name);
  m.changed = true;
}

/**
 * Tells other listeners (jobs) that fleet indexing changed a thing's dynamic memberships; fleet
 * indexing itself does not follow the event (fleet.ts), having updated its index already.
 */
function membershipChanged(ctx: OperationContext, thingName: string): void {
  ctx.events.emit({ type: "thing.changed", scope: scopeKey(ctx), thingName, dynamicMembership: true });
}

/** Replaces the `thingGroupNames` values of a document by the current memberships. */
function setGroupValues(values: DocValues, memberOf: Set<string>): void {
  const b = new DocValuesBuilder();
  for (const g of memberOf) emitValue(b, "thingGroupNames", g);
  const groupValues = b.values.get("thingGroupNames");
  if (groupValues) values.set("thingGroupNames", groupValues);
  else values.delete("thingGroupNames");
}

/** DYN-2: brings one thing's dynamic memberships in line with its current document. */
export function reevaluateThing(ctx: OperationContext, s: ScopeState, thingName: string): void {
  const groups = dynamicGroups(ctx, s);
  if (groups.length === 0) return;
  const loaded = loadIndexedThing(ctx, readIndexingSettings(ctx).thing, thingName);
  if (!loaded) return;
  const m: Membership = { thing: thingName, memberOf: new Set(loaded.doc.groups), changed: false };
  const values = thingValues(loaded);
  for (const g of groups) {
    const member = m.memberOf.has(g.name);
    const match = matchesDocument(g.query, values);
    if (match === member) continue;
    if (match) join(ctx, m, g, groups);
    else leave(ctx, m, g);
    setGroupValues(values, m.memberOf);
  }
  if (m.changed) membershipChanged(ctx, thingName);
}

/**
 * DYN-1/DYN-5: recomputes a whole group over the index (its query changed, it is new, or
 * memberships may have been missed). Updates the index's group lists in place.
 */
export function recomputeGroup(
  ctx: OperationContext,
  index: ThingIndex,
  group: DynamicGroup,
  groups: DynamicGroup[],
): void {
  const bits = index.evaluate(group.query);
  const previous = new Set(relation(ctx, RELATION.groupMembers).targets(group.name));
  const changed: string[] = [];
  const apply = (doc: IndexedThing, m: Membership) => {
    if (!m.changed) return;
    index.setGroups(doc.name, [...m.memberOf].sort());
    changed.push(doc.name);
  };
  for (const doc of index.matching(bits)) {
    if (previous.delete(doc.name)) continue;
    const m: Membership = { thing: doc.name, memberOf: new Set(doc.groups), changed: false };
    join(ctx, m, group, groups);
    apply(doc, m);
  }
  for (const name of previous) {
    const doc = index.get(name);
    const m: Membership = { thing: name, memberOf: new Set(doc?.groups ?? [group.name]), changed: false };
    leave(ctx, m, group);
    if (doc) apply(doc, m);
  }
  for (const name of changed) membershipChanged(ctx, name);
}

/** DYN-5: a deleted group's members are detached. */
export function removeAllMembers(ctx: OperationContext, index: ThingIndex | undefined, name: string): void {
  const members = relation(ctx, RELATION.groupMembers);
  const things = members.targets(name);
  members.unlinkAllFrom(name);
  for (const thing of things) {
    const doc = index?.get(thing);
    if (doc)
      index?.setGroups(
        thing,
        doc.groups.filter((g) => g !== name),
      );
  }
  for (const thing of things) membershipChanged(ctx, thing);
}
