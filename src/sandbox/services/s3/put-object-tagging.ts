import type { PutObjectTaggingOutput, PutObjectTaggingRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { REQUEST_PAYER, TAGGING_CONSTRAINTS } from "./constraints.js";
import { readObjectVersion } from "./object-read.js";
import { reportedVersionId, saveVersion } from "./objects.js";
import { checkTagSet, MAX_OBJECT_TAGS } from "./tags.js";

/** S3-8: replaces the tag set of the latest or named version (<= 10 tags); 200 with x-amz-version-id. */
export const putObjectTagging = defineOperation<PutObjectTaggingRequest, PutObjectTaggingOutput>({
  name: "PutObjectTagging",
  validationError: "InvalidTag",
  constraints: { ...TAGGING_CONSTRAINTS, Key: { min: 1, minMaxOf: "length" }, RequestPayer: REQUEST_PAYER },
  handler: (input, ctx) => {
    const { bucket, doc } = readObjectVersion(ctx, input, "PUT");
    doc.tags = checkTagSet(input.Tagging?.TagSet ?? [], MAX_OBJECT_TAGS, "object");
    saveVersion(ctx, bucket.name, doc);
    return { VersionId: reportedVersionId(bucket, doc) };
  },
});
