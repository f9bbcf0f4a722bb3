/**
 * Object versions. One document per version (delete markers included) with id
 * `<key>\u0001<sortKey>`: ids sort by key, then newest version first (the sort key is a
 * descending sequence), which is exactly the order of ListObjectVersions (S3-5) and makes the
 * latest version of a key the first id after `<key>\u0001`. Non-null version ids start with
 * the sort key, so a version is found by id without scanning; the `null` version (unversioned
 * or suspended writes, S3-3) is found among the key's few versions.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Collection } from "../../storage/store.js";
import type { OperationContext } from "../types.js";
import { type BucketDoc, bucketScope, S3_KIND, type S3Tag, saveBucket } from "./buckets.js";
import type { StoredChecksum } from "./checksums.js";
import { invalidVersionId } from "./errors.js";

/** Separates the key from the sort key; sorts below every character a key realistically holds. */
export const KEY_END = "\u0001";
/** Bound just past every version id of a key. */
export const AFTER_KEY = "\u0002";
/** Bound past every id that starts with a given prefix. */
export const AFTER_PREFIX = "\u{10FFFF}";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SORT_KEY_LENGTH = 9;
const VERSION_ID_LENGTH = 32;

/** The stored content attributes of a version (returned by GET/HEAD, kept by CopyObject). */
export interface ObjectContent {
  contentType?: string;
  contentEncoding?: string;
  contentDisposition?: string;
  contentLanguage?: string;
  cacheControl?: string;
  /** ISO-8601 */
  expires?: string;
  metadata?: Record<string, string>;
  storageClass?: string;
}

export interface ObjectVersionDoc {
  key: string;
  /** `null` for the null version */
  versionId: string;
  sortKey: string;
  deleteMarker?: boolean;
  /** ISO-8601, whole seconds */
  lastModified: string;
  /** Account id of the writer. */
  owner: string;
  /** Quoted, e.g. `"d41d8cd98f00b204e9800998ecf8427e"` or `"<hex>-3"` (absent for delete markers). */
  etag?: string;
  size?: number;
  blobId?: string;
  partsCount?: number;
  /** Sizes of the parts of a multipart object, in order (GET `?partNumber=`). */
  partSizes?: number[];
  content?: ObjectContent;
  checksum?: StoredChecksum;
  tags?: S3Tag[];
}

export function objectVersions(ctx: OperationContext, bucket: string): Collection<ObjectVersionDoc> {
  return ctx.store.collection<ObjectVersionDoc>(bucketScope(bucket), S3_KIND.object);
}

export const versionDocId = (key: string, sortKey: string) => `${key}${KEY_END}${sortKey}`;

