/**
 * What devices run, from the reserved `$package` named shadow (PKG-7): one device's packages with
 * version, attributes and when each was reported; and the devices of a type whose reported
 * version of a package differs from a wanted one, found through the fleet index (all pages,
 * the shadow read from each result instead of one GetThingShadow per device).
 */
import { ListThingTypesCommand, SearchIndexCommand } from "@aws-sdk/client-iot";
import { GetThingShadowCommand } from "@aws-sdk/client-iot-data-plane";
import { allPages } from "../../aws/parallel.js";
import type { AwsSession } from "../../aws/session.js";
import { PACKAGE_SHADOW } from "../provision/devices.js";
import { ifFound } from "./catalog.js";

export interface ReportedPackage {
  name: string;
  version?: string;
  attributes: Record<string, string>;
  /** When the version was last reported (the shadow's metadata timestamp). */
  reportedAt?: Date;
}

export interface DeviceVersions {
  thingName: string;
  /** False when the device has no `$package` shadow at all. */
  found: boolean;
  shadowVersion?: number;
  /**
   * When the shadow was read (its `timestamp`). AWS keeps no metadata for `$package` (PKG-SHD-1),
   * so a package's own report time is known only where a target keeps it.
   */
  readAt?: Date;
  packages: ReportedPackage[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const stringsOf = (v: unknown): Record<string, string> =>
  isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])) : {};

/** The newest metadata timestamp (epoch seconds) anywhere under one reported entry. */
function newestTimestamp(meta: unknown): number | undefined {
  if (!isObject(meta)) return undefined;
  let newest = typeof meta.timestamp === "number" ? meta.timestamp : undefined;
  for (const [k, v] of Object.entries(meta)) {
    if (k === "timestamp") continue;
    const t = newestTimestamp(v);
    if (t !== undefined && (newest === undefined || t > newest)) newest = t;
  }
  return newest;
}

/** The entries of a `$package` document's reported section (a null entry is a removed package). */
export function reportedPackages(doc: Json): ReportedPackage[] {
  const state = isObject(doc.state) ? doc.state : {};
  const reported = isObject(state.reported) ? state.reported : {};
  const metadata = isObject(doc.metadata) && isObject(doc.metadata.reported) ? doc.metadata.reported : {};
  return Object.entries(reported)
    .filter(([, entry]) => isObject(entry))
    .map(([name, entry]) => {
      const e = entry as Json;
      const at = newestTimestamp(metadata[name]);
      return {
        name,
        version: typeof e.version === "string" ? e.version : undefined,
        attributes: stringsOf(e.attributes),
        ...(at !== undefined ? { reportedAt: new Date(at * 1000) } : {}),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function deviceVersions(session: AwsSession, thingName: string): Promise<DeviceVersions> {
  const data = await session.clients.iotData();
  const out = await ifFound(() =>
    data.send(new GetThingShadowCommand({ thingName, shadowName: PACKAGE_SHADOW })),
  );
  if (!out?.payload) return { thingName, found: false, packages: [] };
  const doc = JSON.parse(new TextDecoder().decode(out.payload)) as Json;
  return {
    thingName,
    found: true,
    shadowVersion: typeof doc.version === "number" ? doc.version : undefined,
    ...(typeof doc.timestamp === "number" ? { readAt: new Date(doc.timestamp * 1000) } : {}),
    packages: reportedPackages(doc),
  };
}

export interface RevertTarget {
  thingName: string;
  /** The version the device reports now (undefined: it reports none for this package). */
  current?: string;
  attributes: Record<string, string>;
}

/** A fleet-index term value: quoted when it holds anything but plain word characters. */
const term = (value: string) => (/^[A-Za-z0-9_.-]+$/.test(value) ? value : `"${value.replace(/"/g, '\\"')}"`);

/**
 * Devices of the type that report some version of the package, and not this one (features.md 9.3);
 * with a prefix, only things named with it (the tour's own fleet).
 */
export function revertQuery(
  thingType: string,
  packageName: string,
  version: string,
  prefix?: string,
): string {
  const field = `shadow.name.${PACKAGE_SHADOW}.reported.${packageName}.version`;
  const named = prefix ? `thingName:${prefix}* AND ` : "";
  return `${named}thingTypeName:${term(thingType)} AND ${field}:* AND NOT ${field}:${term(version)}`;
}

/** The `$package` entry of one package in a SearchIndex result's shadow text. */
function indexedEntry(shadow: string | undefined, packageName: string): Json | undefined {
  if (!shadow) return undefined;
  const doc = JSON.parse(shadow) as Json;
  const named = isObject(doc.name) ? doc.name : {};
  const pkg = named[PACKAGE_SHADOW];
  const reported = isObject(pkg) && isObject(pkg.reported) ? pkg.reported : {};
  const entry = reported[packageName];
  return isObject(entry) ? entry : undefined;
}

/** Every device of `thingType` whose reported `packageName` version is not `version`, by name. */
export async function devicesToRevert(
  session: AwsSession,
  thingType: string,
  packageName: string,
  version: string,
  prefix?: string,
): Promise<RevertTarget[]> {
  const queryString = revertQuery(thingType, packageName, version, prefix);
  const things = await allPages(
    (nextToken) =>
      session.clients.iot.send(new SearchIndexCommand({ queryString, nextToken, maxResults: 100 })),
    (p) => p.things,
    (p) => p.nextToken,
  );
  return things.map((t) => {
    const entry = indexedEntry(t.shadow, packageName);
    return {
      thingName: t.thingName ?? "",
      current: typeof entry?.version === "string" ? entry.version : undefined,
      attributes: stringsOf(entry?.attributes),
    };
  });
}

/** The account's thing types, all pages (what a revert can be about). */
export async function thingTypeNames(session: AwsSession): Promise<string[]> {
  const types = await allPages(
    (nextToken) => session.clients.iot.send(new ListThingTypesCommand({ maxResults: 250, nextToken })),
    (p) => p.thingTypes,
    (p) => p.nextToken,
  );
  return types.map((x) => x.thingTypeName ?? "").filter((n) => n !== "");
}
