import type { PutObjectOutput, PutObjectRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { requireBucket } from "./buckets.js";
import { checksumMembers, md5Hex, uploadChecksum, verifyContentMd5 } from "./checksums.js";
import { WRITE_OBJECT_CONSTRAINTS } from "./constraints.js";
import { noSuchKey } from "./errors.js";
import { checkKeyLength, contentFromInput } from "./object-content.js";
import { checkConditions } from "./object-read.js";
import { addVersion, latestVersion, reportedVersionId, storeBytes } from "./objects.js";
import { parseTaggingHeader } from "./tags.js";

type PutObjectInput = Omit<PutObjectRequest, "Body"> & { Body?: Buffer };

/**
 * S3-4: stores the (SIG-4 decoded) bytes with their content attributes; ETag = quoted MD5;
 * a new version when versioning is Enabled (S3-3); a sent checksum is verified and kept (S3-10).
 * Conditional writes: If-None-Match `*` / If-Match against the current object -> 412.
 */
export const putObject = defineOperation<PutObjectInput, PutObjectOutput>({
  name: "PutObject",
  constraints: WRITE_OBJECT_CONSTRAINTS,
  handler: (input, ctx) => {
    const bucket = requireBucket(ctx, input.Bucket!);
    const key = input.Key!;
    checkKeyLength(key);
    const data = input.Body ?? Buffer.alloc(0);
    verifyContentMd5(input.ContentMD5, data);
    const checksum = uploadChecksum(input as Record<string, unknown>, data, ctx.headers);
    if (input.IfMatch !== undefined || input.IfNoneMatch !== undefined) {
      const current = latestVersion(ctx, bucket.name, key);
      if (!current || current.deleteMarker) {
        if (input.IfMatch !== undefined) throw noSuchKey(key);
      } else {
        checkConditions({ IfMatch: input.IfMatch, IfNoneMatch: input.IfNoneMatch }, current, 412);
      }
    }
    const tags = parseTaggingHeader(input.Tagging);
    const content = contentFromInput(input);
    const etag = `"${md5Hex(data)}"`;
    const doc = addVersion(ctx, bucket, key, {
      etag,
      size: data.length,
      blobId: storeBytes(ctx, bucket.name, data),
      content,
      ...(checksum ? { checksum } : {}),
      ...(tags ? { tags } : {}),
    });
    return {
      ETag: etag,
      VersionId: reportedVersionId(bucket, doc),
      ServerSideEncryption: "AES256",
      ...checksumMembers(checksum),
    };
  },
});
