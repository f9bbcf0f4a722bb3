import { createHash } from "node:crypto";
import type {
  CompletedPart,
  CompleteMultipartUploadOutput,
  CompleteMultipartUploadRequest,
} from "@aws-sdk/client-s3";
import { ServiceError } from "../../errors.js";
import { defineOperation } from "../types.js";
import { bucketScope, requireBucket } from "./buckets.js";
import {
  checksumMemberName,
  checksumMembers,
  compositeChecksum,
  computeChecksum,
  type StoredChecksum,
  uploadChecksum,
} from "./checksums.js";
import { CHECKSUM_TYPE, OBJECT_CONSTRAINTS } from "./constraints.js";
import { malformedXml } from "./errors.js";
import {
  discardUpload,
  MIN_PART_SIZE,
  type PartDoc,
  partId,
  parts,
  requireUpload,
  type UploadDoc,
} from "./multipart.js";
import { addVersion, reportedVersionId, storeBytes } from "./objects.js";

const unquote = (etag: string | undefined) => (etag ?? "").replace(/^"(.*)"$/, "$1");

const invalidPart = (uploadId: string, p: CompletedPart) =>
  new ServiceError(
    "InvalidPart",
    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
    { UploadId: uploadId, PartNumber: p.PartNumber, ETag: p.ETag },
    400,
  );

/** The stored parts named by the request, checked for order, ETags, checksums and sizes (S3-11). */
function selectParts(
  ctx: Parameters<typeof requireUpload>[0],
  bucket: string,
  upload: UploadDoc,
  requested: CompletedPart[],
): PartDoc[] {
  if (requested.length === 0) throw malformedXml();
  const member = upload.checksumAlgorithm ? checksumMemberName(upload.checksumAlgorithm) : undefined;
  const selected: PartDoc[] = [];
  let previous = 0;
  for (const p of requested) {
    const n = p.PartNumber ?? 0;
    if (n <= previous)
      throw new ServiceError(
        "InvalidPartOrder",
        "The list of parts was not in ascending order. Parts must be ordered by part number.",
        { UploadId: upload.uploadId },
        400,
      );
    previous = n;
    const stored = parts(ctx, bucket).get(partId(upload.uploadId, n));
    if (!stored || unquote(p.ETag) !== unquote(stored.etag)) throw invalidPart(upload.uploadId, p);
    const sentChecksum = member ? (p as Record<string, unknown>)[member] : undefined;
    if (typeof sentChecksum === "string" && sentChecksum !== stored.checksum)
      throw invalidPart(upload.uploadId, p);
    selected.push(stored);
  }
  selected.slice(0, -1).forEach((part, i) => {
    if (part.size < MIN_PART_SIZE)
      throw new ServiceError(
        "EntityTooSmall",
        "Your proposed upload is smaller than the minimum allowed size",
        {
          ProposedSize: part.size,
          MinSizeAllowed: MIN_PART_SIZE,
          PartNumber: part.partNumber,
          ETag: requested[i].ETag,
        },
        400,
      );
  });
  return selected;
}

/** The final object's checksum: composite over part checksums, or full-object over the bytes. */
function finalChecksum(
  upload: UploadDoc,
  selected: PartDoc[],
  data: Buffer,
  input: Record<string, unknown>,
): StoredChecksum | undefined {
  const algorithm = upload.checksumAlgorithm;
  if (!algorithm) return undefined;
  if (upload.checksumType === "FULL_OBJECT") {
    // A full-object value sent with the request is verified like a PutObject checksum.
    const sent = uploadChecksum(input, data, {});
    const value = sent?.value ?? computeChecksum(algorithm, data);
    return value ? { algorithm, value, type: "FULL_OBJECT" } : undefined;
  }
  const value = compositeChecksum(
    algorithm,
    selected.map((p) => p.checksum ?? ""),
  );
  return value ? { algorithm, value, type: "COMPOSITE" } : undefined;
}

/** S3-11: assembles the parts into one object; ETag `"<md5 of the part MD5s>-<n>"`. */
export const completeMultipartUpload = defineOperation<
  CompleteMultipartUploadRequest,
  CompleteMultipartUploadOutput
>({
  name: "CompleteMultipartUpload",
  constraints: { ...OBJECT_CONSTRAINTS, ChecksumType: CHECKSUM_TYPE },
  handler: (input, ctx) => {
    const bucket = requireBucket(ctx, input.Bucket!);
    const key = input.Key!;
    const upload = requireUpload(ctx, bucket.name, input.UploadId!, key);
    const selected = selectParts(ctx, bucket.name, upload, input.MultipartUpload?.Parts ?? []);
    const blobs = ctx.store.blobs(bucketScope(bucket.name));
    const data = Buffer.concat(selected.map((p) => blobs.get(p.blobId) ?? Buffer.alloc(0)));
    const partDigests = Buffer.concat(selected.map((p) => Buffer.from(unquote(p.etag), "hex")));
    const etag = `"${createHash("md5").update(partDigests).digest("hex")}-${selected.length}"`;
    const { ChecksumType: _type, ...checksumInput } = input as unknown as Record<string, unknown>;
    const checksum = finalChecksum(upload, selected, data, checksumInput);
    const doc = addVersion(ctx, bucket, key, {
      etag,
      size: data.length,
      blobId: storeBytes(ctx, bucket.name, data),
      partsCount: selected.length,
      partSizes: selected.map((p) => p.size),
      content: upload.content,
      ...(checksum ? { checksum } : {}),
      ...(upload.tags ? { tags: upload.tags } : {}),
    });
    discardUpload(ctx, bucket.name, upload.uploadId);
    return {
      Location: `http://${ctx.host}/${bucket.name}/${key.split("/").map(encodeURIComponent).join("/")}`,
      Bucket: bucket.name,
      Key: key,
      ETag: etag,
      VersionId: reportedVersionId(bucket, doc),
      ServerSideEncryption: "AES256",
      ...checksumMembers(checksum),
    };
  },
});
