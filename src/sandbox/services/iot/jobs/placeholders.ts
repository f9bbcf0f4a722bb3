/**
 * Job document placeholders (JOB-2, JOB-3, JOB-25), a pure module: no storage, no clock. The
 * caller passes how to find a package version and, for devices only, how to presign an S3 URL.
 *
 * - `checkPlaceholders`: CreateJob's checks (400 InvalidRequestException with AWS's messages).
 * - `resolvePackagePlaceholders`: package attribute placeholders substituted, presigned-URL
 *   placeholders kept as written (GetJobDocument, JOB-13).
 * - `resolveDocument`: the same plus every presigned-URL placeholder replaced by
 *   `presign(...)` (what devices receive, JOB-25; the data plane supplies `presign`).
 */
import { s3Address } from "../../../protocol/s3-address.js";
import { invalidRequest } from "../common.js";

export interface PackageVersionView {
  versionName: string;
  attributes: Record<string, string>;
  artifact?: { s3Location?: { bucket?: string; key?: string; version?: string } };
}

/** A destination package version as written in CreateJob (`$default` / `$null` allowed). */
export interface DestinationRef {
  packageName: string;
  versionName: string;
}

export interface S3ObjectLocation {
  bucket: string;
  key: string;
  versionId?: string;
}

export interface PlaceholderContext {
  destinations: DestinationRef[];
  /** A package version by name; `$default` must be resolved by the lookup. */
  findVersion: (packageName: string, versionName: string) => PackageVersionView | undefined;
}

export type Placeholder =
  | { kind: "s3-presigned-url"; url: string }
  | { kind: "package-artifact"; packageName: string; versionName: string }
  | { kind: "package-attributes"; packageName: string; versionName: string }
  | { kind: "package-attribute"; packageName: string; versionName: string; key: string }
  /** `${...}` the service does not substitute (e.g. template parameters): left as written. */
  | { kind: "other" };

export interface Occurrence {
  /** Index of `$` and of the character after `}`. */
  start: number;
  end: number;
  placeholder: Placeholder;
}

const UNTERMINATED = "One or more parameters or placeholders are not terminated.";
const PRESIGN_ROLE =
  "presignedUrlConfig role ARN is required to generate an S3 presigned url in job document";
const PACKAGE = /^aws:iot:package:([^:]*):version:([^:]*):(.+)$/;

/** The bucket, key and version of an S3 object URL (path or virtual-host style), or undefined. */
export function parseS3Url(text: string): S3ObjectLocation | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (!/(^|\.)s3([.-][^.]+)*\.amazonaws\.com$/.test(url.hostname)) return undefined;
  const { bucket, key } = s3Address(url.pathname, url.host);
  if (!bucket || !key) return undefined;
  const versionId = url.searchParams.get("versionId") ?? undefined;
  return versionId ? { bucket, key, versionId } : { bucket, key };
}

function classify(body: string): Placeholder {
  if (body.startsWith("aws:iot:s3-presigned-url:"))
    return { kind: "s3-presigned-url", url: body.slice("aws:iot:s3-presigned-url:".length) };
  const m = PACKAGE.exec(body);
  if (!m) {
    if (body.startsWith("aws:iot:package:")) throw invalidRequest(`Invalid package placeholder \${${body}}.`);
    return { kind: "other" };
  }
  const [, packageName, versionName, rest] = m;
  if (rest === "artifact:s3-presigned-url" || rest === "artifact-location:s3-presigned-url")
    return { kind: "package-artifact", packageName, versionName };
  if (rest === "attributes") return { kind: "package-attributes", packageName, versionName };
  if (rest.startsWith("attributes:") && rest.length > "attributes:".length)
    return { kind: "package-attribute", packageName, versionName, key: rest.slice("attributes:".length) };
  throw invalidRequest(`Invalid package placeholder \${${body}}.`);
}

/** Every `${...}` of the document in order; an unterminated `${` → 400. */
export function scanPlaceholders(document: string): Occurrence[] {
  const out: Occurrence[] = [];
  for (let i = document.indexOf("${"); i >= 0; i = document.indexOf("${", i)) {
    const close = document.indexOf("}", i + 2);
    if (close < 0) throw invalidRequest(UNTERMINATED);
    out.push({ start: i, end: close + 1, placeholder: classify(document.slice(i + 2, close)) });
    i = close + 1;
  }
  return out;
}

type PackagePlaceholder = Extract<Placeholder, { packageName: string }>;

/** The destination a package placeholder refers to; the anonymous form needs exactly one (JOB-25). */
function destinationOf(p: PackagePlaceholder, ctx: PlaceholderContext): DestinationRef {
  if (p.packageName === "" && p.versionName === "") {
    if (ctx.destinations.length !== 1)
      throw invalidRequest(
        "Cannot resolve empty package name and version name given multiple elements in destination package versions.",
      );
    return ctx.destinations[0];
  }
  const match = ctx.destinations.find(
    (d) =>
      d.packageName === p.packageName &&
      (d.versionName === p.versionName ||
        ctx.findVersion(d.packageName, d.versionName)?.versionName === p.versionName),
  );
  if (!match)
    throw invalidRequest(
      `Package ${p.packageName} version ${p.versionName} in the job document must match a package version in destinationPackageVersions.`,
    );
  return match;
}