function encodeSortKey(seq: number): string {
  let n = Number.MAX_SAFE_INTEGER - seq;
  let out = "";
  for (let i = 0; i < SORT_KEY_LENGTH; i++) {
    out = ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

function newVersionId(sortKey: string): string {
  const random = randomBytes(VERSION_ID_LENGTH);
  let out = sortKey;
  for (let i = out.length; i < VERSION_ID_LENGTH; i++) out += ALPHABET[random[i] % 62];
  return out;
}

const VERSION_ID = new RegExp(`^[0-9A-Za-z]{${VERSION_ID_LENGTH}}$`);

/** Whether this S3 could have issued the version id (`null` included). */
export const isWellFormedVersionId = (versionId: string) =>
  versionId === "null" || VERSION_ID.test(versionId);

/** The document id of a non-null version id. */
export const versionIdDocId = (key: string, versionId: string) =>
  versionDocId(key, versionId.slice(0, SORT_KEY_LENGTH));

/** Throws InvalidArgument for a version id this S3 could never have issued. */
export function checkVersionId(versionId: string): void {
  if (!isWellFormedVersionId(versionId)) throw invalidVersionId(versionId);
}

/** Every version of a key, newest first. */
export function versionsOf(ctx: OperationContext, bucket: string, key: string): ObjectVersionDoc[] {
  return objectVersions(ctx, bucket)
    .list({ prefix: `${key}${KEY_END}` })
    .map((e) => e.doc);
}

/** The newest version of a key (possibly a delete marker). */
export function latestVersion(
  ctx: OperationContext,
  bucket: string,
  key: string,
): ObjectVersionDoc | undefined {
  return objectVersions(ctx, bucket).list({ prefix: `${key}${KEY_END}`, limit: 1 })[0]?.doc;
}

/** A version by id (`null` included); undefined when absent. The id must be well formed. */
export function findVersion(
  ctx: OperationContext,
  bucket: string,
  key: string,
  versionId: string,
): ObjectVersionDoc | undefined {
  checkVersionId(versionId);
  if (versionId === "null") return versionsOf(ctx, bucket, key).find((v) => v.versionId === "null");
  const doc = objectVersions(ctx, bucket).get(versionIdDocId(key, versionId));
  return doc?.versionId === versionId ? doc : undefined;
}

/** The version (or latest) a request names; undefined when absent. */
export function resolveVersion(
  ctx: OperationContext,
  bucket: string,
  key: string,
  versionId: string | undefined,
): ObjectVersionDoc | undefined {
  return versionId === undefined ? latestVersion(ctx, bucket, key) : findVersion(ctx, bucket, key, versionId);
}

/** Removes a version and its bytes. */
export function removeVersion(ctx: OperationContext, bucket: string, doc: ObjectVersionDoc): void {
  objectVersions(ctx, bucket).delete(versionDocId(doc.key, doc.sortKey));
  if (doc.blobId) ctx.store.blobs(bucketScope(bucket)).delete(doc.blobId);
}

/** Stores object bytes; returns the blob id to keep in the version. */
export function storeBytes(ctx: OperationContext, bucket: string, data: Buffer): string {
  const blobId = randomUUID();
  ctx.store.blobs(bucketScope(bucket)).put(blobId, data);
  return blobId;
}

export function readBytes(ctx: OperationContext, bucket: string, doc: ObjectVersionDoc): Buffer {
  if (!doc.blobId) return Buffer.alloc(0);
  return ctx.store.blobs(bucketScope(bucket)).get(doc.blobId) ?? Buffer.alloc(0);
}

/** Now, truncated to whole seconds as S3 reports Last-Modified. */
export function nowSeconds(ctx: OperationContext): Date {
  const ms = ctx.clock.nowMs();
  return new Date(ms - (ms % 1000));
}

export type NewVersion = Omit<ObjectVersionDoc, "key" | "versionId" | "sortKey" | "lastModified" | "owner">;

/**
 * Writes a new newest version of `key` (S3-3): with versioning Enabled it gets a fresh version id;
 * otherwise it is the `null` version and replaces the previous `null` version, bytes included.
 */
export function addVersion(
  ctx: OperationContext,
  bucket: BucketDoc,
  key: string,
  fields: NewVersion,
): ObjectVersionDoc {
  const seq = bucket.seq + 1;
  bucket.seq = seq;
  saveBucket(ctx, bucket);
  const sortKey = encodeSortKey(seq);
  const versioned = bucket.versioning === "Enabled";
  if (!versioned) {
    const previousNull = versionsOf(ctx, bucket.name, key).find((v) => v.versionId === "null");
    if (previousNull) removeVersion(ctx, bucket.name, previousNull);
  }
  const doc: ObjectVersionDoc = {
    key,
    versionId: versioned ? newVersionId(sortKey) : "null",
    sortKey,
    lastModified: nowSeconds(ctx).toISOString(),
    owner: ctx.scope.accountId,
    ...fields,
  };
  objectVersions(ctx, bucket.name).put(versionDocId(key, sortKey), doc);
  return doc;
}

/** Rewrites a version in place (tags). */
export function saveVersion(ctx: OperationContext, bucket: string, doc: ObjectVersionDoc): void {
  objectVersions(ctx, bucket).put(versionDocId(doc.key, doc.sortKey), doc);
}

/** `x-amz-version-id` as S3 reports it: absent for buckets that never had versioning configured. */
export function reportedVersionId(bucket: BucketDoc, doc: ObjectVersionDoc): string | undefined {
  if (doc.versionId !== "null") return doc.versionId;
  return bucket.versioning ? "null" : undefined;
}
