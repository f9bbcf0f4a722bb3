/**
 * The workshop's tags (features.md 2.6): every taggable resource iotdm creates carries them,
 * so cleanup can recognise its resources first by tag.
 */
export const WORKSHOP_TAG_KEY = "workshop";
export const WORKSHOP_TAG_VALUE = "learning-aws-iot-dm-basics";

export type CreatedBy =
  | "provision-script"
  | "create-job-script"
  | "manage-packages"
  | "manage-dynamic-groups"
  | "manage-commands"
  | "manage-bulk-provisioning"
  | "device-simulator";

export interface Tag {
  Key: string;
  Value: string;
}

/** `creation-date`: UTC ISO-8601 with microseconds and Z, as the reference writes it. */
export function workshopTags(createdBy: CreatedBy, now = new Date()): Tag[] {
  const iso = now.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
  return [
    { Key: WORKSHOP_TAG_KEY, Value: WORKSHOP_TAG_VALUE },
    { Key: "created-by", Value: createdBy },
    { Key: "creation-date", Value: iso },
  ];
}

export function isWorkshopTagSet(tags: ReadonlyArray<{ Key?: string; Value?: string }> | undefined): boolean {
  return (tags ?? []).some((t) => t.Key === WORKSHOP_TAG_KEY && t.Value === WORKSHOP_TAG_VALUE);
}
