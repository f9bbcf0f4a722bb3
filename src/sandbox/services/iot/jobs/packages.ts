/** The jobs side of the Software Package Catalog: destination package versions (JOB-3, PKG-7). */
import type { OperationContext } from "../../types.js";
import { invalidRequest, notFound, parseIotArn } from "../common.js";
import { findPackage, findPackageVersion, type PackageVersionDoc } from "../packages/lookup.js";

/** JOB-3 [S13] */
export const MAX_DESTINATION_PACKAGE_VERSIONS = 25;

export interface PackageVersionRef {
  packageName: string;
  /** As written: a version name, `$default` or `$null`. */
  versionName: string;
}

/** `arn:aws:iot:<r>:<a>:package/<p>/version/<v>` of this account and region, or undefined. */
export function parsePackageVersionArn(ctx: OperationContext, arn: string): PackageVersionRef | undefined {
  const parsed = parseIotArn(ctx, arn);
  if (parsed?.type !== "package") return undefined;
  const m = /^([^/]+)\/version\/([^/]+)$/.exec(parsed.id);
  return m ? { packageName: m[1], versionName: m[2] } : undefined;
}

/** A package version, `$default` resolved through the package's default (JOB-3). */
export const resolvePackageVersion = (
  ctx: OperationContext,
  packageName: string,
  versionName: string,
): PackageVersionDoc | undefined =>
  findPackageVersion(ctx.store, ctx.scope.accountId, ctx.scope.region, packageName, versionName);

/**
 * JOB-3: at most 25 ARNs, one per package, each naming an existing PUBLISHED or DEPRECATED
 * version (DRAFT → 400), `$default` resolved through the package default, `$null` (uninstall)
 * for an existing package. Returns the refs and the ARNs with `$default` resolved (JOB-12).
 */
export function checkDestinationPackageVersions(
  ctx: OperationContext,
  arns: string[],
): { refs: PackageVersionRef[]; resolvedArns: string[] } {
  if (arns.length > MAX_DESTINATION_PACKAGE_VERSIONS)
    throw invalidRequest(
      `destinationPackageVersions can name at most ${MAX_DESTINATION_PACKAGE_VERSIONS} package versions.`,
    );
  const refs: PackageVersionRef[] = [];
  const resolvedArns: string[] = [];
  const seen = new Set<string>();
  for (const arn of arns) {
    const ref = parsePackageVersionArn(ctx, arn);
    if (!ref) throw invalidRequest(`${arn} is not a package version ARN of this account and region.`);
    if (seen.has(ref.packageName))
      throw invalidRequest(`destinationPackageVersions names package ${ref.packageName} more than once.`);
    seen.add(ref.packageName);
    const pkg = findPackage(ctx.store, ctx.scope.accountId, ctx.scope.region, ref.packageName);
    if (!pkg) throw notFound(`Package ${ref.packageName} cannot be found.`);
    refs.push(ref);
    if (ref.versionName === "$null") {
      resolvedArns.push(arn);
      continue;
    }
    if (ref.versionName === "$default" && pkg.defaultVersionName === undefined)
      throw invalidRequest(`Package ${ref.packageName} has no default version to resolve $default.`);
    const version = resolvePackageVersion(ctx, ref.packageName, ref.versionName);
    if (!version) throw notFound(`Package version ${ref.packageName}/${ref.versionName} cannot be found.`);
    if (version.status === "DRAFT")
      throw invalidRequest(
        `Package version ${ref.packageName}/${version.versionName} is in DRAFT status; only PUBLISHED or DEPRECATED versions can be deployed.`,
      );
    resolvedArns.push(arn.replace(/\/version\/\$default$/, `/version/${version.versionName}`));
  }
  return { refs, resolvedArns };
}
