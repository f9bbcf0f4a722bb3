/**
 * Software Package Catalog storage (section 8): packages by name, versions by
 * `<package>/<version>`, the account's package configuration singleton, ARNs (ID-2) and the
 * constraint values shared by the operations (aws-operations.json).
 */
import type { PackageVersionArtifact, PackageVersionStatus } from "@aws-sdk/client-iot";
import { ServiceError } from "../../../errors.js";
import { type Constraint, items, len, oneOf, range } from "../../../protocol/validate.js";
import { findObjectVersion } from "../../s3/lookup.js";
import type { OperationContext } from "../../types.js";
import { collection, iotArn, KIND } from "../common.js";
import type { Idempotency } from "./idempotency.js";

export interface PackageDoc {
  packageName: string;
  description?: string;
  defaultVersionName?: string;
  /** ISO-8601 */
  creationDate: string;
  lastModifiedDate: string;
  /** The creating call's clientToken and request (idempotency.ts). */
  created?: Idempotency;
}

export interface PackageVersionDoc {
  packageName: string;
  versionName: string;
  description?: string;
  attributes: Record<string, string>;
  artifact?: PackageVersionArtifact;
  recipe?: string;
  status: PackageVersionStatus;
  creationDate: string;
  lastModifiedDate: string;
  /** The creating call's clientToken and request (idempotency.ts). */
  created?: Idempotency;
}

export interface PackageConfigurationDoc {
  enabled: boolean;
  roleArn?: string;
}

export const PACKAGE_CONFIGURATION_ID = "packageConfiguration";

export const validation = (message: string) => new ServiceError("ValidationException", message, {}, 400);

export const packages = (ctx: OperationContext) => collection<PackageDoc>(ctx, KIND.package);
export const packageVersions = (ctx: OperationContext) =>
  collection<PackageVersionDoc>(ctx, KIND.packageVersion);
export const versionId = (packageName: string, versionName: string) => `${packageName}/${versionName}`;

export const packageArn = (ctx: OperationContext, name: string) => iotArn(ctx, `package/${name}`);
export const packageVersionArn = (ctx: OperationContext, name: string, version: string) =>
  iotArn(ctx, `package/${name}/version/${version}`);

export function requirePackage(ctx: OperationContext, name: string): PackageDoc {
  const doc = packages(ctx).get(name);
  if (!doc) throw new ServiceError("ResourceNotFoundException", `Package ${name} not found`, {}, 404);
  return doc;
}

export function requireVersion(ctx: OperationContext, name: string, version: string): PackageVersionDoc {
  const doc = packageVersions(ctx).get(versionId(name, version));
  if (!doc)
    throw new ServiceError(
      "ResourceNotFoundException",
      `Package version ${name}/${version} not found`,
      {},
      404,
    );
  return doc;
}

export function versionsOf(ctx: OperationContext, name: string): PackageVersionDoc[] {
  return packageVersions(ctx)
    .list({ prefix: `${name}/` })
    .map((e) => e.doc);
}

/** PKG-2: attribute keys and values together at most 3 KB. */
const MAX_ATTRIBUTES_BYTES = 3072;

export function checkAttributes(attributes: Record<string, string> | undefined): Record<string, string> {
  const attrs = attributes ?? {};
  const size = Object.entries(attrs).reduce(
    (n, [k, v]) => n + Buffer.byteLength(k, "utf8") + Buffer.byteLength(v, "utf8"),
    0,
  );
  if (size > MAX_ATTRIBUTES_BYTES)
    throw validation(
      `The total size of the package version attributes must not exceed ${MAX_ATTRIBUTES_BYTES} bytes`,
    );
  return attrs;
}

/** PKG-2: the artifact must name an existing object (and version) of the sandbox S3; "" = latest. */
export function checkArtifact(ctx: OperationContext, artifact: PackageVersionArtifact | undefined): void {
  if (!artifact) return;
  const loc = artifact.s3Location;
  if (!loc?.bucket || !loc.key)
    throw validation("The artifact must have an s3Location with a bucket and a key");
  if (!findObjectVersion(ctx.store, loc.bucket, loc.key, loc.version))
    throw validation(
      `The artifact s3://${loc.bucket}/${loc.key}${loc.version ? ` (version ${loc.version})` : ""} does not exist`,
    );
}

/** TAG-1 as a map (`tags` of the catalog operations) -> the list form of common.ts. */
export const tagList = (tags: Record<string, string> | undefined) =>
  Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value }));

const NAME = "^[a-zA-Z0-9-_.]+$";
export const PACKAGE_NAME = len(1, 128, NAME);
export const VERSION_NAME = len(1, 64, NAME);
export const DESCRIPTION = len(0, 1024, "^[^\\p{C}]+$");
export const CLIENT_TOKEN = len(36, 64, "^\\S{36,64}$");
export const RECIPE = len(0, 3072);
export const MAX_RESULTS = range(1, 100);
export const STATUS = oneOf("DRAFT", "PUBLISHED", "DEPRECATED");

export const TAG_CONSTRAINTS: Record<string, Constraint> = {
  tags: items(1, 50),
  "tags{}": len(1, 128, "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$"),
  "tags{}=": len(0, 256),
};

export const ATTRIBUTE_CONSTRAINTS: Record<string, Constraint> = {
  "attributes{}": { pattern: "^[a-zA-Z0-9:_-]+$", min: 1, minMaxOf: "length" },
  "attributes{}=": { pattern: "^[^\\p{C}]+$", min: 1, minMaxOf: "length" },
  "artifact.s3Location.bucket": { min: 1, minMaxOf: "length" },
  "artifact.s3Location.key": { min: 1, minMaxOf: "length" },
};
