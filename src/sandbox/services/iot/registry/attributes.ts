/** Registry attributes of things and thing groups: limits (THG-2, GRP-1) and updates (THG-3). */
import type { AttributePayload } from "@aws-sdk/client-iot";
import { copyRecord, newRecord } from "../../../records.js";
import { invalidRequest } from "../common.js";

/** THG-2: 3 attributes without a thing type, 50 with one. */
export const MAX_THING_ATTRIBUTES_UNTYPED = 3;
export const MAX_THING_ATTRIBUTES_TYPED = 50;
/** GRP-1 */
export const MAX_GROUP_ATTRIBUTES = 50;

export function checkThingAttributeCount(attributes: Record<string, string>, hasType: boolean): void {
  const max = hasType ? MAX_THING_ATTRIBUTES_TYPED : MAX_THING_ATTRIBUTES_UNTYPED;
  const n = Object.keys(attributes).length;
  if (n > max)
    throw invalidRequest(
      hasType
        ? `A thing with a thing type can have at most ${max} attributes (got ${n}).`
        : `A thing without a thing type can have at most ${max} attributes (got ${n}).`,
    );
}

export function checkGroupAttributeCount(attributes: Record<string, string>): void {
  const n = Object.keys(attributes).length;
  if (n > MAX_GROUP_ATTRIBUTES)
    throw invalidRequest(`A thing group can have at most ${MAX_GROUP_ATTRIBUTES} attributes (got ${n}).`);
}

/**
 * THG-3: with `merge=true` the given attributes are merged in and an empty value removes the
 * attribute; without merge the given map replaces the stored one (empty values still mean
 * "absent"). No attributes given leaves the map unchanged.
 */
export function applyAttributePayload(
  current: Record<string, string>,
  payload: AttributePayload | undefined,
): Record<string, string> {
  if (!payload?.attributes) return current;
  const next = payload.merge ? copyRecord(current) : newRecord<string>();
  for (const [k, v] of Object.entries(payload.attributes)) {
    if (v === "") delete next[k];
    else next[k] = v;
  }
  return next;
}
