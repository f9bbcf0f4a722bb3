import type { DeleteBucketTaggingRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { requireBucket, saveBucket } from "./buckets.js";

/** S3-8: 204, also when the bucket had no tags. */
export const deleteBucketTagging = defineOperation<DeleteBucketTaggingRequest, Record<string, never>>({
  name: "DeleteBucketTagging",
  handler: (input, ctx) => {
    const bucket = requireBucket(ctx, input.Bucket!);
    delete bucket.tags;
    saveBucket(ctx, bucket);
    return {};
  },
});
