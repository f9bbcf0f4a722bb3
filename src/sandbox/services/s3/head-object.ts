import type { HeadObjectOutput, HeadObjectRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { CHECKSUM_MODE, OBJECT_CONSTRAINTS } from "./constraints.js";
import { checkConditions, readObjectVersion, readResponse } from "./object-read.js";

/** S3-4: GetObject's headers without the body; errors have no body (S3P-5: boto3 sees "404"). */
export const headObject = defineOperation<HeadObjectRequest, HeadObjectOutput>({
  name: "HeadObject",
  constraints: { ...OBJECT_CONSTRAINTS, ChecksumMode: CHECKSUM_MODE },
  handler: (input, ctx) => {
    const { bucket, doc } = readObjectVersion(ctx, input, "HEAD");
    checkConditions(input, doc, 304);
    return readResponse(bucket, doc, input).members;
  },
  // S3-4: a served byte range is 206 Partial Content.
  status: (out) => (out.ContentRange !== undefined ? 206 : undefined),
});
