import type { DeleteObjectTaggingOutput, DeleteObjectTaggingRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { KEY } from "./constraints.js";
import { readObjectVersion } from "./object-read.js";
import { reportedVersionId, saveVersion } from "./objects.js";

/** S3-8: removes the tag set of the latest or named version; 204. */
export const deleteObjectTagging = defineOperation<DeleteObjectTaggingRequest, DeleteObjectTaggingOutput>({
  name: "DeleteObjectTagging",
  constraints: { Key: KEY },
  handler: (input, ctx) => {
    const { bucket, doc } = readObjectVersion(ctx, input, "DELETE");
    delete doc.tags;
    saveVersion(ctx, bucket.name, doc);
    return { VersionId: reportedVersionId(bucket, doc) };
  },
});
