/**
 * A generated fleet with known contents for the query corpus and the aggregation tests, and an
 * independent reading of it: the values each query field has for each thing, written from the
 * rules of aws-semantics.md (IDX-5, IDX-6, Q-1), not from the sandbox's code.
 */
import {
  AddThingToThingGroupCommand,
  CreateThingCommand,
  CreateThingGroupCommand,
  CreateThingTypeCommand,
  type IoTClient,
  UpdateIndexingConfigurationCommand,
  UpdateThingCommand,
} from "@aws-sdk/client-iot";
import type { IoTDataPlaneClient } from "@aws-sdk/client-iot-data-plane";
import { updateShadow } from "./iot-index-helpers.js";

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };
export type Scalar = string | number | boolean;

export interface ShadowModel {
  reported?: JsonObject;
  desired?: JsonObject;
  /** Number of accepted updates (SHD-4 versions). */
  version: number;
}

export interface FleetThing {
  name: string;
  id: string;
  type?: string;
  attrs: Record<string, string>;
  groups: string[];
  version: number;
  classic?: ShadowModel;
  /** `$package` (indexed). */
  pkg?: ShadowModel;
  /** `config` (indexed). */
  config?: ShadowModel;
  /** `private` (not in the filter, never indexed). */
  secret?: ShadowModel;
}

export const TYPES = ["SedanVehicle", "SUVVehicle", "TruckVehicle"];
export const STATIC_GROUPS: Array<[string, string?]> = [
  ["US_Fleet"],
  ["CA_Fleet"],
  ["MX_Fleet"],
  ["BR_Fleet"],
  ["US_West", "US_Fleet"],
  ["Beta-Testers"],
];
const COUNTRIES = ["US", "CA", "MX", "BR"];
const SCORES = ["75", "80.5", "-3", "100", "7", "1e2", "n/a", "075"];
const FIRMWARE = ["1.0.0", "1.1.0", "2.0.0-beta"];

/** The fleet, deterministic: 48 generated things and 3 hand-made ones. */
export function fleetModel(prefix: string): FleetThing[] {
  const fleet: FleetThing[] = [];
  for (let i = 0; i < 48; i++) {
    const type = i % 4 === 3 ? undefined : TYPES[i % 4];
    const country = COUNTRIES[(i >> 1) % 4];
    const attrs: Record<string, string> = { country, score: SCORES[i % 8] };
    if (type) attrs.serial = `SN-${String((i * 37) % 100).padStart(2, "0")}`;
    const groups: string[] = [];
    if (i % 3 !== 0) groups.push(`${country}_Fleet`);
    else if (country === "US") groups.push("US_West");
    if (i % 5 === 0) groups.push("Beta-Testers");
    const t: FleetThing = {
      name: `${prefix}veh-${String(i).padStart(3, "0")}`,
      id: "",
      type,
      attrs,
      groups,
      version: i % 5 === 2 ? 2 : 1,
    };
    if (i % 6 !== 5) {
      const reported: JsonObject = {
        temp: ((i * 7) % 50) - 15 + (i % 2 ? 0.5 : 0),
        firmware: FIRMWARE[i % 3],
        online: i % 2 === 0,
        mode: i % 3 === 0 ? "ECO" : "Sport",
      };
      if (i % 7 !== 3) reported.batteryStatus = (i * 13) % 101;
      if (i % 4 === 0) reported.tags = ["alpha", "beta"];
      if (i % 4 === 1) reported.tags = ["beta"];
      if (i % 5 === 0) reported.location = { city: "Main Street", zip: "75001" };
      if (i % 5 === 1) reported.location = { city: "Paris", zip: "75002" };
      if (i % 6 === 0) reported.readings = [{ x: 1 }, { x: 2 }];
      t.classic = { reported, version: 1 };
      if (i % 4 === 2) t.classic = { reported, desired: { batteryStatus: 100, mode: "ECO" }, version: 1 };
    }
    if (type && i % 8 !== 7)
      t.pkg = { reported: { [type]: { version: i % 3 === 0 ? "1.1.0" : "1.0.0" } }, version: 1 };
    if (i % 3 === 1) t.config = { reported: { interval: i % 2 ? 30 : 60, enabled: i % 4 === 1 }, version: 1 };
    if (i % 4 === 0) t.secret = { reported: { secret: "hidden" }, version: 1 };
    fleet.push(t);
  }
  fleet.push({
    name: `${prefix}Truck-ABC`,
    id: "",
    type: "TruckVehicle",
    attrs: { country: "us", serial: "abcd", score: "80" },
    groups: ["US_Fleet"],
    version: 1,
    classic: { reported: { batteryStatus: 50, firmware: "1.1.0", online: true, mode: "eco" }, version: 2 },
    pkg: { reported: { TruckVehicle: { version: "1.1.0" } }, version: 1 },
  });
  fleet.push({
    name: `${prefix}alpha:beta`,
    id: "",
    attrs: { country: "CA", "lot:nr": "5", ref: "arn:x" },
    groups: [],
    version: 1,
    classic: { reported: { batteryStatus: 0, temp: -20.5, note: "hello world" }, version: 1 },
  });
  fleet.push({
    name: `${prefix}x_1`,
    id: "",
    type: "SedanVehicle",
    attrs: { country: "MX", serial: "abce", "part#no": "x@y" },
    groups: ["MX_Fleet", "Beta-Testers"],
    version: 1,
  });
  return fleet;
}

