import type { AbortMultipartUploadOutput, AbortMultipartUploadRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { requireBucket } from "./buckets.js";
import { OBJECT_CONSTRAINTS } from "./constraints.js";
import { discardUpload, requireUpload } from "./multipart.js";

/** S3-11: drops the upload and its parts; 204; unknown upload -> 404 NoSuchUpload. */
export const abortMultipartUpload = defineOperation<AbortMultipartUploadRequest, AbortMultipartUploadOutput>({
  name: "AbortMultipartUpload",
  constraints: OBJECT_CONSTRAINTS,
  handler: (input, ctx) => {
    const bucket = requireBucket(ctx, input.Bucket!);
    const upload = requireUpload(ctx, bucket.name, input.UploadId!, input.Key!);
    discardUpload(ctx, bucket.name, upload.uploadId);
    return {};
  },
});
