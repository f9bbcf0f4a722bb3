import type { CreateMultipartUploadOutput, CreateMultipartUploadRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { requireBucket } from "./buckets.js";
import type { ChecksumType } from "./checksums.js";
import { CHECKSUM_TYPE, WRITE_OBJECT_CONSTRAINTS } from "./constraints.js";
import { invalidRequest } from "./errors.js";
import { newUploadId, type UploadDoc, uploads } from "./multipart.js";
import { checkKeyLength, contentFromInput } from "./object-content.js";
import { parseTaggingHeader } from "./tags.js";

/**
 * S3-11: the checksum type of the final object. CRC64NVME is full-object only, SHA1/SHA256 are
 * composite only, CRC32/CRC32C default to composite.
 */
function checksumTypeFor(
  algorithm: string | undefined,
  requested: string | undefined,
): ChecksumType | undefined {
  if (!algorithm) {
    if (requested)
      throw invalidRequest(
        "The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.",
      );
    return undefined;
  }
  const type = (requested ?? (algorithm === "CRC64NVME" ? "FULL_OBJECT" : "COMPOSITE")) as ChecksumType;
  const allowed =
    algorithm === "CRC64NVME"
      ? ["FULL_OBJECT"]
      : algorithm.startsWith("SHA")
        ? ["COMPOSITE"]
        : ["FULL_OBJECT", "COMPOSITE"];
  if (!allowed.includes(type))
    throw invalidRequest(
      `The ${type} checksum type cannot be used with the ${algorithm.toLowerCase()} checksum algorithm.`,
    );
  return type;
}

export const createMultipartUpload = defineOperation<
  CreateMultipartUploadRequest,
  CreateMultipartUploadOutput
>({
  name: "CreateMultipartUpload",
  constraints: { ...WRITE_OBJECT_CONSTRAINTS, ChecksumType: CHECKSUM_TYPE },
  handler: (input, ctx) => {
    const bucket = requireBucket(ctx, input.Bucket!);
    const key = input.Key!;
    checkKeyLength(key);
    const algorithm = input.ChecksumAlgorithm;
    const checksumType = checksumTypeFor(algorithm, input.ChecksumType);
    const tags = parseTaggingHeader(input.Tagging);
    const upload: UploadDoc = {
      uploadId: newUploadId(),
      key,
      initiated: ctx.clock.now().toISOString(),
      owner: ctx.scope.accountId,
      content: contentFromInput(input),
      ...(tags ? { tags } : {}),
      ...(algorithm ? { checksumAlgorithm: algorithm, checksumType } : {}),
    };
    uploads(ctx, bucket.name).put(upload.uploadId, upload);
    return {
      Bucket: bucket.name,
      Key: key,
      UploadId: upload.uploadId,
      ChecksumAlgorithm: algorithm,
      ChecksumType: checksumType,
      ServerSideEncryption: "AES256",
    };
  },
});
