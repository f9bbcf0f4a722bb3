/**
 * JOB-25: the job document as a device receives it: every placeholder substituted, presigned-URL
 * placeholders by a fresh presigned GET of the sandbox S3 valid for the job's
 * `presignedUrlConfig.expiresInSec` (default 3600, JOB-2) on the sandbox clock.
 */
import { jobDocument, type JobDoc } from "../iot/jobs/model.js";
import { parsePackageVersionArn, resolvePackageVersion } from "../iot/jobs/packages.js";
import { type PlaceholderContext, resolveDocument } from "../iot/jobs/placeholders.js";
import { presignGetObject } from "../s3/presign.js";
import type { OperationContext } from "../types.js";

/** JOB-2: presignedUrlConfig.expiresInSec default. */
const DEFAULT_EXPIRES_SECONDS = 3600;

export function placeholderContext(ctx: OperationContext, job: JobDoc): PlaceholderContext {
  return {
    destinations: (job.destinationPackageVersions ?? []).flatMap(
      (arn) => parsePackageVersionArn(ctx, arn) ?? [],
    ),
    findVersion: (packageName, versionName) => resolvePackageVersion(ctx, packageName, versionName),
  };
}

export function deviceDocument(ctx: OperationContext, job: JobDoc): string {
  const expires = job.presignedUrlConfig?.expiresInSec ?? DEFAULT_EXPIRES_SECONDS;
  return resolveDocument(jobDocument(ctx, job.jobId), placeholderContext(ctx, job), (location) =>
    presignGetObject(ctx, location, expires),
  );
}
