import type { GetBucketTaggingOutput, GetBucketTaggingRequest } from "@aws-sdk/client-s3";
import { ServiceError } from "../../errors.js";
import { defineOperation } from "../types.js";
import { requireBucket } from "./buckets.js";

/** S3-8: the set, or 404 NoSuchTagSet when the bucket has none. */
export const getBucketTagging = defineOperation<GetBucketTaggingRequest, GetBucketTaggingOutput>({
  name: "GetBucketTagging",
  handler: (input, ctx) => {
    const bucket = requireBucket(ctx, input.Bucket!);
    if (!bucket.tags || bucket.tags.length === 0)
      throw new ServiceError("NoSuchTagSet", "The TagSet does not exist", { BucketName: bucket.name }, 404);
    return { TagSet: bucket.tags };
  },
});
