import type { ListObjectsV2Output, ListObjectsV2Request } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { ownerOf } from "./buckets.js";
import { LISTING_CONSTRAINTS } from "./constraints.js";
import { invalidArgument } from "./errors.js";
import { afterEntry, afterKey, encoder, listingParameters, walkVersions } from "./listing.js";
import { objectVersions } from "./objects.js";

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
    const { entries, truncated } = walkVersions(objectVersions(ctx, bucket.name), {
      prefix,
      delimiter,
      after,
      maxKeys,
      latestOnly: true,
    });
    const enc = encoder(input.EncodingType);
    const contents = entries.flatMap((e) =>
      e.kind === "version"
        ? [
            {
              Key: enc(e.doc.key),
              LastModified: new Date(e.doc.lastModified),
              ETag: e.doc.etag,
              Size: e.doc.size ?? 0,
              StorageClass: (e.doc.content?.storageClass ?? "STANDARD") as "STANDARD",
              ChecksumAlgorithm: e.doc.checksum ? [e.doc.checksum.algorithm as "CRC32"] : undefined,
              ChecksumType: e.doc.checksum?.type,
              Owner: input.FetchOwner ? ownerOf(e.doc.owner) : undefined,
            },
          ]
        : [],
    );
    const prefixes = entries.flatMap((e) => (e.kind === "prefix" ? [{ Prefix: enc(e.prefix) }] : []));
    const last = entries[entries.length - 1];
    return {
      Name: bucket.name,
      Prefix: enc(prefix),
      Delimiter: enc(input.Delimiter),
      MaxKeys: maxKeys,
      KeyCount: entries.length,
      IsTruncated: truncated,
      Contents: contents.length > 0 ? contents : undefined,
      CommonPrefixes: prefixes.length > 0 ? prefixes : undefined,
      ContinuationToken: input.ContinuationToken,
      NextContinuationToken: truncated && last ? encodeToken(afterEntry(last, true)) : undefined,
      StartAfter: enc(input.StartAfter),
      EncodingType: input.EncodingType,
    };
  },
});
