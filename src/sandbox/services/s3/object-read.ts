/**
 * Reading an object (GetObject, HeadObject, tagging, CopyObject's source): which version a request
 * names and the errors S3 gives (S3-4), conditional requests and byte ranges.
 */
import { ServiceError } from "../../errors.js";
import type { OperationContext } from "../types.js";
import { type BucketDoc, requireBucket } from "./buckets.js";
import { checksumMembers } from "./checksums.js";
import { noSuchKey, noSuchVersion } from "./errors.js";
import { applyOverrides, contentMembers, type ResponseOverrides } from "./object-content.js";
import { type ObjectVersionDoc, reportedVersionId, resolveVersion } from "./objects.js";

export interface ObjectAddress {
  Bucket?: string;
  Key?: string;
  VersionId?: string;
}

/**
 * The version a request addresses. Missing key -> NoSuchKey; missing version -> NoSuchVersion; the
 * newest version being a delete marker -> NoSuchKey with `x-amz-delete-marker: true`; a delete marker
 * named by version id -> 405 MethodNotAllowed.
 */
export function readObjectVersion(
  ctx: OperationContext,
  input: ObjectAddress,
  method: string,
): { bucket: BucketDoc; doc: ObjectVersionDoc } {
  const bucket = requireBucket(ctx, input.Bucket!);
  const key = input.Key!;
  const doc = resolveVersion(ctx, bucket.name, key, input.VersionId);
  if (!doc) throw input.VersionId === undefined ? noSuchKey(key) : noSuchVersion(key, input.VersionId);
  if (doc.deleteMarker) {
    const headers = {
      "x-amz-delete-marker": "true",
      "x-amz-version-id": reportedVersionId(bucket, doc) ?? "null",
      "last-modified": new Date(doc.lastModified).toUTCString(),
    };
    if (input.VersionId === undefined) throw noSuchKey(key, headers);
    throw new ServiceError(
      "MethodNotAllowed",
      "The specified method is not allowed against this resource.",
      { Method: method, ResourceType: "DeleteMarker" },
      405,
      headers,
    );
  }
  return { bucket, doc };
}

export interface Conditions {
  IfMatch?: string;
  IfNoneMatch?: string;
  IfModifiedSince?: Date;
  IfUnmodifiedSince?: Date;
}

const etagList = (v: string) => v.split(",").map((e) => e.trim().replace(/^W\//, ""));
const unquote = (e: string) => e.replace(/^"(.*)"$/, "$1");

function etagMatches(header: string, etag: string | undefined): boolean {
  return etagList(header).some((e) => e === "*" || unquote(e) === unquote(etag ?? ""));
}

/**
 * RFC 7232 as S3 applies it: If-Match false -> 412; If-None-Match true -> 304 (GET/HEAD) or 412;
 * If-Unmodified-Since ignored when If-Match holds; If-Modified-Since ignored when If-None-Match fails.
 */
export function checkConditions(c: Conditions, doc: ObjectVersionDoc, notModifiedStatus: 304 | 412): void {
  const modified = new Date(doc.lastModified).getTime();
  const failed = (condition: string) =>
    new ServiceError(
      "PreconditionFailed",
      "At least one of the pre-conditions you specified did not hold",
      {
        Condition: condition,
      },
      412,
    );
  const notModified = () =>
    notModifiedStatus === 304
      ? new ServiceError("NotModified", "Not Modified", {}, 304)
      : failed("If-None-Match");
  if (c.IfMatch !== undefined && !etagMatches(c.IfMatch, doc.etag)) throw failed("If-Match");
  if (c.IfMatch === undefined && c.IfUnmodifiedSince && modified > c.IfUnmodifiedSince.getTime())
    throw failed("If-Unmodified-Since");
  if (c.IfNoneMatch !== undefined && etagMatches(c.IfNoneMatch, doc.etag)) throw notModified();
  if (c.IfNoneMatch === undefined && c.IfModifiedSince && modified <= c.IfModifiedSince.getTime())
    throw notModified();
}

/**
 * A single `bytes=` range (S3 ignores multi-range and malformed values and serves the whole object);
 * unsatisfiable -> 416 InvalidRange.
 */
export function parseRange(
  range: string | undefined,
  size: number,
): { start: number; end: number } | undefined {
  if (range === undefined) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (!m || (m[1] === "" && m[2] === "")) return undefined;
  let start: number;
  let end: number;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
    if (suffix === 0) start = size;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== "" && Number(m[2]) < start) return undefined;
  }
  if (start >= size || end < start)
    throw new ServiceError(
      "InvalidRange",
      "The requested range is not satisfiable",
      { RangeRequested: range, ActualObjectSize: size },
      416,
    );
  return { start, end };
}

/** Byte range of part `n` of a multipart object (GET/HEAD `?partNumber=`). */
export function partRange(doc: ObjectVersionDoc, partNumber: number): { start: number; end: number } {
  const sizes = doc.partSizes ?? [doc.size ?? 0];
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > sizes.length)
    throw new ServiceError(
      "InvalidPartNumber",
      "The requested partnumber is not satisfiable",
      {
        PartNumberRequested: partNumber,
        ActualPartCount: sizes.length,
      },
      416,
    );
  const start = sizes.slice(0, partNumber - 1).reduce((a, b) => a + b, 0);
  return { start, end: start + sizes[partNumber - 1] - 1 };
}

export interface ReadInput extends ObjectAddress, Conditions, ResponseOverrides {
  Range?: string;
  PartNumber?: number;
  ChecksumMode?: string;
}

/**
 * What GetObject and HeadObject answer for a version: headers, plus the byte range served.
 * Checksums only for whole-object reads with `x-amz-checksum-mode: ENABLED` (S3-10).
 */
export function readResponse(bucket: BucketDoc, doc: ObjectVersionDoc, input: ReadInput) {
  const size = doc.size ?? 0;
  const range =
    input.PartNumber !== undefined ? partRange(doc, input.PartNumber) : parseRange(input.Range, size);
  const whole = range === undefined;
  const length = whole ? size : range.end - range.start + 1;
  const members = {
    AcceptRanges: "bytes",
    LastModified: new Date(doc.lastModified),
    ContentLength: length,
    ContentRange: whole || size === 0 ? undefined : `bytes ${range.start}-${range.end}/${size}`,
    ETag: doc.etag,
    VersionId: reportedVersionId(bucket, doc),
    ServerSideEncryption: "AES256" as const,
    TagCount: doc.tags && doc.tags.length > 0 ? doc.tags.length : undefined,
    PartsCount: input.PartNumber !== undefined && doc.partsCount ? doc.partsCount : undefined,
    ...applyOverrides(contentMembers(doc.content), input),
    ...(whole && input.ChecksumMode === "ENABLED" ? checksumMembers(doc.checksum) : {}),
  };
  return { members, range };
}
