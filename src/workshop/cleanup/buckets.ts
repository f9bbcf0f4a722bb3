/**
 * Firmware buckets of this region: tag, then the `iot-firmware-<region>-<unix seconds>` name.
 * A versioned bucket is emptied version by version (every object version and delete marker,
 * ListObjectVersions + DeleteObjects), unfinished multipart uploads are aborted, then the
 * bucket is deleted.
 */
import {
  AbortMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListBucketsCommand,
  ListMultipartUploadsCommand,
  ListObjectVersionsCommand,
  type ObjectIdentifier,
} from "@aws-sdk/client-s3";
import { allPages, mapLimit } from "../../aws/parallel.js";
import { firmwareBucketPrefix } from "../naming.js";
import { type CleanupContext, deleteOnce, guard, settle, verdict } from "./context.js";
import { bucketsPattern, bucketTags, identify } from "./identify.js";
import type { Outcome } from "./types.js";

interface VersionPage {
  ids: ObjectIdentifier[];
  next?: { KeyMarker?: string; VersionIdMarker?: string };
}

async function versionPage(
  ctx: CleanupContext,
  Bucket: string,
  marker: VersionPage["next"],
): Promise<VersionPage> {
  const r = await ctx.session.clients.s3.send(
    new ListObjectVersionsCommand({ Bucket, MaxKeys: 1000, ...(marker ?? {}) }),
  );
  const ids = [...(r.Versions ?? []), ...(r.DeleteMarkers ?? [])].map((v) => ({
    Key: v.Key ?? "",
    VersionId: v.VersionId,
  }));
  return {
    ids,
    next: r.IsTruncated ? { KeyMarker: r.NextKeyMarker, VersionIdMarker: r.NextVersionIdMarker } : undefined,
  };
}

const dependents = (bucket: string, keys: string[]): Outcome["dependents"] =>
  keys.length
    ? [{ family: "objectVersions", names: keys, association: "objectInBucket", evidence: bucket }]
    : [];

async function allVersions(ctx: CleanupContext, bucket: string): Promise<string[]> {
  const keys: string[] = [];
  let marker: VersionPage["next"];
  do {
    const page = await versionPage(ctx, bucket, marker);
    keys.push(...page.ids.map((i) => i.Key ?? ""));
    marker = page.next;
  } while (marker);
  return keys;
}

async function abortUploads(ctx: CleanupContext, Bucket: string): Promise<void> {
  const s3 = ctx.session.clients.s3;
  const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket }));
  await mapLimit(uploads.Uploads ?? [], ctx.session.concurrency(8), (u) =>
    deleteOnce(() => s3.send(new AbortMultipartUploadCommand({ Bucket, Key: u.Key, UploadId: u.UploadId }))),
  );
}

async function remove(ctx: CleanupContext, Bucket: string) {
  const s3 = ctx.session.clients.s3;
  await abortUploads(ctx, Bucket);
  const deleted: string[] = [];
  // Always from the start: the listing shrinks as versions go.
  for (;;) {
    const page = await versionPage(ctx, Bucket, undefined);
    if (page.ids.length === 0) break;
    const r = await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: page.ids, Quiet: true } }));
    const failed = r.Errors ?? [];
    if (failed.length > 0)
      throw new Error(`${failed[0].Code ?? "Error"}: ${failed[0].Message ?? ""} (${failed[0].Key ?? ""})`);
    deleted.push(...page.ids.map((i) => i.Key ?? ""));
  }
  await deleteOnce(() => s3.send(new DeleteBucketCommand({ Bucket })));
  return dependents(Bucket, deleted.sort());
}

export async function cleanBuckets(ctx: CleanupContext): Promise<void> {
  const prefix = firmwareBucketPrefix(ctx.session.region);
  const listed = await allPages(
    (ContinuationToken) =>
      ctx.session.clients.s3.send(
        new ListBucketsCommand({ Prefix: prefix, MaxBuckets: 1000, ContinuationToken }),
      ),
    (p) => p.Buckets,
    (p) => p.ContinuationToken,
  );
  const names = listed.map((b) => b.Name ?? "").filter((n) => n.startsWith(prefix));
  ctx.tally.scanned("buckets", names.length);
  if (names.length === 0) ctx.io.say("detail", "cleanup.buckets.none", { prefix });
  const pattern = bucketsPattern(ctx.session.region);
  for (const name of names)
    await guard(ctx, "buckets", name, async () => {
      const id = identify(name, await bucketTags(ctx.session, name), pattern);
      await settle(
        ctx,
        verdict("buckets", name, id),
        () => remove(ctx, name),
        async () => dependents(name, (await allVersions(ctx, name)).sort()),
      );
    });
  ctx.tally.flush("buckets");
}
