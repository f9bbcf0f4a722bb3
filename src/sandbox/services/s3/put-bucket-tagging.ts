import type { PutBucketTaggingRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { requireBucket, saveBucket } from "./buckets.js";
import { TAGGING_CONSTRAINTS } from "./constraints.js";
import { checkTagSet, MAX_BUCKET_TAGS } from "./tags.js";

/** S3-8: replaces the whole set (<= 50 tags, else InvalidTag). */
export const putBucketTagging = defineOperation<PutBucketTaggingRequest, Record<string, never>>({
  name: "PutBucketTagging",
  validationError: "InvalidTag",
  constraints: TAGGING_CONSTRAINTS,
  handler: (input, ctx) => {
    const bucket = requireBucket(ctx, input.Bucket!);
    bucket.tags = checkTagSet(input.Tagging?.TagSet ?? [], MAX_BUCKET_TAGS, "bucket");
    saveBucket(ctx, bucket);
    return {};
  },
});
