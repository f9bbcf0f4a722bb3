import type { GetBucketVersioningOutput, GetBucketVersioningRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { requireBucket } from "./buckets.js";

/** S3-3: an empty configuration until versioning was ever configured. */
export const getBucketVersioning = defineOperation<GetBucketVersioningRequest, GetBucketVersioningOutput>({
  name: "GetBucketVersioning",
  handler: (input, ctx) => ({ Status: requireBucket(ctx, input.Bucket!).versioning }),
});
