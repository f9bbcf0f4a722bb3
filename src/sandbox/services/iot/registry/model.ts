/**
 * Stored documents of the registry (things, thing types, thing groups) and the lookups every
 * registry handler shares. Other IoT areas (security, jobs, index, shadows) read these types.
 */
import type { ThingTypeProperties } from "@aws-sdk/client-iot";
import { ServiceError } from "../../../errors.js";
import type { Collection } from "../../../storage/store.js";
import type { OperationContext } from "../../types.js";
import { collection, iotArn, KIND, notFound, scopeKey } from "../common.js";

/** KIND.thing, id = thing name. */
export interface ThingDoc {
  thingName: string;
  thingId: string;
  thingTypeName?: string;
  attributes: Record<string, string>;
  /** THG-3: starts at 1, +1 per UpdateThing. */
  version: number;
  billingGroupName?: string;
  /** ISO-8601 */
  creationDate: string;
}

/** KIND.thingType, id = thing type name. */
export interface ThingTypeDoc {
  thingTypeName: string;
  thingTypeId: string;
  properties: ThingTypeProperties;
  deprecated: boolean;
  /** ISO-8601, set while deprecated (TTY-3). */
  deprecationDate?: string;
  /** ISO-8601 */
  creationDate: string;
}

/** KIND.thingGroup, id = group name (static and dynamic groups share the namespace, GRP-1). */
export interface ThingGroupDoc {
  thingGroupName: string;
  thingGroupId: string;
  version: number;
  description?: string;
  attributes: Record<string, string>;
  parentGroupName?: string;
  /** ISO-8601 */
  creationDate: string;
  /** Dynamic groups (section 5) refuse the static-membership operations (GRP-3/4/5, DYN-3). */
  dynamic: boolean;
  /** Dynamic groups only (DYN-1). */
  indexName?: string;
  queryString?: string;
  queryVersion?: string;
  status?: "ACTIVE" | "BUILDING" | "REBUILDING";
  /** Dynamic groups: when BUILDING/REBUILDING turns ACTIVE on the sandbox clock (ISO-8601). */
  activeAt?: string;
}

export const things = (ctx: OperationContext): Collection<ThingDoc> => collection<ThingDoc>(ctx, KIND.thing);
export const thingTypes = (ctx: OperationContext): Collection<ThingTypeDoc> =>
  collection<ThingTypeDoc>(ctx, KIND.thingType);
export const thingGroups = (ctx: OperationContext): Collection<ThingGroupDoc> =>
  collection<ThingGroupDoc>(ctx, KIND.thingGroup);

export const thingArn = (ctx: OperationContext, name: string) => iotArn(ctx, `thing/${name}`);
export const thingTypeArn = (ctx: OperationContext, name: string) => iotArn(ctx, `thingtype/${name}`);
export const thingGroupArn = (ctx: OperationContext, name: string) => iotArn(ctx, `thinggroup/${name}`);

export function requireThing(ctx: OperationContext, name: string): ThingDoc {
  const doc = things(ctx).get(name);
  if (!doc) throw notFound(`Thing ${name} cannot be found.`);
  return doc;
}

export function requireThingType(ctx: OperationContext, name: string): ThingTypeDoc {
  const doc = thingTypes(ctx).get(name);
  if (!doc) throw notFound(`Thing type ${name} cannot be found.`);
  return doc;
}

export function requireThingGroup(ctx: OperationContext, name: string): ThingGroupDoc {
  const doc = thingGroups(ctx).get(name);
  if (!doc) throw notFound(`Thing group ${name} cannot be found.`);
  return doc;
}

/** THG-2 / TTY-3: a type given to CreateThing/UpdateThing must exist and not be deprecated. */
export function requireUsableThingType(ctx: OperationContext, name: string): ThingTypeDoc {
  const type = requireThingType(ctx, name);
  if (type.deprecated)
    throw new ServiceError(
      "InvalidRequestException",
      `Thing type ${name} is deprecated and cannot be associated with a thing.`,
      {},
      400,
    );
  return type;
}

/** THG-3 / GRP-5: `expectedVersion` must match the stored version. */
export function checkExpectedVersion(
  what: string,
  name: string,
  current: number,
  expected: number | undefined,
): void {
  if (expected !== undefined && expected !== current)
    throw new ServiceError(
      "VersionConflictException",
      `The version for ${what} ${name} does not match the expected version (current ${current}, expected ${expected}).`,
      {},
      409,
    );
}

export function alreadyExists(message: string, resourceId: string, resourceArn: string): ServiceError {
  return new ServiceError("ResourceAlreadyExistsException", message, { resourceId, resourceArn }, 409);
}

/** Lets the index, dynamic groups and jobs follow registry changes (events.ts). */
export function thingChanged(ctx: OperationContext, thingName: string): void {
  ctx.events.emit({ type: "thing.changed", scope: scopeKey(ctx), thingName });
}

export const toDate = (iso: string | undefined): Date | undefined => (iso ? new Date(iso) : undefined);

/** Deep equality of JSON-like values, keys in any order (idempotent re-creates). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
