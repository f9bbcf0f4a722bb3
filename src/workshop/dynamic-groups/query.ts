/**
 * The guided wizard's answers turned into a Fleet Indexing query and a default group name.
 * Battery bounds are inclusive, as Fleet Indexing ranges are: "below 30" is [* TO 30].
 */
export interface Criteria {
  countries: string[];
  thingTypes: string[];
  versions: string[];
  batteryBelow?: number;
  batteryAbove?: number;
}

export type CriteriaProblem = "none" | "versionsNeedType" | "batteryRange";

/** Thing group names: letters, digits, `_`, `-`, `:`; at most 128 characters. */
export const GROUP_NAME = /^[a-zA-Z0-9:_-]{1,128}$/;

export function splitList(raw: string | undefined, upper = false): string[] {
  return (raw ?? "")
    .split(",")
    .map((s) => (upper ? s.trim().toUpperCase() : s.trim()))
    .filter((s) => s.length > 0);
}

export function criteriaProblem(c: Criteria): CriteriaProblem | undefined {
  const battery = c.batteryBelow !== undefined || c.batteryAbove !== undefined;
  if (c.countries.length + c.thingTypes.length + c.versions.length === 0 && !battery) return "none";
  if (c.versions.length > 0 && c.thingTypes.length === 0) return "versionsNeedType";
  if (c.batteryBelow !== undefined && c.batteryAbove !== undefined && c.batteryAbove > c.batteryBelow)
    return "batteryRange";
  return undefined;
}

function anyOf(values: string[]): string {
  return values.length === 1 ? values[0] : `(${values.join(" OR ")})`;
}

export function buildQuery(c: Criteria): string {
  const parts: string[] = [];
  if (c.thingTypes.length > 0) parts.push(`thingTypeName:${anyOf(c.thingTypes)}`);
  if (c.countries.length > 0) parts.push(`attributes.country:${anyOf(c.countries)}`);
  if (c.versions.length > 0) {
    const perType = c.thingTypes.map(
      (t) => `shadow.name.$package.reported.${t}.version:${anyOf(c.versions)}`,
    );
    parts.push(perType.length === 1 ? perType[0] : `(${perType.join(" OR ")})`);
  }
  if (c.batteryBelow !== undefined || c.batteryAbove !== undefined)
    parts.push(`shadow.reported.batteryStatus:[${c.batteryAbove ?? "*"} TO ${c.batteryBelow ?? "*"}]`);
  return parts.join(" AND ");
}

/** E.g. `SedanVehicle_US_CA_1_1_0_batterylt30_Devices`, cut to a valid group name. */
export function defaultName(c: Criteria): string {
  const parts = [...c.thingTypes, ...c.countries, ...c.versions.map((v) => v.replace(/\./g, "_"))];
  if (c.batteryBelow !== undefined) parts.push(`batterylt${c.batteryBelow}`);
  if (c.batteryAbove !== undefined) parts.push(`batterygt${c.batteryAbove}`);
  parts.push("Devices");
  return parts
    .join("_")
    .replace(/[^a-zA-Z0-9:_-]/g, "")
    .slice(0, 128);
}
