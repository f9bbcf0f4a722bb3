import type { DeleteObjectOutput, DeleteObjectRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { requireBucket } from "./buckets.js";
import { OBJECT_CONSTRAINTS } from "./constraints.js";
import { deleteObject as deleteOne } from "./object-delete.js";

/** S3-4: 204; a delete marker on versioned buckets, a permanent delete with versionId. */
export const deleteObject = defineOperation<DeleteObjectRequest, DeleteObjectOutput>({
  name: "DeleteObject",
  constraints: OBJECT_CONSTRAINTS,
  handler: (input, ctx) => {
    const bucket = requireBucket(ctx, input.Bucket!);
    const outcome = deleteOne(ctx, bucket, input.Key!, input.VersionId);
    return { VersionId: outcome.versionId, DeleteMarker: outcome.deleteMarker ? true : undefined };
  },
});
