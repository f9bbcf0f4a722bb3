import type { HeadBucketOutput, HeadBucketRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { requireBucket } from "./buckets.js";

/** S3-2: 200 with `x-amz-bucket-region`; 404/403 without a body (HEAD). */
export const headBucket = defineOperation<HeadBucketRequest, HeadBucketOutput>({
  name: "HeadBucket",
  handler: (input, ctx) => {
    const bucket = requireBucket(ctx, input.Bucket!);
    return { BucketRegion: bucket.region, AccessPointAlias: false };
  },
});