/** Creates the fleet (and its types and groups, named with `prefix`) through the API. */
export async function createFleet(
  iot: IoTClient,
  data: IoTDataPlaneClient,
  fleet: FleetThing[],
  prefix: string,
): Promise<void> {
  await iot.send(
    new UpdateIndexingConfigurationCommand({
      thingIndexingConfiguration: {
        thingIndexingMode: "REGISTRY_AND_SHADOW",
        thingConnectivityIndexingMode: "STATUS",
        namedShadowIndexingMode: "ON",
        filter: { namedShadowNames: ["$package", "config"] },
        customFields: [
          { name: "attributes.score", type: "Number" },
          { name: "attributes.country", type: "String" },
          { name: "shadow.reported.batteryStatus", type: "Number" },
          { name: "shadow.reported.temp", type: "Number" },
          { name: "shadow.reported.online", type: "Boolean" },
          { name: "shadow.name.$package.reported.SedanVehicle.version", type: "String" },
        ],
      },
      thingGroupIndexingConfiguration: { thingGroupIndexingMode: "ON" },
    }),
  );
  for (const type of TYPES)
    await iot.send(new CreateThingTypeCommand({ thingTypeName: `${prefix}${type}` })).catch(() => undefined);
  for (const [group, parent] of STATIC_GROUPS)
    await iot.send(
      new CreateThingGroupCommand({
        thingGroupName: `${prefix}${group}`,
        parentGroupName: parent ? `${prefix}${parent}` : undefined,
        thingGroupProperties: {
          thingGroupDescription: `Group ${group}`,
          attributePayload: { attributes: { kind: "fleet" } },
        },
      }),
    );
  for (const t of fleet) {
    const out = await iot.send(
      new CreateThingCommand({
        thingName: t.name,
        thingTypeName: t.type ? `${prefix}${t.type}` : undefined,
        attributePayload: { attributes: t.attrs },
      }),
    );
    t.id = out.thingId as string;
    if (t.type) t.type = `${prefix}${t.type}`;
    t.groups = t.groups.map((g) => `${prefix}${g}`);
    for (const g of t.groups)
      await iot.send(new AddThingToThingGroupCommand({ thingGroupName: g, thingName: t.name }));
    if (t.version === 2)
      await iot.send(
        new UpdateThingCommand({ thingName: t.name, attributePayload: { attributes: t.attrs } }),
      );
    if (t.classic) {
      const { reported, desired, version } = t.classic;
      if (version === 2) {
        await updateShadow(data, t.name, { reported: { batteryStatus: 1 } });
      }
      await updateShadow(data, t.name, desired ? { reported, desired } : { reported });
    }
    if (t.pkg) {
      // The model's type keys carry no prefix; the $package entries are keyed by the real type names.
      const reported = Object.fromEntries(
        Object.entries(t.pkg.reported ?? {}).map(([k, v]) => [`${prefix}${k}`, v]),
      );
      t.pkg = { ...t.pkg, reported };
      await updateShadow(data, t.name, { reported }, "$package");
    }
    if (t.config) await updateShadow(data, t.name, { reported: t.config.reported }, "config");
    if (t.secret) await updateShadow(data, t.name, { reported: t.secret.reported }, "private");
  }
  // IDX-5: the shadow of a name that is not a registered thing is never indexed.
  await updateShadow(data, `${prefix}ghost-1`, { reported: { batteryStatus: 77, firmware: "1.0.0" } });
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** SHD-7: desired keys whose value differs from reported, nested objects compared key by key. */
function delta(desired: JsonObject | undefined, reported: JsonObject | undefined): JsonObject | undefined {
  if (!desired) return undefined;
  const out: JsonObject = {};
  for (const [k, want] of Object.entries(desired)) {
    const got = reported?.[k];
    if (isObject(want) && isObject(got)) {
      const sub = delta(want, got);
      if (sub) out[k] = sub;
    } else if (JSON.stringify(want) !== JSON.stringify(got)) out[k] = want;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** IDX-6: leaves by dotted path; arrays of scalars multi-valued, arrays holding objects skipped. */
function flatten(prefix: string, v: Json | undefined, out: Map<string, Scalar[]>): void {
  if (v === undefined || v === null) return;
  if (Array.isArray(v)) {
    if (v.some((x) => typeof x === "object" && x !== null)) return;
    for (const x of v) if (x !== null) flatten(prefix, x, out);
    return;
  }
  if (typeof v === "object") {
    for (const [k, x] of Object.entries(v)) flatten(`${prefix}.${k}`, x, out);
    return;
  }
  out.set(prefix, [...(out.get(prefix) ?? []), v]);
}

function shadowFields(prefix: string, s: ShadowModel | undefined, out: Map<string, Scalar[]>): void {
  if (!s) return;
  flatten(`${prefix}.reported`, s.reported, out);
  flatten(`${prefix}.desired`, s.desired, out);
  const d = delta(s.desired, s.reported);
  flatten(`${prefix}.delta`, d, out);
  out.set(`${prefix}.hasDelta`, [d !== undefined]);
  out.set(`${prefix}.version`, [s.version]);
}

/** Every query field of a thing with its values (metadata timestamps excepted). */
export function fieldsOf(t: FleetThing): Map<string, Scalar[]> {
  const out = new Map<string, Scalar[]>();
  out.set("thingName", [t.name]);
  out.set("thingId", [t.id]);
  if (t.type) out.set("thingTypeName", [t.type]);
  if (t.groups.length > 0) out.set("thingGroupNames", [...t.groups]);
  out.set("registry.version", [t.version]);
  // Connectivity is indexed (STATUS) and no fleet thing ever connects: offline (IDX-5).
  out.set("connectivity.connected", [false]);
  for (const [k, v] of Object.entries(t.attrs)) out.set(`attributes.${k}`, [v]);
  shadowFields("shadow", t.classic, out);
  shadowFields("shadow.name.$package", t.pkg, out);
  shadowFields("shadow.name.config", t.config, out);
  return out;
}

export const valuesOf = (t: FleetThing, field: string): Scalar[] => fieldsOf(t).get(field) ?? [];

/** The leaf paths of a shadow's reported and desired sections (for metadata timestamp fields). */
export function metadataPaths(t: FleetThing): string[] {
  const out = new Map<string, Scalar[]>();
  const s = t.classic;
  if (!s) return [];
  flattenMetadata("shadow.metadata.reported", s.reported, out);
  flattenMetadata("shadow.metadata.desired", s.desired, out);
  return [...out.keys()];
}

function flattenMetadata(prefix: string, v: Json | undefined, out: Map<string, Scalar[]>): void {
  if (!isObject(v)) return;
  for (const [k, x] of Object.entries(v)) {
    if (isObject(x)) flattenMetadata(`${prefix}.${k}`, x, out);
    else if (!Array.isArray(x)) out.set(`${prefix}.${k}.timestamp`, [0]);
    // arrays' metadata are arrays of objects: never indexed (IDX-6)
  }
}
