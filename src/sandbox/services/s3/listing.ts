/**
 * The ordered walk behind ListObjects, ListObjectsV2 and ListObjectVersions (S3-5): versions in
 * id order (keys ascending, newest version first), `prefix` as an id prefix, `delimiter` rolling
 * keys up into common prefixes (each counted once against max-keys and skipped in one jump), and
 * exact truncation (one more qualifying entry must exist for IsTruncated). Also what the object
 * listings render alike: an object's summary, the common prefixes, url encoding.
 */
import type { _Object, CommonPrefix } from "@aws-sdk/client-s3";
import type { Collection } from "../../storage/store.js";
import type { OperationContext } from "../types.js";
import { type BucketDoc, ownerOf, requireBucket } from "./buckets.js";
import { invalidArgument } from "./errors.js";
import { AFTER_KEY, AFTER_PREFIX, type ObjectVersionDoc, objectVersions } from "./objects.js";

export type ListEntry =
  | { kind: "version"; id: string; doc: ObjectVersionDoc; isLatest: boolean }
  | { kind: "prefix"; prefix: string };

export interface WalkOptions {
  prefix: string;
  delimiter?: string;
  /** Exclusive id bound to start after (undefined = from the first id with the prefix). */
  after?: string;
  /** The key whose newer versions precede `after` (resuming inside a key's versions). */
  resumeKey?: string;
  maxKeys: number;
  /** ListObjectsV2: only the newest version of each key, and none when it is a delete marker. */
  latestOnly: boolean;
}

export interface WalkResult {
  entries: ListEntry[];
  truncated: boolean;
}

const BATCH = 256;

/** The current objects of a bucket (ListObjects, ListObjectsV2), with the page's last entry. */
export function walkCurrentObjects(
  ctx: OperationContext,
  bucket: string,
  opts: Omit<WalkOptions, "latestOnly" | "resumeKey">,
): WalkResult & { last?: ListEntry } {
  const result = walkVersions(objectVersions(ctx, bucket), { ...opts, latestOnly: true });
  return { ...result, last: result.entries[result.entries.length - 1] };
}

/** The common prefix `key` rolls up into, if any. */
export function commonPrefixOf(
  key: string,
  prefix: string,
  delimiter: string | undefined,
): string | undefined {
  if (!delimiter) return undefined;
  const at = key.indexOf(delimiter, prefix.length);
  return at < 0 ? undefined : key.slice(0, at + delimiter.length);
}

/** The id bound to resume after a key marker / start-after (a whole common prefix when it is one). */
export function afterKey(marker: string, prefix: string, delimiter: string | undefined): string {
  const rolled = marker.startsWith(prefix) ? commonPrefixOf(marker, prefix, delimiter) : undefined;
  return rolled === marker ? marker + AFTER_PREFIX : marker + AFTER_KEY;
}

/** The id bound that resumes after an entry. */
export function afterEntry(entry: ListEntry, latestOnly: boolean): string {
  if (entry.kind === "prefix") return entry.prefix + AFTER_PREFIX;
  return latestOnly ? entry.doc.key + AFTER_KEY : entry.id;
}

export function walkVersions(versions: Collection<ObjectVersionDoc>, opts: WalkOptions): WalkResult {
  const entries: ListEntry[] = [];
  const prefix = opts.prefix === "" ? undefined : opts.prefix;
  let after = opts.after;
  let lastKey = opts.resumeKey;
  if (opts.maxKeys <= 0) return { entries, truncated: false };
  for (;;) {
    const batch = versions.list({ after, prefix, limit: BATCH });
    let jumped = false;
    for (const { id, doc } of batch) {
      const isLatest = doc.key !== lastKey;
      lastKey = doc.key;
      after = id;
      // A common prefix shows only when a listed entry falls under it (a live key for V2).
      if (opts.latestOnly && (!isLatest || doc.deleteMarker)) continue;
      const rolled = commonPrefixOf(doc.key, opts.prefix, opts.delimiter);
      if (rolled !== undefined) {
        if (entries.length >= opts.maxKeys) return { entries, truncated: true };
        entries.push({ kind: "prefix", prefix: rolled });
        after = rolled + AFTER_PREFIX;
        lastKey = undefined;
        jumped = true;
        break;
      }
      if (entries.length >= opts.maxKeys) return { entries, truncated: true };
      entries.push({ kind: "version", id, doc, isLatest });
    }
    if (!jumped && batch.length < BATCH) return { entries, truncated: false };
  }
}

/** The key or common prefix an entry stands for (what a key marker resumes after). */
export const entryKey = (entry: ListEntry): string =>
  entry.kind === "prefix" ? entry.prefix : entry.doc.key;

type Encode = (s: string | undefined) => string | undefined;

/** The `<Contents>` of the current version of an object (ListObjects, ListObjectsV2). */
export function objectSummary(doc: ObjectVersionDoc, enc: Encode, withOwner: boolean): _Object {
  return {
    Key: enc(doc.key),
    LastModified: new Date(doc.lastModified),
    ETag: doc.etag,
    Size: doc.size ?? 0,
    StorageClass: (doc.content?.storageClass ?? "STANDARD") as "STANDARD",
    ChecksumAlgorithm: doc.checksum ? [doc.checksum.algorithm as "CRC32"] : undefined,
    ChecksumType: doc.checksum?.type,
    Owner: withOwner ? ownerOf(doc.owner) : undefined,
  };
}

/** The listed objects and common prefixes of a page, each undefined when empty (no empty element). */
export function objectPage(
  entries: ListEntry[],
  enc: Encode,
  withOwner: boolean,
): { Contents?: _Object[]; CommonPrefixes?: CommonPrefix[] } {
  const contents: _Object[] = [];
  const prefixes: CommonPrefix[] = [];
  for (const e of entries) {
    if (e.kind === "prefix") prefixes.push({ Prefix: enc(e.prefix) });
    else contents.push(objectSummary(e.doc, enc, withOwner));
  }
  return {
    Contents: contents.length > 0 ? contents : undefined,
    CommonPrefixes: prefixes.length > 0 ? prefixes : undefined,
  };
}

/** `encoding-type=url`: S3 percent-encodes keys and prefixes in listings (botocore decodes them). */
export function encoder(encodingType: string | undefined): Encode {
  if (encodingType !== "url") return (s) => s;
  return (s) => (s === undefined ? undefined : encodeURIComponent(s).replace(/%2F/g, "/"));
}

/** S3-5: at most 1000 keys a page, whatever max-keys asks for. */
export const MAX_KEYS = 1000;

/** The parameters every listing shares: the bucket, prefix, delimiter and page size (0..1000). */
export function listingParameters(
  ctx: OperationContext,
  input: { Bucket?: string; Prefix?: string; Delimiter?: string; MaxKeys?: number },
): { bucket: BucketDoc; prefix: string; delimiter: string | undefined; maxKeys: number } {
  const bucket = requireBucket(ctx, input.Bucket!);
  if (input.MaxKeys !== undefined && input.MaxKeys < 0)
    throw invalidArgument("Argument maxKeys must be an integer between 0 and 2147483647", "max-keys");
  return {
    bucket,
    prefix: input.Prefix ?? "",
    delimiter: input.Delimiter || undefined,
    maxKeys: Math.min(input.MaxKeys ?? MAX_KEYS, MAX_KEYS),
  };
}
