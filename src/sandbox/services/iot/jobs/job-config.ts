/**
 * What CreateJob, CreateJobTemplate and UpdateJob check beyond the constraint tables: the
 * document and where it comes from (JOB-1), the configurations (JOB-2), destination package
 * versions and placeholders (JOB-3, JOB-25).
 */
import { readObjectBytes } from "../../s3/lookup.js";
import type { OperationContext } from "../../types.js";
import { invalidRequest } from "../common.js";
import type { JobConfigs, JobDoc } from "./model.js";
import {
  checkDestinationPackageVersions,
  type PackageVersionRef,
  parsePackageVersionArn,
  resolvePackageVersion,
} from "./packages.js";
import { checkPlaceholders, type PlaceholderContext, parseS3Url } from "./placeholders.js";

/** JOB-1 [S13] */
export const MAX_DOCUMENT_CHARS = 32768;
/** JOB-2: retries of all criteria together, per device [S16]. */
export const MAX_RETRIES_PER_DEVICE = 10;

/** JOB-1: a document must be JSON text of at most 32,768 characters. */
function checkDocumentText(text: string, from: string): string {
  if (text.length > MAX_DOCUMENT_CHARS)
    throw invalidRequest(`The job document ${from}is longer than ${MAX_DOCUMENT_CHARS} characters.`);
  try {
    JSON.parse(text);
  } catch {
    throw invalidRequest(`The job document ${from}is not valid JSON.`);
  }
  return text;
}

/** JOB-1: `document` as given, or read from the sandbox S3 at `documentSource`. */
export function readJobDocument(
  ctx: OperationContext,
  input: { document?: string; documentSource?: string },
): string {
  if (input.document !== undefined) return checkDocumentText(input.document, "");
  const source = input.documentSource ?? "";
  const loc = parseS3Url(source);
  if (!loc) throw invalidRequest(`documentSource ${source} is not an S3 object URL.`);
  const bytes = readObjectBytes(ctx.store, loc.bucket, loc.key, loc.versionId);
  if (!bytes) throw invalidRequest(`The job document at ${source} does not exist or cannot be read.`);
  return checkDocumentText(bytes.toString("utf8"), `at ${source} `);
}

/** Drops undefined members, so stored documents hold only what was given. */
export const withoutUndefined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** JOB-1: exactly one of `document`, `documentSource` (and `jobTemplateArn` where it applies). */
export function checkOneSource(sources: Record<string, unknown>): void {
  const given = Object.entries(sources).filter(([, v]) => v !== undefined);
  if (given.length !== 1)
    throw invalidRequest(`Exactly one of ${Object.keys(sources).join(", ")} must be specified.`);
}

/**
 * JOB-2 rules the tables cannot say: a rate increase criterion names one threshold; retry
 * criteria name each failure type once and allow 10 retries in total.
 */
export function checkConfigs(configs: JobConfigs): void {
  const criteria = configs.jobExecutionsRolloutConfig?.exponentialRate?.rateIncreaseCriteria;
  if (criteria) {
    const set = [criteria.numberOfNotifiedThings, criteria.numberOfSucceededThings].filter(
      (n) => n !== undefined,
    );
    if (set.length !== 1)
      throw invalidRequest(
        "rateIncreaseCriteria must specify exactly one of numberOfNotifiedThings and numberOfSucceededThings.",
      );
  }
  const retries = configs.jobExecutionsRetryConfig?.criteriaList ?? [];
  if (new Set(retries.map((c) => c.failureType)).size !== retries.length)
    throw invalidRequest("jobExecutionsRetryConfig lists the same failureType more than once.");
  const total = retries.reduce((n, c) => n + (c.numberOfRetries ?? 0), 0);
  if (total > MAX_RETRIES_PER_DEVICE)
    throw invalidRequest(
      `jobExecutionsRetryConfig allows at most ${MAX_RETRIES_PER_DEVICE} retries in total.`,
    );
  const aborts = configs.abortConfig?.criteriaList ?? [];
  if (new Set(aborts.map((c) => c.failureType)).size !== aborts.length)
    throw invalidRequest("abortConfig lists the same failureType more than once.");
}

/**
 * The placeholder context of a stored job (GetJobDocument; the data plane's resolveDocument):
 * its destination versions as written, `$default` pinned to the version it named at creation.
 */
export function jobPlaceholderContext(ctx: OperationContext, job: JobDoc): PlaceholderContext {
  const pinned = new Map<string, string>();
  for (const arn of job.resolvedPackageVersions ?? []) {
    const ref = parsePackageVersionArn(ctx, arn);
    if (ref) pinned.set(ref.packageName, ref.versionName);
  }
  const refs = (job.destinationPackageVersions ?? []).flatMap(
    (arn) => parsePackageVersionArn(ctx, arn) ?? [],
  );
  return {
    destinations: refs,
    findVersion: (packageName, versionName) =>
      resolvePackageVersion(
        ctx,
        packageName,
        versionName === "$default" ? (pinned.get(packageName) ?? versionName) : versionName,
      ),
  };
}

/** Placeholder lookups over this account's package catalog. */
export const placeholderContext = (ctx: OperationContext, refs: PackageVersionRef[]): PlaceholderContext => ({
  destinations: refs,
  findVersion: (packageName, versionName) => resolvePackageVersion(ctx, packageName, versionName),
});

/**
 * JOB-3 and JOB-25 at creation: destination versions deployable, placeholders consistent with
 * them and with presignedUrlConfig. Returns the destination ARNs with `$default` resolved.
 */
export function checkDocumentAndPackages(
  ctx: OperationContext,
  document: string,
  configs: JobConfigs,
  destinationPackageVersions: string[] | undefined,
): string[] | undefined {
  const checked = destinationPackageVersions
    ? checkDestinationPackageVersions(ctx, destinationPackageVersions)
    : { refs: [], resolvedArns: undefined };
  checkPlaceholders(document, {
    ...placeholderContext(ctx, checked.refs),
    hasPresignedUrlRole: configs.presignedUrlConfig?.roleArn !== undefined,
  });
  return checked.resolvedArns;
}
