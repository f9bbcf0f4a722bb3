import type { ListPartsOutput, ListPartsRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { ownerOf, requireBucket } from "./buckets.js";
import { checksumMemberName } from "./checksums.js";
import { OBJECT_CONSTRAINTS } from "./constraints.js";
import { partsOf, requireUpload } from "./multipart.js";

const MAX_PARTS_LISTED = 1000;

/** The parts uploaded so far, by number, after part-number-marker, at most max-parts. */
export const listParts = defineOperation<ListPartsRequest, ListPartsOutput>({
  name: "ListParts",
  constraints: OBJECT_CONSTRAINTS,
  handler: (input, ctx) => {
    const bucket = requireBucket(ctx, input.Bucket!);
    const upload = requireUpload(ctx, bucket.name, input.UploadId!, input.Key!);
    const marker = Number(input.PartNumberMarker ?? 0) || 0;
    const max = Math.max(0, Math.min(input.MaxParts ?? MAX_PARTS_LISTED, MAX_PARTS_LISTED));
    const remaining = partsOf(ctx, bucket.name, upload.uploadId).filter((p) => p.partNumber > marker);
    const page = remaining.slice(0, max);
    const truncated = remaining.length > max;
    const member = upload.checksumAlgorithm ? checksumMemberName(upload.checksumAlgorithm) : undefined;
    return {
      Bucket: bucket.name,
      Key: upload.key,
      UploadId: upload.uploadId,
      PartNumberMarker: String(marker),
      NextPartNumberMarker: truncated ? String(page[page.length - 1].partNumber) : undefined,
      MaxParts: max,
      IsTruncated: truncated,
      Parts: page.map((p) => ({
        PartNumber: p.partNumber,
        LastModified: new Date(p.lastModified),
        ETag: p.etag,
        Size: p.size,
        ...(member && p.checksum ? { [member]: p.checksum } : {}),
      })),
      Initiator: { ID: ownerOf(upload.owner).ID },
      Owner: ownerOf(upload.owner),
      StorageClass: (upload.content.storageClass ?? "STANDARD") as "STANDARD",
      ChecksumAlgorithm: upload.checksumAlgorithm as "CRC32" | undefined,
      ChecksumType: upload.checksumType,
    };
  },
});
