/** Multipart uploads in progress (S3-11): one document per upload and per part, bytes as blobs. */
import { randomBytes } from "node:crypto";
import type { Collection } from "../../storage/store.js";
import type { OperationContext } from "../types.js";
import { bucketScope, S3_KIND, type S3Tag } from "./buckets.js";
import type { ChecksumType } from "./checksums.js";
import { invalidArgument, noSuchUpload } from "./errors.js";
import type { ObjectContent } from "./objects.js";

export interface UploadDoc {
  uploadId: string;
  key: string;
  /** ISO-8601 */
  initiated: string;
  owner: string;
  content: ObjectContent;
  tags?: S3Tag[];
  checksumAlgorithm?: string;
  checksumType?: ChecksumType;
}

export interface PartDoc {
  partNumber: number;
  /** quoted MD5 */
  etag: string;
  size: number;
  blobId: string;
  /** ISO-8601 */
  lastModified: string;
  /** Part checksum (base64) in the upload's algorithm. */
  checksum?: string;
}

export const MIN_PART_SIZE = 5 * 1024 * 1024;
export const MAX_PARTS = 10000;

export function uploads(ctx: OperationContext, bucket: string): Collection<UploadDoc> {
  return ctx.store.collection<UploadDoc>(bucketScope(bucket), S3_KIND.upload);
}

export function parts(ctx: OperationContext, bucket: string): Collection<PartDoc> {
  return ctx.store.collection<PartDoc>(bucketScope(bucket), S3_KIND.part);
}

export const partId = (uploadId: string, partNumber: number) =>
  `${uploadId}/${String(partNumber).padStart(5, "0")}`;

export const newUploadId = () => randomBytes(48).toString("base64url");

/** The upload, which must be for `key`; else NoSuchUpload (404). */
export function requireUpload(
  ctx: OperationContext,
  bucket: string,
  uploadId: string,
  key: string,
): UploadDoc {
  const upload = uploads(ctx, bucket).get(uploadId);
  if (!upload || upload.key !== key) throw noSuchUpload(uploadId);
  return upload;
}

export function checkPartNumber(partNumber: number | undefined): number {
  const n = partNumber ?? 0;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PARTS)
    throw invalidArgument(
      `Part number must be an integer between 1 and ${MAX_PARTS}, inclusive`,
      "partNumber",
      String(partNumber),
    );
  return n;
}

export function partsOf(ctx: OperationContext, bucket: string, uploadId: string): PartDoc[] {
  return parts(ctx, bucket)
    .list({ prefix: `${uploadId}/` })
    .map((e) => e.doc);
}

/** Drops an upload with its parts and their bytes (Complete, Abort). */
export function discardUpload(ctx: OperationContext, bucket: string, uploadId: string): void {
  const blobs = ctx.store.blobs(bucketScope(bucket));
  for (const part of partsOf(ctx, bucket, uploadId)) {
    blobs.delete(part.blobId);
    parts(ctx, bucket).delete(partId(uploadId, part.partNumber));
  }
  uploads(ctx, bucket).delete(uploadId);
}
