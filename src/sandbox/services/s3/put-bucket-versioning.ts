import type { PutBucketVersioningRequest } from "@aws-sdk/client-s3";
import { ServiceError } from "../../errors.js";
import { oneOf } from "../../protocol/validate.js";
import { defineOperation } from "../types.js";
import { requireBucket, saveBucket } from "./buckets.js";
import { CHECKSUM_ALGORITHM } from "./constraints.js";

/** S3-3: Enabled or Suspended; once configured a bucket never returns to unversioned. */
export const putBucketVersioning = defineOperation<PutBucketVersioningRequest, Record<string, never>>({
  name: "PutBucketVersioning",
  validationError: "MalformedXML",
  constraints: {
    ChecksumAlgorithm: CHECKSUM_ALGORITHM,
    "VersioningConfiguration.MFADelete": oneOf("Enabled", "Disabled"),
    "VersioningConfiguration.Status": oneOf("Enabled", "Suspended"),
  },
  handler: (input, ctx) => {
    const bucket = requireBucket(ctx, input.Bucket!);
    const config = input.VersioningConfiguration!;
    if (config.MFADelete === "Enabled" && ctx.headers["x-amz-mfa"] === undefined)
      throw new ServiceError(
        "IllegalVersioningConfigurationException",
        "The MFA Delete configuration requires the x-amz-mfa header",
        {},
        400,
      );
    if (config.Status) {
      bucket.versioning = config.Status as "Enabled" | "Suspended";
      saveBucket(ctx, bucket);
    }
    return {};
  },
});
