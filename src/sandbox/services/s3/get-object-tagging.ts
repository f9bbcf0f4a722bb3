import type { GetObjectTaggingOutput, GetObjectTaggingRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { OBJECT_CONSTRAINTS } from "./constraints.js";
import { readObjectVersion } from "./object-read.js";
import { reportedVersionId } from "./objects.js";

/** S3-8: the tag set of the latest or named version (empty set when untagged). */
export const getObjectTagging = defineOperation<GetObjectTaggingRequest, GetObjectTaggingOutput>({
  name: "GetObjectTagging",
  constraints: OBJECT_CONSTRAINTS,
  handler: (input, ctx) => {
    const { bucket, doc } = readObjectVersion(ctx, input, "GET");
    return { VersionId: reportedVersionId(bucket, doc), TagSet: doc.tags ?? [] };
  },
});
