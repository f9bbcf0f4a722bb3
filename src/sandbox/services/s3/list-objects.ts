import type { ListObjectsOutput, ListObjectsRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { LISTING_CONSTRAINTS } from "./constraints.js";
import { afterKey, encoder, entryKey, listingParameters, objectPage, walkCurrentObjects } from "./listing.js";

/**
 * ListObjects (version 1, `GET /<bucket>` without `list-type=2`): the current objects in key
 * order from after `marker`, with delimiter roll-up, every object with its owner. S3 gives
 * `NextMarker` only when a delimiter was given; without one the next marker is the last key
 * of the page, which is what the AWS CLI, boto3 and the SDK paginators then send.
 */
export const listObjects = defineOperation<ListObjectsRequest, ListObjectsOutput>({
  name: "ListObjects",
  constraints: LISTING_CONSTRAINTS,
  handler: (input, ctx) => {
    const { bucket, prefix, delimiter, maxKeys } = listingParameters(ctx, input);
    const marker = input.Marker || undefined;
    const { entries, truncated, last } = walkCurrentObjects(ctx, bucket.name, {
      prefix,
      delimiter,
      after: marker === undefined ? undefined : afterKey(marker, prefix, delimiter),
      maxKeys,
    });
    const enc = encoder(input.EncodingType);
    return {
      Name: bucket.name,
      Prefix: enc(prefix),
      Marker: enc(input.Marker ?? ""),
      Delimiter: enc(input.Delimiter),
      MaxKeys: maxKeys,
      IsTruncated: truncated,
      NextMarker: truncated && last && delimiter !== undefined ? enc(entryKey(last)) : undefined,
      ...objectPage(entries, enc, true),
      EncodingType: input.EncodingType,
    };
  },
});
