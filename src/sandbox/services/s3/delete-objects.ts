import type { _Error, DeletedObject, DeleteObjectsOutput, DeleteObjectsRequest } from "@aws-sdk/client-s3";
import { isServiceError } from "../../errors.js";
import { items } from "../../protocol/validate.js";
import { defineOperation } from "../types.js";
import { requireBucket } from "./buckets.js";
import { ALGORITHMS } from "./checksums.js";
import { CHECKSUM_ALGORITHM, KEY, REQUEST_PAYER } from "./constraints.js";
import { invalidRequest } from "./errors.js";
import { deleteObject } from "./object-delete.js";

/**
 * S3-6: needs Content-MD5 or an `x-amz-checksum-*` header; 1..1000 objects (else MalformedXML);
 * each entry follows S3-4, a missing key or version still counts as deleted; Quiet lists errors only.
 */
export const deleteObjects = defineOperation<DeleteObjectsRequest, DeleteObjectsOutput>({
  name: "DeleteObjects",
  validationError: "MalformedXML",
  constraints: {
    RequestPayer: REQUEST_PAYER,
    ChecksumAlgorithm: CHECKSUM_ALGORITHM,
    "Delete.Objects": items(1, 1000),
    "Delete.Objects[].Key": KEY,
  },
  handler: (input, ctx) => {
    const bucket = requireBucket(ctx, input.Bucket!);
    const integrity = ["content-md5", ...ALGORITHMS.map((a) => a.header)].some(
      (h) => ctx.headers[h] !== undefined,
    );
    if (!integrity) throw invalidRequest("Missing required header for this request: Content-MD5");
    const deleted: DeletedObject[] = [];
    const errors: _Error[] = [];
    for (const o of input.Delete!.Objects!) {
      try {
        const outcome = deleteObject(ctx, bucket, o.Key!, o.VersionId);
        const entry: DeletedObject = { Key: o.Key, VersionId: o.VersionId };
        if (outcome.deleteMarker) {
          entry.DeleteMarker = true;
          entry.DeleteMarkerVersionId = outcome.versionId;
        }
        deleted.push(entry);
      } catch (e) {
        if (!isServiceError(e)) throw e;
        errors.push({ Key: o.Key, VersionId: o.VersionId, Code: e.code, Message: e.message });
      }
    }
    return {
      Deleted: input.Delete!.Quiet ? undefined : deleted,
      Errors: errors.length > 0 ? errors : undefined,
    };
  },
});
