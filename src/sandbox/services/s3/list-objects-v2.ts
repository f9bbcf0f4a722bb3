import type { ListObjectsV2Output, ListObjectsV2Request } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { LISTING_CONSTRAINTS } from "./constraints.js";
import { invalidArgument } from "./errors.js";
import {
  afterEntry,
  afterKey,
  encoder,
  listingParameters,
  objectPage,
  walkCurrentObjects,
} from "./listing.js";

function encodeToken(after: string): string {
  return Buffer.from(JSON.stringify({ a: after }), "utf8").toString("base64");
}

function decodeToken(token: string): string {
  try {
    const v = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as { a?: unknown };
    if (typeof v.a === "string") return v.a;
  } catch {
    // fall through
  }
  throw invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
}

/** The current (non delete marker) objects in key order, with delimiter roll-up and continuation. */
export const listObjectsV2 = defineOperation<ListObjectsV2Request, ListObjectsV2Output>({
  name: "ListObjectsV2",
  constraints: LISTING_CONSTRAINTS,
  handler: (input, ctx) => {
    const { bucket, prefix, delimiter, maxKeys } = listingParameters(ctx, input);
    let after: string | undefined;
    if (input.ContinuationToken !== undefined) after = decodeToken(input.ContinuationToken);
    else if (input.StartAfter) after = afterKey(input.StartAfter, prefix, delimiter);
    const { entries, truncated, last } = walkCurrentObjects(ctx, bucket.name, {
      prefix,
      delimiter,
      after,
      maxKeys,
    });
    const enc = encoder(input.EncodingType);
    return {
      Name: bucket.name,
      Prefix: enc(prefix),
      Delimiter: enc(input.Delimiter),
      MaxKeys: maxKeys,
      KeyCount: entries.length,
      IsTruncated: truncated,
      ...objectPage(entries, enc, input.FetchOwner === true),
      ContinuationToken: input.ContinuationToken,
      NextContinuationToken: truncated && last ? encodeToken(afterEntry(last, true)) : undefined,
      StartAfter: enc(input.StartAfter),
      EncodingType: input.EncodingType,
    };
  },
});
