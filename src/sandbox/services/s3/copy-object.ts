import type { CopyObjectOutput, CopyObjectRequest } from "@aws-sdk/client-s3";
import { ServiceError } from "../../errors.js";
import { defineOperation } from "../types.js";
import { requireBucket } from "./buckets.js";
import { checksumMembers, computeChecksum, md5Hex, type StoredChecksum } from "./checksums.js";
import { DIRECTIVE, WRITE_OBJECT_CONSTRAINTS } from "./constraints.js";
import { invalidArgument, invalidRequest } from "./errors.js";
import { checkKeyLength, contentFromInput } from "./object-content.js";
import { checkConditions, readObjectVersion } from "./object-read.js";
import { addVersion, readBytes, reportedVersionId, storeBytes } from "./objects.js";
import { parseTaggingHeader } from "./tags.js";

/** `x-amz-copy-source`: `[/]<bucket>/<url-encoded key>[?versionId=<id>]`. */
function parseCopySource(raw: string): { Bucket: string; Key: string; VersionId?: string } {
  const q = raw.indexOf("?");
  const versionId = q < 0 ? undefined : (new URLSearchParams(raw.slice(q + 1)).get("versionId") ?? undefined);
  let path: string;
  try {
    path = decodeURIComponent((q < 0 ? raw : raw.slice(0, q)).replace(/^\//, ""));
  } catch {
    throw invalidArgument("Invalid copy source encoding", "x-amz-copy-source", raw);
  }
  const slash = path.indexOf("/");
  if (slash < 1 || slash === path.length - 1)
    throw invalidArgument("Invalid copy source object key", "x-amz-copy-source", raw);
  return { Bucket: path.slice(0, slash), Key: path.slice(slash + 1), VersionId: versionId };
}

/**
 * A single-request copy: new ETag (MD5 of the bytes), metadata and tags copied or replaced per
 * directive, checksum recomputed in the source's (or the requested) algorithm.
 */
export const copyObject = defineOperation<CopyObjectRequest, CopyObjectOutput>({
  name: "CopyObject",
  constraints: {
    ...WRITE_OBJECT_CONSTRAINTS,
    CopySource: { pattern: "^\\/?.+\\/.+$" },
    MetadataDirective: DIRECTIVE,
    TaggingDirective: DIRECTIVE,
  },
  handler: (input, ctx) => {
    const source = parseCopySource(input.CopySource!);
    const src = readObjectVersion(ctx, source, "GET");
    checkConditions(
      {
        IfMatch: input.CopySourceIfMatch,
        IfNoneMatch: input.CopySourceIfNoneMatch,
        IfModifiedSince: input.CopySourceIfModifiedSince,
        IfUnmodifiedSince: input.CopySourceIfUnmodifiedSince,
      },
      src.doc,
      412,
    );
    const bucket = requireBucket(ctx, input.Bucket!);
    const key = input.Key!;
    checkKeyLength(key);
    const replaceMetadata = input.MetadataDirective === "REPLACE";
    if (
      source.Bucket === bucket.name &&
      source.Key === key &&
      source.VersionId === undefined &&
      !replaceMetadata &&
      !input.StorageClass &&
      !input.WebsiteRedirectLocation &&
      !input.ServerSideEncryption &&
      !input.ChecksumAlgorithm
    )
      throw invalidRequest(
        "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
      );
    const data = readBytes(ctx, src.bucket.name, src.doc);
    const content = replaceMetadata
      ? contentFromInput(input)
      : { ...src.doc.content, ...(input.StorageClass ? { storageClass: input.StorageClass } : {}) };
    const tags = input.TaggingDirective === "REPLACE" ? parseTaggingHeader(input.Tagging) : src.doc.tags;
    const algorithm = input.ChecksumAlgorithm ?? src.doc.checksum?.algorithm;
    const value = algorithm ? computeChecksum(algorithm, data) : undefined;
    const checksum: StoredChecksum | undefined =
      algorithm && value ? { algorithm, value, type: "FULL_OBJECT" } : undefined;
    if (input.ChecksumAlgorithm && !value)
      throw new ServiceError("InvalidRequest", "Checksum algorithm is not supported for copy", {}, 400);
    const etag = `"${md5Hex(data)}"`;
    const doc = addVersion(ctx, bucket, key, {
      etag,
      size: data.length,
      blobId: storeBytes(ctx, bucket.name, data),
      content,
      ...(checksum ? { checksum } : {}),
      ...(tags && tags.length > 0 ? { tags } : {}),
    });
    return {
      CopyObjectResult: {
        ETag: etag,
        LastModified: new Date(doc.lastModified),
        ...checksumMembers(checksum),
      },
      VersionId: reportedVersionId(bucket, doc),
      CopySourceVersionId: reportedVersionId(src.bucket, src.doc),
      ServerSideEncryption: "AES256",
    };
  },
});
