/**
 * What the HTTP front asks S3 before it reads a body: how large a body may be, and which region a
 * request's bucket lives in (the gateway refuses a credential scope naming another one, PROTO-4).
 */
import { ServiceError } from "../../errors.js";
import type { BodyLimit, OperationContext } from "../types.js";
import { buckets } from "./buckets.js";

/**
 * Objects and parts: AWS takes up to 5 GiB in one PUT; the sandbox keeps objects in SQLite and
 * caps them at 256 MiB (EntityTooLarge above). XML documents (DeleteObjects of 1,000 keys,
 * CompleteMultipartUpload of 10,000 parts) stay well under 8 MiB (MaxMessageLengthExceeded above).
 */
export const MAX_OBJECT_BYTES = 256 * 1024 * 1024;
const OBJECT_OPERATIONS = new Set(["PutObject", "UploadPart"]);

export const S3_BODY_LIMIT: BodyLimit = {
  bytes: 8 * 1024 * 1024,
  operations: { PutObject: MAX_OBJECT_BYTES, UploadPart: MAX_OBJECT_BYTES },
  // Other operations: the protocol's MaxMessageLengthExceeded.
  tooLarge: (operation, size, max) =>
    operation !== undefined && OBJECT_OPERATIONS.has(operation)
      ? new ServiceError(
          "EntityTooLarge",
          "Your proposed upload exceeds the maximum allowed size",
          { ProposedSize: String(size), MaxSizeAllowed: String(max) },
          400,
        )
      : undefined,
};

/** Operations AWS answers whatever region the request was signed for. */
const ANY_REGION = new Set(["CreateBucket", "ListBuckets", "GetBucketLocation"]);

/** PROTO-4: the region of the addressed bucket where S3 checks it, undefined for no check. */
export function bucketRegionChecked(
  operation: string,
  labels: Record<string, string>,
  ctx: OperationContext,
): string | undefined {
  if (ANY_REGION.has(operation) || labels.Bucket === undefined) return undefined;
  return buckets(ctx).get(labels.Bucket)?.region;
}
