import type { ListObjectVersionsOutput, ListObjectVersionsRequest } from "@aws-sdk/client-s3";
import { defineOperation } from "../types.js";
import { ownerOf } from "./buckets.js";
import { LISTING_CONSTRAINTS } from "./constraints.js";
import { invalidArgument } from "./errors.js";
import { afterKey, encoder, entryKey, listingParameters, walkVersions } from "./listing.js";
import { checkVersionId, findVersion, objectVersions, versionDocId, versionIdDocId } from "./objects.js";

/**
 * S3-5: every version and delete marker, keys ascending and newest version first, resumable at
 * key-marker / version-id-marker; truncated pages carry NextKeyMarker / NextVersionIdMarker.
 */
export const listObjectVersions = defineOperation<ListObjectVersionsRequest, ListObjectVersionsOutput>({
  name: "ListObjectVersions",
  constraints: LISTING_CONSTRAINTS,
  handler: (input, ctx) => {
    const { bucket, prefix, delimiter, maxKeys } = listingParameters(ctx, input);
    const keyMarker = input.KeyMarker || undefined;
    const versionMarker = input.VersionIdMarker || undefined;
    if (versionMarker !== undefined && keyMarker === undefined)
      throw invalidArgument(
        "A version-id marker cannot be specified without a key marker.",
        "version-id-marker",
        versionMarker,
      );
    let after: string | undefined;
    let resumeKey: string | undefined;
    if (keyMarker !== undefined && versionMarker !== undefined) {
      checkVersionId(versionMarker);
      resumeKey = keyMarker;
      if (versionMarker === "null") {
        const nullVersion = findVersion(ctx, bucket.name, keyMarker, "null");
        after = nullVersion
          ? versionDocId(keyMarker, nullVersion.sortKey)
          : afterKey(keyMarker, prefix, delimiter);
      } else {
        after = versionIdDocId(keyMarker, versionMarker);
      }
    } else if (keyMarker !== undefined) {
      after = afterKey(keyMarker, prefix, delimiter);
    }
    const { entries, truncated } = walkVersions(objectVersions(ctx, bucket.name), {
      prefix,
      delimiter,
      after,
      resumeKey,
      maxKeys,
      latestOnly: false,
    });
    const enc = encoder(input.EncodingType);
    const versions: NonNullable<ListObjectVersionsOutput["Versions"]> = [];
    const markers: NonNullable<ListObjectVersionsOutput["DeleteMarkers"]> = [];
    const prefixes: Array<{ Prefix?: string }> = [];
    for (const e of entries) {
      if (e.kind === "prefix") {
        prefixes.push({ Prefix: enc(e.prefix) });
        continue;
      }
      const d = e.doc;
      const common = {
        Key: enc(d.key),
        VersionId: d.versionId,
        IsLatest: e.isLatest,
        LastModified: new Date(d.lastModified),
        Owner: ownerOf(d.owner),
      };
      if (d.deleteMarker) markers.push(common);
      else
        versions.push({
          ...common,
          ETag: d.etag,
          Size: d.size ?? 0,
          StorageClass: "STANDARD",
          ChecksumAlgorithm: d.checksum ? [d.checksum.algorithm as "CRC32"] : undefined,
          ChecksumType: d.checksum?.type,
        });
    }
    const last = entries[entries.length - 1];
    return {
      Name: bucket.name,
      Prefix: enc(prefix),
      Delimiter: enc(input.Delimiter),
      MaxKeys: maxKeys,
      KeyMarker: enc(input.KeyMarker ?? ""),
      VersionIdMarker: input.VersionIdMarker ?? "",
      IsTruncated: truncated,
      NextKeyMarker: truncated && last ? enc(entryKey(last)) : undefined,
      NextVersionIdMarker: truncated && last?.kind === "version" ? last.doc.versionId : undefined,
      Versions: versions.length > 0 ? versions : undefined,
      DeleteMarkers: markers.length > 0 ? markers : undefined,
      CommonPrefixes: prefixes.length > 0 ? prefixes : undefined,
      EncodingType: input.EncodingType,
    };
  },
});
