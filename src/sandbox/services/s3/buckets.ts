/**
 * Bucket storage. Buckets are global (one namespace for every account and region, S3-1): the
 * documents live in scope `s3`, id = bucket name, and record the owning account and the region.
 * A bucket's objects, uploads and parts live in their own scope `s3/<bucket>`.
 */
import { createHash } from "node:crypto";
import { ServiceError } from "../../errors.js";
import type { Collection } from "../../storage/store.js";
import type { OperationContext } from "../types.js";
import { noSuchBucket } from "./errors.js";

export const S3_SCOPE = "s3";

export const S3_KIND = {
  bucket: "s3.bucket",
  /** id = `<key>\u0001<sortKey>` (see objects.ts) */
  object: "s3.object",
  /** id = upload id */
  upload: "s3.upload",
  /** id = `<uploadId>/<part number, 5 digits>` */
  part: "s3.part",
} as const;

export interface S3Tag {
  Key: string;
  Value: string;
}

export interface BucketDoc {
  name: string;
  /** Account id of the owner. */
  owner: string;
  region: string;
  /** The LocationConstraint as sent (`EU` stays `EU`); absent for us-east-1. */
  locationConstraint?: string;
  /** ISO-8601 */
  creationDate: string;
  /** Absent until PutBucketVersioning (S3-3). */
  versioning?: "Enabled" | "Suspended";
  tags?: S3Tag[];
  /** Last version sequence number handed out in this bucket (objects.ts). */
  seq: number;
}

export function buckets(ctx: OperationContext): Collection<BucketDoc> {
  return ctx.store.collection<BucketDoc>(S3_SCOPE, S3_KIND.bucket);
}

export const bucketScope = (bucket: string) => `${S3_SCOPE}/${bucket}`;

/** The bucket, or NoSuchBucket (404); a bucket of another account is AccessDenied (403). */
export function requireBucket(ctx: OperationContext, name: string): BucketDoc {
  const doc = buckets(ctx).get(name);
  if (!doc) throw noSuchBucket(name);
  if (doc.owner !== ctx.scope.accountId) throw new ServiceError("AccessDenied", "Access Denied", {}, 403);
  return doc;
}

export function saveBucket(ctx: OperationContext, doc: BucketDoc): void {
  buckets(ctx).put(doc.name, doc);
}

/** S3's canonical user id of an account (64 hex), as shown in `Owner.ID`. */
export function canonicalUserId(accountId: string): string {
  return createHash("sha256").update(`iotdm-canonical-user:${accountId}`).digest("hex");
}

export const ownerOf = (accountId: string) => ({ ID: canonicalUserId(accountId) });

/** S3-1: why `name` is not a valid general purpose bucket name, or undefined when it is. */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return "Bucket name must be between 3 and 63 characters long";
  if (!/^[a-z0-9.-]+$/.test(name))
    return "Bucket name can consist only of lowercase letters, numbers, periods (.), and hyphens (-)";
  if (!/^[a-z0-9].*[a-z0-9]$/.test(name)) return "Bucket name must begin and end with a letter or number";
  if (name.includes("..")) return "Bucket name must not contain two adjacent periods";
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return "Bucket name must not be formatted as an IP address";
  if (/^(xn--|sthree-|amzn-s3-demo-)/.test(name) || /(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name))
    return "Bucket name uses a reserved prefix or suffix";
  return undefined;
}
