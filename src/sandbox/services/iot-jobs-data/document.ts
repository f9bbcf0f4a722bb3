/**
 * JOB-25: the job document as a device receives it: every placeholder substituted, presigned-URL
 * placeholders by a fresh presigned GET of the sandbox S3 valid for the job's
 * `presignedUrlConfig.expiresInSec` (default 3600, JOB-2) on the sandbox clock.
 */
import { jobDocument, type JobDoc } from "../iot/jobs/model.js";
import { jobPlaceholderContext } from "../iot/jobs/job-config.js";
import { resolveDocument } from "../iot/jobs/placeholders.js";
import { presignGetObject } from "../s3/presign.js";
import type { OperationContext } from "../types.js";

/** JOB-2: presignedUrlConfig.expiresInSec default. */
const DEFAULT_EXPIRES_SECONDS = 3600;

export function deviceDocument(ctx: OperationContext, job: JobDoc): string {
  const expires = job.presignedUrlConfig?.expiresInSec ?? DEFAULT_EXPIRES_SECONDS;
  return resolveDocument(jobDocument(ctx, job.jobId), jobPlaceholderContext(ctx, job), (location) =>
    presignGetObject(ctx, location, expires),
  );
}
