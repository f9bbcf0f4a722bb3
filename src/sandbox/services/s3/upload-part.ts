import type { UploadPartOutput, UploadPartRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { bucketScope, requireBucket } from "./buckets.js";
import {
  checksumMemberName,
  computeChecksum,
  md5Hex,
  uploadChecksum,
  verifyContentMd5,
} from "./checksums.js";
import { CHECKSUM_ALGORITHM, OBJECT_CONSTRAINTS } from "./constraints.js";
import { invalidRequest } from "./errors.js";
import { checkPartNumber, type PartDoc, partId, parts, requireUpload } from "./multipart.js";
import { nowSeconds, storeBytes } from "./objects.js";

type UploadPartInput = Omit<UploadPartRequest, "Body"> & { Body?: Buffer };

/** S3-11: stores one part (replacing an earlier upload of the same number); ETag = quoted MD5. */
export const uploadPart = defineOperation<UploadPartInput, UploadPartOutput>({
  name: "UploadPart",
  constraints: { ...OBJECT_CONSTRAINTS, ChecksumAlgorithm: CHECKSUM_ALGORITHM },
  handler: (input, ctx) => {
    const bucket = requireBucket(ctx, input.Bucket!);
    const partNumber = checkPartNumber(input.PartNumber);
    const upload = requireUpload(ctx, bucket.name, input.UploadId!, input.Key!);
    const data = input.Body ?? Buffer.alloc(0);
    verifyContentMd5(input.ContentMD5, data);
    const sent = uploadChecksum(input as Record<string, unknown>, data, ctx.headers);
    const algorithm = upload.checksumAlgorithm;
    if (algorithm && sent && sent.algorithm !== algorithm)
      throw invalidRequest(
        `Checksum Type mismatch occurred, expected checksum Type: ${algorithm.toLowerCase()}, actual checksum Type: ${sent.algorithm.toLowerCase()}`,
      );
    const checksum = algorithm ? (sent?.value ?? computeChecksum(algorithm, data)) : undefined;
    const id = partId(upload.uploadId, partNumber);
    const previous = parts(ctx, bucket.name).get(id);
    if (previous) ctx.store.blobs(bucketScope(bucket.name)).delete(previous.blobId);
    const part: PartDoc = {
      partNumber,
      etag: `"${md5Hex(data)}"`,
      size: data.length,
      blobId: storeBytes(ctx, bucket.name, data),
      lastModified: nowSeconds(ctx).toISOString(),
      ...(checksum ? { checksum } : {}),
    };
    parts(ctx, bucket.name).put(id, part);
    const member = algorithm
      ? checksumMemberName(algorithm)
      : sent
        ? checksumMemberName(sent.algorithm)
        : undefined;
    const value = checksum ?? sent?.value;
    return {
      ETag: part.etag,
      ServerSideEncryption: "AES256",
      ...(member && value ? { [member]: value } : {}),
    };
  },
});