function versionOf(p: PackagePlaceholder, ctx: PlaceholderContext): PackageVersionView {
  const d = destinationOf(p, ctx);
  if (d.versionName === "$null")
    throw invalidRequest(`Package ${d.packageName} version $null cannot be referenced in the job document.`);
  const version = ctx.findVersion(d.packageName, d.versionName);
  if (!version) throw invalidRequest(`Package ${d.packageName} version ${d.versionName} cannot be found.`);
  return version;
}

function artifactOf(p: PackagePlaceholder, ctx: PlaceholderContext): S3ObjectLocation {
  const version = versionOf(p, ctx);
  const loc = version.artifact?.s3Location;
  if (!loc?.bucket || !loc.key)
    throw invalidRequest(
      `Package ${destinationOf(p, ctx).packageName} version ${version.versionName} does not have an associated artifact to generate an S3 presigned url.`,
    );
  return loc.version
    ? { bucket: loc.bucket, key: loc.key, versionId: loc.version }
    : (loc as S3ObjectLocation);
}

/** JOB-25: the attributes placeholder must be a whole JSON string value: `"${...}"`, not a key. */
function isWholeStringValue(document: string, o: Occurrence): boolean {
  if (document[o.start - 1] !== '"' || document[o.end] !== '"') return false;
  const after = document.slice(o.end + 1).trimStart();
  return !after.startsWith(":");
}

/**
 * CreateJob's placeholder checks (JOB-2, JOB-3, JOB-25): terminated, presignedUrlConfig present
 * for presigned-URL placeholders, S3 URLs well formed, package placeholders matching a
 * destination package version that has the artifact or attribute asked for, attributes
 * placeholders as whole JSON string values.
 */
export function checkPlaceholders(
  document: string,
  ctx: PlaceholderContext & { hasPresignedUrlRole: boolean },
): void {
  for (const o of scanPlaceholders(document)) {
    const p = o.placeholder;
    if (p.kind === "other") continue;
    if ((p.kind === "s3-presigned-url" || p.kind === "package-artifact") && !ctx.hasPresignedUrlRole)
      throw invalidRequest(PRESIGN_ROLE);
    if (p.kind === "s3-presigned-url") {
      if (!parseS3Url(p.url)) throw invalidRequest(`${p.url} is not a valid S3 object URL.`);
      continue;
    }
    if (p.kind === "package-artifact") artifactOf(p, ctx);
    const version = versionOf(p, ctx);
    if (p.kind === "package-attributes" && !isWholeStringValue(document, o))
      throw invalidRequest(
        `The placeholder \${aws:iot:package:${p.packageName}:version:${p.versionName}:attributes} must be a complete JSON string value.`,
      );
    if (p.kind === "package-attribute" && !Object.hasOwn(version.attributes, p.key))
      throw invalidRequest(
        `Package ${destinationOf(p, ctx).packageName} version ${version.versionName} has no attribute ${p.key}.`,
      );
  }
}

/** A string's content as it appears between the quotes of a JSON string. */
const jsonStringContent = (s: string) => JSON.stringify(s).slice(1, -1);

function substitute(
  document: string,
  ctx: PlaceholderContext,
  presign: ((location: S3ObjectLocation) => string) | undefined,
): string {
  let out = "";
  let at = 0;
  for (const o of scanPlaceholders(document)) {
    const p = o.placeholder;
    let start = o.start;
    let end = o.end;
    let text: string | undefined;
    if (p.kind === "package-attributes") {
      text = JSON.stringify(versionOf(p, ctx).attributes);
      start -= 1;
      end += 1;
    } else if (p.kind === "package-attribute") {
      text = jsonStringContent(versionOf(p, ctx).attributes[p.key] ?? "");
    } else if (presign && p.kind === "package-artifact") {
      text = jsonStringContent(presign(artifactOf(p, ctx)));
    } else if (presign && p.kind === "s3-presigned-url") {
      const loc = parseS3Url(p.url);
      if (loc) text = jsonStringContent(presign(loc));
    }
    if (text === undefined) continue;
    out += document.slice(at, start) + text;
    at = end;
  }
  return out + document.slice(at);
}

/** JOB-13: package placeholders substituted, presigned-URL placeholders as written. */
export const resolvePackagePlaceholders = (document: string, ctx: PlaceholderContext): string =>
  substitute(document, ctx, undefined);

/** JOB-25: what a device receives; `presign` returns a fresh presigned GET URL (SIG-3). */
export const resolveDocument = (
  document: string,
  ctx: PlaceholderContext,
  presign: (location: S3ObjectLocation) => string,
): string => substitute(document, ctx, presign);
