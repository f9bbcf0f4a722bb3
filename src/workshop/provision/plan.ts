/**
 * The provisioning plan: what the user chose (flags, prompts or defaults), validated once
 * here so that prompts and flags refuse the same values with the same messages.
 */
import type { Parsed } from "../../io/input.js";
import {
  DEFAULT_THING_TYPES,
  DEFAULT_THINGS_PREFIX,
  DEFAULT_VERSIONS,
  prefixProblem,
  thingName,
} from "../naming.js";
import { type Continent, DEFAULT_CONTINENT, findContinent } from "./countries.js";

export interface ProvisionPlan {
  thingTypes: string[];
  /** The first version is every device's initial `$package` version. */
  versions: string[];
  continent: Continent;
  countries: string[];
  count: number;
  prefix: string;
}

export const DEFAULT_COUNT = 100;
/** A sanity bound against typos (no 999 limit: names widen instead, Q-08). */
export const MAX_COUNT = 1_000_000;

/** Thing type and package names share these characters (packages accept no colon). */
const TYPE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const VERSION_NAME = /^\d+(\.\d+)*$/;
const MAX_VERSION_LENGTH = 64;

function splitList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    ),
  ];
}

export function parseThingTypes(value: string): Parsed<string[]> {
  const types = splitList(value);
  if (types.length === 0) return { problem: { key: "provision.input.typesEmpty" } };
  const bad = types.find((t) => !TYPE_NAME.test(t));
  if (bad) return { problem: { key: "provision.input.typeInvalid", vars: { name: bad } } };
  return { value: types };
}

export function parseVersions(value: string): Parsed<string[]> {
  const versions = splitList(value);
  if (versions.length === 0) return { problem: { key: "provision.input.versionsEmpty" } };
  const bad = versions.find((v) => !VERSION_NAME.test(v) || v.length > MAX_VERSION_LENGTH);
  if (bad) return { problem: { key: "provision.input.versionInvalid", vars: { version: bad } } };
  return { value: versions };
}

export function parseContinent(value: string): Parsed<Continent> {
  const continent = findContinent(value);
  return continent ? { value: continent } : { problem: { key: "provision.input.continentInvalid" } };
}

/** The first k countries ("3"), or explicit codes of this continent ("US,CA" or "mx"). */
export function parseCountries(value: string, continent: Continent): Parsed<string[]> {
  const v = value.trim();
  const n = continent.countries.length;
  if (/^\d+$/.test(v)) {
    const k = Number(v);
    if (k < 1 || k > n)
      return {
        problem: { key: "provision.input.countriesRange", vars: { max: n, continent: continent.name } },
      };
    return { value: continent.countries.slice(0, k) };
  }
  const codes = splitList(v.toUpperCase());
  if (codes.length === 0) return { problem: { key: "provision.input.countriesEmpty" } };
  const unknown = codes.filter((c) => !continent.countries.includes(c));
  if (unknown.length > 0)
    return {
      problem: {
        key: "provision.input.countriesUnknown",
        vars: {
          codes: unknown.join(", "),
          continent: continent.name,
          available: continent.countries.join(", "),
        },
      },
    };
  return { value: codes };
}

export function defaultCountries(continent: Continent): string {
  return String(Math.min(continent.defaultCountries, continent.countries.length));
}

export function parseCount(value: string): Parsed<number> {
  const v = value.trim();
  if (!/^\d+$/.test(v)) return { problem: { key: "provision.input.countInvalid" } };
  const n = Number(v);
  if (n < 1) return { problem: { key: "provision.input.countInvalid" } };
  if (n > MAX_COUNT) return { problem: { key: "provision.input.countTooLarge", vars: { max: MAX_COUNT } } };
  return { value: n };
}

export function parsePrefix(value: string): Parsed<string> {
  const problem = prefixProblem(value);
  if (problem === "empty") return { problem: { key: "provision.prefix.empty" } };
  if (problem === "tooLong") return { problem: { key: "provision.prefix.tooLong", vars: { prefix: value } } };
  if (problem === "characters")
    return { problem: { key: "provision.prefix.characters", vars: { prefix: value } } };
  return { value };
}

export const PLAN_DEFAULTS = {
  thingTypes: DEFAULT_THING_TYPES.join(","),
  versions: DEFAULT_VERSIONS.join(","),
  continent: String(DEFAULT_CONTINENT.number),
  count: String(DEFAULT_COUNT),
  prefix: DEFAULT_THINGS_PREFIX,
};

/** The plan of every default choice, with this many devices and this prefix (the tour's). */
export function defaultPlan(count: number, prefix: string): ProvisionPlan {
  const continent = findContinent(PLAN_DEFAULTS.continent) ?? DEFAULT_CONTINENT;
  const chosen = (parsed: Parsed<string[]>) => ("value" in parsed ? parsed.value : []);
  return {
    thingTypes: chosen(parseThingTypes(PLAN_DEFAULTS.thingTypes)),
    versions: chosen(parseVersions(PLAN_DEFAULTS.versions)),
    continent,
    countries: chosen(parseCountries(defaultCountries(continent), continent)),
    count,
    prefix,
  };
}

/** One device of the plan: round robin over countries and thing types (features.md 4.5 step 9). */
export interface DeviceSpec {
  name: string;
  country: string;
  thingType: string;
}

export function deviceAt(plan: ProvisionPlan, index: number): DeviceSpec {
  return {
    name: thingName(plan.prefix, index + 1, plan.count),
    country: plan.countries[index % plan.countries.length],
    thingType: plan.thingTypes[index % plan.thingTypes.length],
  };
}
