/** S3 tag sets (S3-8): buckets hold up to 50 tags, objects up to 10; problems are InvalidTag 400. */
import type { S3Tag } from "./buckets.js";
import { invalidTag } from "./errors.js";

export const MAX_BUCKET_TAGS = 50;
export const MAX_OBJECT_TAGS = 10;

const ALLOWED = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Validates a whole tag set and returns it as stored. */
export function checkTagSet(
  tags: Array<{ Key?: string; Value?: string }>,
  max: number,
  what: "bucket" | "object",
): S3Tag[] {
  if (tags.length > max)
    throw invalidTag(
      what === "object"
        ? `Object tags cannot be greater than ${max}`
        : `Bucket tag count cannot be greater than ${max}`,
    );
  const seen = new Set<string>();
  const out: S3Tag[] = [];
  for (const t of tags) {
    const Key = t.Key ?? "";
    const Value = t.Value ?? "";
    if (Key.length < 1 || [...Key].length > 128 || !ALLOWED.test(Key))
      throw invalidTag("The TagKey you have provided is invalid");
    if ([...Value].length > 256 || !ALLOWED.test(Value))
      throw invalidTag("The TagValue you have provided is invalid");
    if (what === "bucket" && Key.toLowerCase().startsWith("aws:"))
      throw invalidTag("System tags cannot be added/updated by requester");
    if (seen.has(Key)) throw invalidTag("Cannot provide multiple Tags with the same key");
    seen.add(Key);
    out.push({ Key, Value });
  }
  return out;
}

/** Tags of the `x-amz-tagging` header (URL query encoded: `k1=v1&k2=v2`). */
export function parseTaggingHeader(value: string | undefined): S3Tag[] | undefined {
  if (value === undefined || value === "") return undefined;
  const tags = [...new URLSearchParams(value)].map(([Key, Value]) => ({ Key, Value }));
  return checkTagSet(tags, MAX_OBJECT_TAGS, "object");
}
