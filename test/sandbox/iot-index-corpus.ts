/**
 * The query corpus: every construct of the query language (aws-semantics.md §4.3) paired with
 * the set of fleet things it must return, written as a plain predicate over the fleet model.
 * Value rules restated here from the spec: strings compare case-insensitively as whole values
 * numbers by value, registry attributes that are JSON numbers also as numbers (IDX-6);
 * wildcards match text only; ranges compare numerically when the value is a number and every
 * bound is one, otherwise lower-cased texts lexicographically, never booleans.
 */
import { type FleetThing, fieldsOf, metadataPaths, type Scalar, valuesOf } from "./iot-index-fleet.js";

export type Predicate = (t: FleetThing) => boolean;

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const QUERY_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const isAttr = (field: string) => field.startsWith("attributes.");

const strings = (t: FleetThing, f: string) =>
  valuesOf(t, f).filter((v): v is string => typeof v === "string");
/** Numbers of a field, attribute strings that are JSON numbers included. */
function numbers(t: FleetThing, f: string): number[] {
  const out = valuesOf(t, f).filter((v): v is number => typeof v === "number");
  if (isAttr(f)) for (const s of strings(t, f)) if (JSON_NUMBER.test(s)) out.push(Number(s));
  return out;
}
const eqi = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Term semantics for one value. */
function termMatches(v: Scalar, field: string, term: string): boolean {
  if (typeof v === "boolean") return eqi(String(v), term);
  if (typeof v === "number") return QUERY_NUMBER.test(term) && Number(term) === v;
  if (eqi(v, term)) return true;
  return isAttr(field) && JSON_NUMBER.test(v) && QUERY_NUMBER.test(term) && Number(term) === Number(v);
}

const term =
  (f: string, x: string): Predicate =>
  (t) =>
    valuesOf(t, f).some((v) => termMatches(v, f, x));
const exists =
  (f: string): Predicate =>
  (t) =>
    [...fieldsOf(t).keys(), ...metadataPaths(t)].some((k) => k === f || k.startsWith(`${f}.`));
const nums =
  (f: string, p: (n: number) => boolean): Predicate =>
  (t) =>
    numbers(t, f).some(p);

function globToRegExp(pattern: string): RegExp {
  const body = [...pattern].map((c) =>
    c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\-]/g, "\\$&"),
  );
  return new RegExp(`^${body.join("")}$`, "is");
}
const wild =
  (f: string, pattern: string): Predicate =>
  (t) =>
    strings(t, f).some((s) => globToRegExp(pattern).test(s));

interface Bounds {
  lo?: string;
  hi?: string;
  loIn?: boolean;
  hiIn?: boolean;
  quoted?: boolean;
}

function inRange(v: Scalar, field: string, b: Bounds): boolean {
  if (typeof v === "boolean") return false;
  const given = [b.lo, b.hi].filter((x): x is string => x !== undefined);
  const numericBounds = !b.quoted && given.every((x) => QUERY_NUMBER.test(x));
  const asNumber = typeof v === "number" ? v : isAttr(field) && JSON_NUMBER.test(v) ? Number(v) : undefined;
  const loIn = b.loIn ?? true;
  const hiIn = b.hiIn ?? true;
  if (numericBounds && asNumber !== undefined) {
    const lo = b.lo === undefined ? undefined : Number(b.lo);
    const hi = b.hi === undefined ? undefined : Number(b.hi);
    return (
      (lo === undefined || (loIn ? asNumber >= lo : asNumber > lo)) &&
      (hi === undefined || (hiIn ? asNumber <= hi : asNumber < hi))
    );
  }
  const s = String(v).toLowerCase();
  const lo = b.lo?.toLowerCase();
  const hi = b.hi?.toLowerCase();
  return (lo === undefined || (loIn ? s >= lo : s > lo)) && (hi === undefined || (hiIn ? s <= hi : s < hi));
}
const range =
  (f: string, b: Bounds): Predicate =>
  (t) =>
    valuesOf(t, f).some((v) => inRange(v, f, b));

