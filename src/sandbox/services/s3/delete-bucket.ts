import type { DeleteBucketRequest } from "@aws-sdk/client-s3";
import { ServiceError } from "../../errors.js";
import { defineOperation } from "../types.js";
import { buckets, requireBucket } from "./buckets.js";
import { uploads } from "./multipart.js";
import { objectVersions } from "./objects.js";

/** S3-7: 204; any version, delete marker or multipart upload left -> 409 BucketNotEmpty. */
export const deleteBucket = defineOperation<DeleteBucketRequest, Record<string, never>>({
  name: "DeleteBucket",
  handler: (input, ctx) => {
    const bucket = requireBucket(ctx, input.Bucket!);
    if (
      objectVersions(ctx, bucket.name).list({ limit: 1 }).length > 0 ||
      uploads(ctx, bucket.name).count() > 0
    )
      throw new ServiceError(
        "BucketNotEmpty",
        bucket.versioning
          ? "The bucket you tried to delete is not empty. You must delete all versions in the bucket."
          : "The bucket you tried to delete is not empty",
        { BucketName: bucket.name },
        409,
      );
    buckets(ctx).delete(bucket.name);
    return {};
  },
});
