import type { GetBucketLocationOutput, GetBucketLocationRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { requireBucket } from "./buckets.js";

/** S3P-3: the constraint as created (`EU` stays `EU`); an empty element for us-east-1. */
export const getBucketLocation = defineOperation<GetBucketLocationRequest, GetBucketLocationOutput>({
  name: "GetBucketLocation",
  handler: (input, ctx) => {
    const bucket = requireBucket(ctx, input.Bucket!);
    return { LocationConstraint: bucket.locationConstraint as GetBucketLocationOutput["LocationConstraint"] };
  },
});
