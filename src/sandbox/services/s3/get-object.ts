import type { GetObjectOutput, GetObjectRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { CHECKSUM_MODE, OBJECT_CONSTRAINTS } from "./constraints.js";
import { checkConditions, readObjectVersion, readResponse } from "./object-read.js";
import { readBytes } from "./objects.js";

type GetObjectResult = Omit<GetObjectOutput, "Body"> & { Body: Buffer };

/** S3-4 / S3-9: the bytes of the latest or named version, a byte range, or a part. */
export const getObject = defineOperation<GetObjectRequest, GetObjectResult>({
  name: "GetObject",
  constraints: { ...OBJECT_CONSTRAINTS, ChecksumMode: CHECKSUM_MODE },
  handler: (input, ctx) => {
    const { bucket, doc } = readObjectVersion(ctx, input, "GET");
    checkConditions(input, doc, 304);
    const { members, range } = readResponse(bucket, doc, input);
    const data = readBytes(ctx, bucket.name, doc);
    return { ...members, Body: range ? data.subarray(range.start, range.end + 1) : data };
  },
  // S3-4: a served byte range is 206 Partial Content.
  status: (out) => (out.ContentRange !== undefined ? 206 : undefined),
});
