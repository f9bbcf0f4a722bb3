import type { ListMultipartUploadsOutput, ListMultipartUploadsRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { ownerOf, requireBucket } from "./buckets.js";
import { ENCODING_TYPE, REQUEST_PAYER } from "./constraints.js";
import { encoder } from "./listing.js";
import { uploads } from "./multipart.js";

const MAX_UPLOADS = 1000;

/** Uploads in progress, by key then initiation time; prefix, max-uploads and key/upload-id markers. */
export const listMultipartUploads = defineOperation<ListMultipartUploadsRequest, ListMultipartUploadsOutput>({
  name: "ListMultipartUploads",
  constraints: { EncodingType: ENCODING_TYPE, RequestPayer: REQUEST_PAYER },
  handler: (input, ctx) => {
    const bucket = requireBucket(ctx, input.Bucket!);
    const prefix = input.Prefix ?? "";
    const max = Math.max(0, Math.min(input.MaxUploads ?? MAX_UPLOADS, MAX_UPLOADS));
    const all = [...uploads(ctx, bucket.name).iterate()]
      .map((e) => e.doc)
      .filter((u) => u.key.startsWith(prefix))
      .sort((a, b) =>
        a.key !== b.key
          ? a.key < b.key
            ? -1
            : 1
          : a.initiated !== b.initiated
            ? a.initiated < b.initiated
              ? -1
              : 1
            : a.uploadId < b.uploadId
              ? -1
              : 1,
      );
    const keyMarker = input.KeyMarker;
    const uploadIdMarker = input.UploadIdMarker;
    let start = 0;
    if (keyMarker !== undefined && keyMarker !== "") {
      const markerAt = uploadIdMarker
        ? all.findIndex((u) => u.key === keyMarker && u.uploadId === uploadIdMarker)
        : -1;
      start = markerAt >= 0 ? markerAt + 1 : all.findIndex((u) => u.key > keyMarker);
      if (start < 0) start = all.length;
    }
    const page = all.slice(start, start + max);
    const truncated = start + max < all.length;
    const last = page[page.length - 1];
    const enc = encoder(input.EncodingType);
    return {
      Bucket: bucket.name,
      KeyMarker: enc(keyMarker ?? ""),
      UploadIdMarker: uploadIdMarker ?? "",
      Prefix: enc(prefix),
      MaxUploads: max,
      IsTruncated: truncated,
      NextKeyMarker: truncated && last ? enc(last.key) : undefined,
      NextUploadIdMarker: truncated && last ? last.uploadId : undefined,
      EncodingType: input.EncodingType,
      Uploads:
        page.length > 0
          ? page.map((u) => ({
              Key: enc(u.key),
              UploadId: u.uploadId,
              Initiated: new Date(u.initiated),
              StorageClass: (u.content.storageClass ?? "STANDARD") as "STANDARD",
              Owner: ownerOf(u.owner),
              Initiator: { ID: ownerOf(u.owner).ID },
              ChecksumAlgorithm: u.checksumAlgorithm as "CRC32" | undefined,
              ChecksumType: u.checksumType,
            }))
          : undefined,
    };
  },
});
