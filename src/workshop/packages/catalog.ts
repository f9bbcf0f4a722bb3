/**
 * The Software Package Catalog as `iotdm packages` reads and grows it (features.md 9): every
 * package (all pages, not the first one only), a package with its versions, one version with its
 * artifact, attributes and SBOM; a package created with its description and tags; a version
 * registered against an exact S3 object version, published unless asked to stay a draft
 * (PKG-1..PKG-4). Creation never replaces: an existing package or version is reported as it is.
 */
import { randomUUID } from "node:crypto";
import {
  CreatePackageCommand,
  CreatePackageVersionCommand,
  GetPackageCommand,
  GetPackageVersionCommand,
  ListPackagesCommand,
  ListPackageVersionsCommand,
  UpdatePackageVersionCommand,
} from "@aws-sdk/client-iot";
import { allPages } from "../../aws/parallel.js";
import type { AwsSession } from "../../aws/session.js";
import { hasCode } from "../errors.js";
import type { Tagger } from "../provision/tagging.js";

export interface PackageView {
  name: string;
  defaultVersion?: string;
  created?: Date;
  modified?: Date;
}

export interface VersionSummary {
  version: string;
  status: string;
  created?: Date;
  modified?: Date;
}

export interface PackageDetails extends PackageView {
  arn?: string;
  description?: string;
  versions: VersionSummary[];
}

export interface VersionDetails extends VersionSummary {
  packageName: string;
  arn?: string;
  description?: string;
  attributes: Record<string, string>;
  artifact?: { bucket?: string; key?: string; version?: string };
  sbom?: { bucket?: string; key?: string; version?: string };
  sbomValidationStatus?: string;
  recipe?: string;
  errorReason?: string;
}

export async function listPackages(session: AwsSession): Promise<PackageView[]> {
  const packages = await allPages(
    (nextToken) => session.clients.iot.send(new ListPackagesCommand({ maxResults: 100, nextToken })),
    (p) => p.packageSummaries,
    (p) => p.nextToken,
  );
  return packages.map((p) => ({
    name: p.packageName ?? "",
    defaultVersion: p.defaultVersionName,
    created: p.creationDate,
    modified: p.lastModifiedDate,
  }));
}

export async function listVersions(session: AwsSession, packageName: string): Promise<VersionSummary[]> {
  const versions = await allPages(
    (nextToken) =>
      session.clients.iot.send(new ListPackageVersionsCommand({ packageName, maxResults: 100, nextToken })),
    (p) => p.packageVersionSummaries,
    (p) => p.nextToken,
  );
  return versions.map((v) => ({
    version: v.versionName ?? "",
    status: v.status ?? "",
    created: v.creationDate,
    modified: v.lastModifiedDate,
  }));
}

export async function describePackage(session: AwsSession, packageName: string): Promise<PackageDetails> {
  const p = await session.clients.iot.send(new GetPackageCommand({ packageName }));
  return {
    name: p.packageName ?? packageName,
    arn: p.packageArn,
    description: p.description,
    defaultVersion: p.defaultVersionName,
    created: p.creationDate,
    modified: p.lastModifiedDate,
    versions: await listVersions(session, packageName),
  };
}

export async function describeVersion(
  session: AwsSession,
  packageName: string,
  versionName: string,
): Promise<VersionDetails> {
  const v = await session.clients.iot.send(new GetPackageVersionCommand({ packageName, versionName }));
  return {
    packageName,
    version: v.versionName ?? versionName,
    status: v.status ?? "",
    arn: v.packageVersionArn,
    description: v.description,
    attributes: v.attributes ?? {},
    artifact: v.artifact?.s3Location,
    sbom: v.sbom?.s3Location,
    sbomValidationStatus: v.sbomValidationStatus,
    recipe: v.recipe,
    errorReason: v.errorReason,
    created: v.creationDate,
    modified: v.lastModifiedDate,
  };
}

/** Undefined when the package or version does not exist (ResourceNotFoundException). */
export async function ifFound<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (e) {
    if (hasCode(e, "ResourceNotFoundException")) return undefined;
    throw e;
  }
}

export interface NewPackage {
  name: string;
  description?: string;
  tags?: Record<string, string>;
}

export type Created<T> = { outcome: "created" | "existing" } & T;

/** A package, tagged for cleanup (features.md 2.6) in the same call; an existing one is reported. */
export async function createPackage(
  session: AwsSession,
  tagger: Tagger,
  p: NewPackage,
): Promise<Created<{ arn?: string }>> {
  const existing = await ifFound(() =>
    session.clients.iot.send(new GetPackageCommand({ packageName: p.name })),
  );
  if (existing) return { outcome: "existing", arn: existing.packageArn };
  const created = await session.clients.iot.send(
    new CreatePackageCommand({
      packageName: p.name,
      description: p.description,
      clientToken: randomUUID(),
      // The user's tags, then the workshop's (which cleanup recognises) win on a shared key.
      tags: { ...p.tags, ...tagger.tagMap },
    }),
  );
  tagger.applied++;
  return { outcome: "created", arn: created.packageArn };
}

export interface VersionRegistration {
  packageName: string;
  versionName: string;
  description: string;
  attributes: Record<string, string>;
  artifact: { bucket: string; key: string; version?: string };
  publish: boolean;
}

/**
 * A version (DRAFT, PKG-2) pointing at one S3 object version, tagged, then published when asked.
 * Its clientToken makes the SDK's retry of a creation that went through an answer, not a conflict.
 */
export async function registerVersion(
  session: AwsSession,
  tagger: Tagger,
  r: VersionRegistration,
): Promise<{ arn?: string; status: string }> {
  const { iot } = session.clients;
  const { packageName, versionName } = r;
  const created = await iot.send(
    new CreatePackageVersionCommand({
      packageName,
      versionName,
      clientToken: randomUUID(),
      description: r.description,
      attributes: r.attributes,
      artifact: {
        s3Location: {
          bucket: r.artifact.bucket,
          key: r.artifact.key,
          ...(r.artifact.version ? { version: r.artifact.version } : {}),
        },
      },
    }),
  );
  const arn = created.packageVersionArn;
  if (arn) await tagger.tag("package-version", `${packageName}@${versionName}`, arn);
  if (!r.publish) return { arn, status: created.status ?? "DRAFT" };
  await iot.send(new UpdatePackageVersionCommand({ packageName, versionName, action: "PUBLISH" }));
  return { arn, status: "PUBLISHED" };
}
