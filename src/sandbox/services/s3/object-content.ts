/**
 * The content attributes an object keeps (S3-4: Content-Type, x-amz-meta-*, ...): read from a write
 * request, returned on GET/HEAD, and the request limits S3 puts on them.
 */
import type { StorageClass } from "@aws-sdk/client-s3";
import { ServiceError } from "../../errors.js";
import { contentEncodingWithoutAwsChunked } from "../../protocol/aws-chunked.js";
import type { ObjectContent } from "./objects.js";

/** S3's default when a PUT carries no Content-Type. */
const DEFAULT_CONTENT_TYPE = "binary/octet-stream";
const MAX_METADATA_BYTES = 2048;
const MAX_KEY_BYTES = 1024;

export interface ContentInput {
  ContentType?: string;
  ContentEncoding?: string;
  ContentDisposition?: string;
  ContentLanguage?: string;
  CacheControl?: string;
  Expires?: Date;
  Metadata?: Record<string, string>;
  StorageClass?: string;
}

/** KeyTooLongError when the key exceeds 1024 UTF-8 bytes. */
export function checkKeyLength(key: string): void {
  const size = Buffer.byteLength(key, "utf8");
  if (size > MAX_KEY_BYTES)
    throw new ServiceError(
      "KeyTooLongError",
      "Your key is too long",
      { Size: size, MaxSizeAllowed: MAX_KEY_BYTES },
      400,
    );
}

export function contentFromInput(input: ContentInput): ObjectContent {
  const metadata = input.Metadata ?? {};
  const size = Object.entries(metadata).reduce(
    (n, [k, v]) => n + Buffer.byteLength(k, "utf8") + Buffer.byteLength(v, "utf8"),
    0,
  );
  if (size > MAX_METADATA_BYTES)
    throw new ServiceError(
      "MetadataTooLarge",
      "Your metadata headers exceed the maximum allowed metadata size.",
      { Size: size, MaxSizeAllowed: MAX_METADATA_BYTES },
      400,
    );
  const content: ObjectContent = {
    contentType: input.ContentType ?? DEFAULT_CONTENT_TYPE,
    contentEncoding: contentEncodingWithoutAwsChunked(input.ContentEncoding),
    contentDisposition: input.ContentDisposition,
    contentLanguage: input.ContentLanguage,
    cacheControl: input.CacheControl,
    expires: input.Expires?.toISOString(),
    storageClass: input.StorageClass,
  };
  if (Object.keys(metadata).length > 0) content.metadata = metadata;
  return content;
}

/** The GET/HEAD members of stored content; `x-amz-storage-class` only when not STANDARD, as S3 does. */
export function contentMembers(c: ObjectContent | undefined) {
  return {
    ContentType: c?.contentType,
    ContentEncoding: c?.contentEncoding,
    ContentDisposition: c?.contentDisposition,
    ContentLanguage: c?.contentLanguage,
    CacheControl: c?.cacheControl,
    Expires: c?.expires ? new Date(c.expires) : undefined,
    Metadata: c?.metadata,
    StorageClass: (c?.storageClass && c.storageClass !== "STANDARD" ? c.storageClass : undefined) as
      StorageClass | undefined,
  };
}

export interface ResponseOverrides {
  ResponseCacheControl?: string;
  ResponseContentDisposition?: string;
  ResponseContentEncoding?: string;
  ResponseContentLanguage?: string;
  ResponseContentType?: string;
  ResponseExpires?: Date;
}

/** `response-content-type` & co. replace the stored values in the answer of GET/HEAD. */
export function applyOverrides<T extends ReturnType<typeof contentMembers>>(
  members: T,
  o: ResponseOverrides,
): T {
  return {
    ...members,
    CacheControl: o.ResponseCacheControl ?? members.CacheControl,
    ContentDisposition: o.ResponseContentDisposition ?? members.ContentDisposition,
    ContentEncoding: o.ResponseContentEncoding ?? members.ContentEncoding,
    ContentLanguage: o.ResponseContentLanguage ?? members.ContentLanguage,
    ContentType: o.ResponseContentType ?? members.ContentType,
    Expires: o.ResponseExpires ?? members.Expires,
  };
}
