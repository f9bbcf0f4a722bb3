/**
 * The answers `iotdm packages` needs, each from its flag, else a question (asked again when
 * wrong), else its default under --yes: names checked against what AWS accepts (PKG-1, PKG-2),
 * `k=v,...` lists for attributes and tags, a package or version picked from those that exist.
 */
import type { IoHost } from "../../io/host.js";
import type { MessageKey } from "../../io/i18n.js";
import { fromFlag, input, type Parsed } from "../../io/input.js";
import { listPackages, listVersions } from "../../workshop/packages/catalog.js";
import type { Tagger } from "../../workshop/provision/tagging.js";
import { hintCommand, type Session, type TargetFlags } from "../session.js";

export interface PackagesFlags extends TargetFlags {
  package?: string;
  packageVersion?: string;
  description?: string;
  tags?: string;
  file?: string;
  attributes?: string;
  draft?: boolean;
  thing?: string;
  thingType?: string;
  viaJob?: boolean;
}

/** PKG-1/PKG-2: package names 1-128, version names 1-64, of [a-zA-Z0-9-_.]. */
const CATALOG_NAME = /^[a-zA-Z0-9_.-]+$/;
const MAX_LENGTH = { package: 128, version: 64 } as const;

export const catalogName =
  (kind: keyof typeof MAX_LENGTH, key: MessageKey) =>
  (raw: string): Parsed<string> => {
    const name = raw.trim();
    return CATALOG_NAME.test(name) && name.length <= MAX_LENGTH[kind]
      ? { value: name }
      : { problem: { key, vars: { value: raw, max: MAX_LENGTH[kind] } } };
  };

/** `k=v,k2=v2` (empty: none); a key given twice or an item without `=` is refused. */
export function keyValues(raw: string): Parsed<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const item of raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")) {
    const at = item.indexOf("=");
    const key = at > 0 ? item.slice(0, at).trim() : "";
    if (key === "" || Object.hasOwn(out, key))
      return { problem: { key: "packages.input.badPairs", vars: { value: item } } };
    out[key] = item.slice(at + 1).trim();
  }
  return { value: out };
}

export const nonEmpty =
  (key: MessageKey) =>
  (raw: string): Parsed<string> =>
    raw.trim() === "" ? { problem: { key } } : { value: raw.trim() };

const parseName = (kind: keyof typeof MAX_LENGTH) =>
  catalogName(kind, kind === "package" ? "packages.input.badPackage" : "packages.input.badVersion");

/**
 * A catalog name: a new one typed (create, create-version), or an existing one picked from
 * `available` (given as a flag, AWS then says whether it exists).
 */
export function nameInput(
  host: IoHost,
  flag: string,
  given: string | undefined,
  kind: keyof typeof MAX_LENGTH,
  prompt: MessageKey,
  available?: readonly string[],
): Promise<string> {
  return input(host, {
    flag,
    given,
    parse: parseName(kind),
    prompt: { key: prompt },
    ...(available
      ? {
          default: given === undefined ? available[0] : undefined,
          choices: available.map((name) => ({ value: name, label: name })),
        }
      : {}),
  });
}

const text = (raw: string): Parsed<string> =>
  raw.length <= 1024 ? { value: raw.trim() } : { problem: { key: "packages.input.tooLong" } };

/** What every action receives: `menu` says whether optional inputs are asked for too. */
export interface PackagesRun {
  host: IoHost;
  session: Session;
  flags: PackagesFlags;
  menu: boolean;
  tagger: Tagger;
}

/**
 * An optional input (empty: none): from its flag; asked for only in the menu, so an action given
 * by flags runs as given, unattended.
 */
async function optionalInput<T>(
  run: PackagesRun,
  flag: string,
  given: string | undefined,
  parse: (raw: string) => Parsed<T>,
  prompt: MessageKey,
): Promise<T> {
  if (run.menu && given === undefined)
    return input(run.host, { flag, given, parse, prompt: { key: prompt }, default: "" });
  return fromFlag(flag, given ?? "", parse) as T;
}

export const optionalText = (run: PackagesRun, flag: string, given: string | undefined, prompt: MessageKey) =>
  optionalInput(run, flag, given, text, prompt);

export const optionalPairs = (
  run: PackagesRun,
  flag: string,
  given: string | undefined,
  prompt: MessageKey,
) => optionalInput(run, flag, given, keyValues, prompt);

/** The package to act on: --package, else one picked from the catalog; undefined when it is empty. */
export async function packageOf(run: PackagesRun): Promise<string | undefined> {
  const { host, session, flags } = run;
  const names =
    flags.package === undefined ? (await listPackages(session)).map((p) => p.name) : [flags.package];
  if (names.length === 0) {
    host.say("error", "packages.list.noneToPick", {
      command: hintCommand(session, ["packages", "create", "--package", "<name>"]),
    });
    host.fail();
    return undefined;
  }
  return nameInput(host, "--package", flags.package, "package", "packages.input.packagePrompt", names);
}

/** A version of `packageName`: --package-version, else one picked from its versions. */
export async function versionOf(run: PackagesRun, packageName: string): Promise<string | undefined> {
  const { host, session, flags } = run;
  const names =
    flags.packageVersion === undefined
      ? (await listVersions(session, packageName)).map((v) => v.version)
      : [flags.packageVersion];
  if (names.length === 0) {
    host.say("error", "packages.describe.noVersions");
    host.fail();
    return undefined;
  }
  return nameInput(
    host,
    "--package-version",
    flags.packageVersion,
    "version",
    "packages.input.versionPrompt",
    names,
  );
}