/** a value in any indexed field. */
const anywhere =
  (p: (v: Scalar, field: string) => boolean): Predicate =>
  (t) =>
    [...fieldsOf(t)].some(([field, vs]) => vs.some((v) => p(v, field)));

const and =
  (...ps: Predicate[]): Predicate =>
  (t) =>
    ps.every((p) => p(t));
const or =
  (...ps: Predicate[]): Predicate =>
  (t) =>
    ps.some((p) => p(t));
const not =
  (p: Predicate): Predicate =>
  (t) =>
    !p(t);
const none: Predicate = () => false;
const all: Predicate = () => true;
const named =
  (n: string): Predicate =>
  (t) =>
    t.name === n;

export function corpus(fleet: FleetThing[]): Array<[string, Predicate]> {
  const byName = (n: string) => fleet.find((t) => t.name === n) as FleetThing;
  const id10 = byName("veh-010").id;
  const pkg = (type: string) => `shadow.name.$package.reported.${type}.version`;
  const type = (x: string) => term("thingTypeName", x);
  const country = (x: string) => term("attributes.country", x);
  const battery = "shadow.reported.batteryStatus";
  return [
    // Registry fields
    ["thingName:veh-007", named("veh-007")],
    ["thingName:VEH-007", named("veh-007")],
    ["thingName:Truck-ABC", named("Truck-ABC")],
    ["thingName:truck-abc", named("Truck-ABC")],
    ["thingName:veh", none],
    ["thingName:alpha\\:beta", named("alpha:beta")],
    ['thingName:"alpha:beta"', named("alpha:beta")],
    ["thingName:x_1", named("x_1")],
    [`thingId:${id10}`, named("veh-010")],
    [`thingId:${id10.toUpperCase()}`, named("veh-010")],
    ["thingTypeName:SedanVehicle", type("SedanVehicle")],
    ["thingTypeName:sedanvehicle", type("SedanVehicle")],
    ["thingTypeName:TruckVehicle", type("TruckVehicle")],
    ["thingTypeName:*", exists("thingTypeName")],
    ["NOT thingTypeName:*", not(exists("thingTypeName"))],
    ["registry.thingTypeName:SUVVehicle", type("SUVVehicle")],
    ["thingGroupNames:US_Fleet", term("thingGroupNames", "US_Fleet")],
    ["thingGroupNames:US_West", term("thingGroupNames", "US_West")],
    ["thingGroupNames:Beta-Testers", term("thingGroupNames", "Beta-Testers")],
    ["thingGroupNames:beta-testers", term("thingGroupNames", "Beta-Testers")],
    ["thingGroupNames:US_*", wild("thingGroupNames", "US_*")],
    ["thingGroupNames:*_Fleet", wild("thingGroupNames", "*_Fleet")],
    ["thingGroupNames:*", exists("thingGroupNames")],
    ["NOT thingGroupNames:*", not(exists("thingGroupNames"))],
    [
      "thingGroupNames:(CA_Fleet OR MX_Fleet)",
      or(term("thingGroupNames", "CA_Fleet"), term("thingGroupNames", "MX_Fleet")),
    ],
    [
      "thingGroupNames:MX_Fleet AND thingGroupNames:Beta-Testers",
      and(term("thingGroupNames", "MX_Fleet"), term("thingGroupNames", "Beta-Testers")),
    ],
    ["registry.version:2", nums("registry.version", (n) => n === 2)],
    ["registry.version>1", nums("registry.version", (n) => n > 1)],
    ["registry.version:[1 TO 1]", nums("registry.version", (n) => n === 1)],
    ["connectivity.connected:*", exists("connectivity.connected")],
    ["connectivity.connected:false", term("connectivity.connected", "false")],
    ["connectivity.connected:true", term("connectivity.connected", "true")],
    ["connectivity.timestamp:*", none],
    // Attributes, numeric twins (IDX-6)
    ["attributes.country:US", country("US")],
    ["attributes.country:us", country("US")],
    ["attributes.country:(US OR CA)", or(country("US"), country("CA"))],
    ["attributes.country:(US CA)", and(country("US"), country("CA"))],
    [
      "attributes.country:(BR OR MX) AND thingTypeName:SUVVehicle",
      and(or(country("BR"), country("MX")), type("SUVVehicle")),
    ],
    ["Attributes.country:US", none],
    ["attributes.Country:US", none],
    ["attributes.score:75", term("attributes.score", "75")],
    ["attributes.score:100", term("attributes.score", "100")],
    ["attributes.score:1e2", term("attributes.score", "1e2")],
    ["attributes.score:80.5", term("attributes.score", "80.5")],
    ["attributes.score:-3", term("attributes.score", "-3")],
    ["attributes.score:075", term("attributes.score", "075")],
    ["attributes.score>=75", range("attributes.score", { lo: "75" })],
    ["attributes.score:[0 TO 10]", range("attributes.score", { lo: "0", hi: "10" })],
    ["attributes.score<0", range("attributes.score", { hi: "0", hiIn: false })],
    [
      "attributes.score:{75 TO 100}",
      range("attributes.score", { lo: "75", hi: "100", loIn: false, hiIn: false }),
    ],
    ["attributes.score:*", exists("attributes.score")],
    ['attributes.score:"n/a"', term("attributes.score", "n/a")],
    ["attributes.score:n\\/a", term("attributes.score", "n/a")],
    ["attributes.serial:SN-0*", wild("attributes.serial", "SN-0*")],
    ["attributes.serial:sn-?7", wild("attributes.serial", "sn-?7")],
    [
      'attributes.serial:["abcd" TO "abcf"]',
      range("attributes.serial", { lo: "abcd", hi: "abcf", quoted: true }),
    ],
    ["attributes.serial:[abcd TO abce}", range("attributes.serial", { lo: "abcd", hi: "abce", hiIn: false })],
    ["attributes.serial:[SN-50 TO *]", range("attributes.serial", { lo: "SN-50" })],
    ["attributes.lot\\:nr:5", term("attributes.lot:nr", "5")],
    ["attributes.ref:arn\\:x", term("attributes.ref", "arn:x")],
    ['attributes.ref:"arn:x"', term("attributes.ref", "arn:x")],
    ["attributes.part\\#no:x\\@y", term("attributes.part#no", "x@y")],
    ["attributes.country:U?", wild("attributes.country", "U?")],
    ["attributes.country:?S", wild("attributes.country", "?S")],
    ["attributes.nothere:*", none],
    // Classic shadow (IDX-6, Q-3, Q-4)
    [`${battery}:[50 TO *]`, range(battery, { lo: "50" })],
    [`${battery}:[* TO 30]`, range(battery, { hi: "30" })],
    [`${battery}:{50 TO 80}`, range(battery, { lo: "50", hi: "80", loIn: false, hiIn: false })],
    [`${battery}:[50 TO 80}`, range(battery, { lo: "50", hi: "80", hiIn: false })],
    [`${battery}:{50 TO 80]`, range(battery, { lo: "50", hi: "80", loIn: false })],
    [`${battery}>50`, range(battery, { lo: "50", loIn: false })],
    [`${battery} >= 50`, range(battery, { lo: "50" })],
    [`${battery}<30`, range(battery, { hi: "30", hiIn: false })],
    [`${battery}<=0`, range(battery, { hi: "0" })],
    [`${battery}:0`, nums(battery, (n) => n === 0)],
    [`${battery}:50`, nums(battery, (n) => n === 50)],
    [`${battery}:50.0`, nums(battery, (n) => n === 50)],
    [`${battery}:77`, nums(battery, (n) => n === 77)],
    [`${battery}:*`, exists(battery)],
    [`NOT ${battery}:*`, not(exists(battery))],
    [`${battery}:5*`, none],
    ["shadow.reported.temp<0", range("shadow.reported.temp", { hi: "0", hiIn: false })],
    ["shadow.reported.temp:[-10 TO -1]", range("shadow.reported.temp", { lo: "-10", hi: "-1" })],
    ["shadow.reported.temp>=20.5", range("shadow.reported.temp", { lo: "20.5" })],
    ["shadow.reported.temp:-20.5", nums("shadow.reported.temp", (n) => n === -20.5)],
    ["shadow.reported.temp:{* TO -15]", range("shadow.reported.temp", { hi: "-15" })],
    ["shadow.reported.firmware:1.0.0", term("shadow.reported.firmware", "1.0.0")],
    ["shadow.reported.firmware:1.1*", wild("shadow.reported.firmware", "1.1*")],
    ["shadow.reported.firmware:2.0.0-beta", term("shadow.reported.firmware", "2.0.0-beta")],
    [
      "shadow.reported.firmware:[1.0.0 TO 1.1.0]",
      range("shadow.reported.firmware", { lo: "1.0.0", hi: "1.1.0" }),
    ],
    ["shadow.reported.firmware>1.0.0", range("shadow.reported.firmware", { lo: "1.0.0", loIn: false })],
    ["shadow.reported.online:true", term("shadow.reported.online", "true")],
    ["shadow.reported.online:FALSE", term("shadow.reported.online", "false")],
    ["shadow.reported.online:*", exists("shadow.reported.online")],
    ["shadow.reported.mode:eco", term("shadow.reported.mode", "eco")],
    [
      "shadow.reported.mode:(eco OR sport)",
      or(term("shadow.reported.mode", "eco"), term("shadow.reported.mode", "sport")),
    ],
    ["shadow.reported.tags:beta", term("shadow.reported.tags", "beta")],
    [
      "shadow.reported.tags:alpha AND shadow.reported.tags:beta",
      and(term("shadow.reported.tags", "alpha"), term("shadow.reported.tags", "beta")),
    ],
    ["shadow.reported.tags:gamma", none],
    ['shadow.reported.location.city:"Main Street"', term("shadow.reported.location.city", "Main Street")],
    ["shadow.reported.location.city:Main", none],
    ["shadow.reported.location.city:main*", wild("shadow.reported.location.city", "main*")],
    ["shadow.reported.location.city:Main\\ Street", term("shadow.reported.location.city", "Main Street")],
    ["shadow.reported.location.zip:75001", term("shadow.reported.location.zip", "75001")],
    [
      "shadow.reported.location.zip:[75000 TO 75001]",
      range("shadow.reported.location.zip", { lo: "75000", hi: "75001" }),
    ],
    ["shadow.reported.location:*", exists("shadow.reported.location")],
    ["shadow.reported.readings:*", none],
    ["shadow.reported.readings.x:1", none],
    ["shadow.desired.batteryStatus:100", nums("shadow.desired.batteryStatus", (n) => n === 100)],
    ["shadow.delta.batteryStatus:*", exists("shadow.delta.batteryStatus")],
    ["shadow.delta.mode:ECO", term("shadow.delta.mode", "ECO")],
    ["shadow.hasDelta:true", term("shadow.hasDelta", "true")],
    ["shadow.hasDelta:false", term("shadow.hasDelta", "false")],
    ["shadow.version:2", nums("shadow.version", (n) => n === 2)],
    [
      "shadow.version:1 AND thingTypeName:TruckVehicle",
      and(
        nums("shadow.version", (n) => n === 1),
        type("TruckVehicle"),
      ),
    ],
    [
      "shadow.metadata.reported.batteryStatus.timestamp:*",
      exists("shadow.metadata.reported.batteryStatus.timestamp"),
    ],
    [
      "shadow.metadata.reported.batteryStatus.timestamp>0",
      exists("shadow.metadata.reported.batteryStatus.timestamp"),
    ],
    ["shadow.metadata.desired.mode.timestamp:*", exists("shadow.metadata.desired.mode.timestamp")],
    ['shadow.reported.note:"hello world"', term("shadow.reported.note", "hello world")],
    ["shadow.reported.note:hello", none],
    ["shadow.reported.secret:*", none],
    // Named shadows (IDX-5, Q-1 `$` names)
    [`${pkg("SedanVehicle")}:1.1.0`, term(pkg("SedanVehicle"), "1.1.0")],
    ["shadow.name.\\$package.reported.SedanVehicle.version:1.1.0", term(pkg("SedanVehicle"), "1.1.0")],
    [`${pkg("SedanVehicle")}:*`, exists(pkg("SedanVehicle"))],
    [
      `${pkg("SUVVehicle")}:(1.0.0 OR 1.1.0)`,
      or(term(pkg("SUVVehicle"), "1.0.0"), term(pkg("SUVVehicle"), "1.1.0")),
    ],
    [
      `thingTypeName:SedanVehicle AND ${pkg("SedanVehicle")}:* AND NOT ${pkg("SedanVehicle")}:1.0.0`,
      and(type("SedanVehicle"), exists(pkg("SedanVehicle")), not(term(pkg("SedanVehicle"), "1.0.0"))),
    ],
    [
      `thingTypeName:TruckVehicle AND ${pkg("TruckVehicle")}:* AND NOT ${pkg("TruckVehicle")}:1.1.0`,
      and(type("TruckVehicle"), exists(pkg("TruckVehicle")), not(term(pkg("TruckVehicle"), "1.1.0"))),
    ],
    [
      `thingTypeName:SedanVehicle AND NOT ${pkg("SedanVehicle")}:*`,
      and(type("SedanVehicle"), not(exists(pkg("SedanVehicle")))),
    ],
    ["shadow.name.$package.version:1", nums("shadow.name.$package.version", (n) => n === 1)],
    ["shadow.name.$package.hasDelta:false", term("shadow.name.$package.hasDelta", "false")],
    [`${pkg("TruckVehicle")}:1.1*`, wild(pkg("TruckVehicle"), "1.1*")],
    [
      "shadow.name.config.reported.interval:30",
      nums("shadow.name.config.reported.interval", (n) => n === 30),
    ],
    ["shadow.name.config.reported.enabled:true", term("shadow.name.config.reported.enabled", "true")],
    ["shadow.name.config.reported.interval>=60", range("shadow.name.config.reported.interval", { lo: "60" })],
    ["shadow.name.config:*", exists("shadow.name.config")],
    ["shadow.name.private.reported.secret:hidden", none],
    // Terms without a field
    ["Paris", anywhere((v, f) => termMatches(v, f, "Paris"))],
    ['"Main Street"', anywhere((v, f) => termMatches(v, f, "Main Street"))],
    ["ECO", anywhere((v, f) => termMatches(v, f, "ECO"))],
    ["veh-010", anywhere((v, f) => termMatches(v, f, "veh-010"))],
    ["beta", anywhere((v, f) => termMatches(v, f, "beta"))],
    ["SedanVehicle", anywhere((v, f) => termMatches(v, f, "SedanVehicle"))],
    ["hidden", none],
    ["1.1.0", anywhere((v, f) => termMatches(v, f, "1.1.0"))],
    ["77", anywhere((v, f) => termMatches(v, f, "77"))],
    ["Truck*", anywhere((v) => typeof v === "string" && globToRegExp("Truck*").test(v))],
    ["*", all],
    ["NOT *", none],
    // Boolean logic, precedence, grouping
    ["thingTypeName:SedanVehicle OR thingTypeName:SUVVehicle", or(type("SedanVehicle"), type("SUVVehicle"))],
    [
      "thingTypeName:SedanVehicle thingGroupNames:US_Fleet",
      and(type("SedanVehicle"), term("thingGroupNames", "US_Fleet")),
    ],
    [
      "thingTypeName:SedanVehicle AND NOT attributes.country:US",
      and(type("SedanVehicle"), not(country("US"))),
    ],
    ["thingTypeName:SedanVehicle -attributes.country:US", and(type("SedanVehicle"), not(country("US")))],
    ["-thingTypeName:*", not(exists("thingTypeName"))],
    [
      "NOT thingTypeName:SedanVehicle AND NOT thingTypeName:SUVVehicle",
      and(not(type("SedanVehicle")), not(type("SUVVehicle"))),
    ],
    [
      "thingTypeName:SedanVehicle OR thingTypeName:SUVVehicle AND attributes.country:US",
      or(type("SedanVehicle"), and(type("SUVVehicle"), country("US"))),
    ],
    [
      "(thingTypeName:SedanVehicle OR thingTypeName:SUVVehicle) AND attributes.country:US",
      and(or(type("SedanVehicle"), type("SUVVehicle")), country("US")),
    ],
    ["NOT (attributes.country:US OR attributes.country:CA)", not(or(country("US"), country("CA")))],
    [
      `shadow.reported.online:true AND (${battery}<20 OR ${battery}>80)`,
      and(
        term("shadow.reported.online", "true"),
        or(range(battery, { hi: "20", hiIn: false }), range(battery, { lo: "80", loIn: false })),
      ),
    ],
    [
      "((thingGroupNames:US_Fleet OR thingGroupNames:US_West) AND NOT shadow.reported.mode:ECO) OR thingName:x_1",
      or(
        and(
          or(term("thingGroupNames", "US_Fleet"), term("thingGroupNames", "US_West")),
          not(term("shadow.reported.mode", "ECO")),
        ),
        named("x_1"),
      ),
    ],
    ["thingName:(veh-00* AND -veh-005)", and(wild("thingName", "veh-00*"), not(named("veh-005")))],
    [
      "thingName:(veh-01* -veh-010 -veh-011)",
      and(wild("thingName", "veh-01*"), not(named("veh-010")), not(named("veh-011"))),
    ],
    [
      "attributes.country:(US OR CA) AND NOT thingGroupNames:*",
      and(or(country("US"), country("CA")), not(exists("thingGroupNames"))),
    ],
    ["NOT NOT thingTypeName:TruckVehicle", type("TruckVehicle")],
    ["thingName:[veh-010 TO veh-019]", range("thingName", { lo: "veh-010", hi: "veh-019" })],
    [
      "thingName:{veh-010 TO veh-019}",
      range("thingName", { lo: "veh-010", hi: "veh-019", loIn: false, hiIn: false }),
    ],
    ["thingName>=veh-045", range("thingName", { lo: "veh-045" })],
    ["thingName<b", range("thingName", { hi: "b", hiIn: false })],
    // The workshop's own queries (manage_dynamic_groups.py, manage_packages.py)
    [
      `thingTypeName:SedanVehicle AND attributes.country:(US OR CA) AND ${battery}:[50 TO *]`,
      and(type("SedanVehicle"), or(country("US"), country("CA")), range(battery, { lo: "50" })),
    ],
    [
      `thingTypeName:SUVVehicle AND ${battery}:[* TO 30]`,
      and(type("SUVVehicle"), range(battery, { hi: "30" })),
    ],
    [
      `attributes.country:US AND thingTypeName:SedanVehicle AND ${pkg("SedanVehicle")}:1.1.0 AND ${battery}:[50 TO *]`,
      and(
        country("US"),
        type("SedanVehicle"),
        term(pkg("SedanVehicle"), "1.1.0"),
        range(battery, { lo: "50" }),
      ),
    ],
    ["thingTypeName:SedanVehicle AND attributes.country:US", and(type("SedanVehicle"), country("US"))],
    [`${battery}:50`, nums(battery, (n) => n === 50)],
    ["attributes.country:(US OR CA OR MX)", or(country("US"), country("CA"), country("MX"))],
  ];
}
