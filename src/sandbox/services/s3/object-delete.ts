/** S3-4 delete semantics, shared by DeleteObject and DeleteObjects (S3-6). */
import type { OperationContext } from "../types.js";
import type { BucketDoc } from "./buckets.js";
import { addVersion, findVersion, latestVersion, removeVersion, reportedVersionId } from "./objects.js";

export interface DeleteOutcome {
  /** `x-amz-version-id`: the version removed, or the delete marker created. */
  versionId?: string;
  /** Whether the removed version, or the version created, is a delete marker. */
  deleteMarker: boolean;
}

/**
 * With a version id: that version goes for good (absent = no-op). Without: unversioned buckets lose
 * the object; versioned buckets get a new delete marker (Suspended: the `null` one, replacing the
 * `null` version).
 */
export function deleteObject(
  ctx: OperationContext,
  bucket: BucketDoc,
  key: string,
  versionId: string | undefined,
): DeleteOutcome {
  if (versionId !== undefined) {
    const doc = findVersion(ctx, bucket.name, key, versionId);
    if (doc) removeVersion(ctx, bucket.name, doc);
    return { versionId, deleteMarker: doc?.deleteMarker === true };
  }
  if (!bucket.versioning) {
    const current = latestVersion(ctx, bucket.name, key);
    if (current) removeVersion(ctx, bucket.name, current);
    return { deleteMarker: false };
  }
  const marker = addVersion(ctx, bucket, key, { deleteMarker: true });
  return { versionId: reportedVersionId(bucket, marker), deleteMarker: true };
}
