/**
 * What other services may ask S3 (package artifacts, PKG-2; job document presigned URLs; job
 * documents read from S3, JOB-1): whether an object version exists and its bytes, without HTTP.
 */
import type { Store } from "../../storage/store.js";
import { bucketScope, S3_KIND } from "./buckets.js";
import { isWellFormedVersionId, KEY_END, type ObjectVersionDoc, versionIdDocId } from "./objects.js";

/**
 * The version of `bucket/key` a reader would get: `versionId` undefined or "" = the current object
 * (undefined when the newest version is a delete marker, as GetObject answers 404 then); otherwise
 * that exact version, unless it is a delete marker or does not exist.
 */
export function findObjectVersion(
  store: Store,
  bucket: string,
  key: string,
  versionId?: string,
): { versionId: string; size: number } | undefined {
  const doc = findDoc(store, bucket, key, versionId);
  return doc ? { versionId: doc.versionId, size: doc.size ?? 0 } : undefined;
}

/** The bytes of the version `findObjectVersion` names, or undefined. */
export function readObjectBytes(
  store: Store,
  bucket: string,
  key: string,
  versionId?: string,
): Buffer | undefined {
  const doc = findDoc(store, bucket, key, versionId);
  if (!doc) return undefined;
  return doc.blobId ? (store.blobs(bucketScope(bucket)).get(doc.blobId) ?? Buffer.alloc(0)) : Buffer.alloc(0);
}

function findDoc(
  store: Store,
  bucket: string,
  key: string,
  versionId?: string,
): ObjectVersionDoc | undefined {
  const versions = store.collection<ObjectVersionDoc>(bucketScope(bucket), S3_KIND.object);
  let doc: ObjectVersionDoc | undefined;
  if (versionId === undefined || versionId === "") {
    doc = versions.list({ prefix: `${key}${KEY_END}`, limit: 1 })[0]?.doc;
  } else if (versionId === "null") {
    doc = versions.list({ prefix: `${key}${KEY_END}` }).find((e) => e.doc.versionId === "null")?.doc;
  } else if (isWellFormedVersionId(versionId)) {
    const found = versions.get(versionIdDocId(key, versionId));
    doc = found?.versionId === versionId ? found : undefined;
  }
  if (!doc || doc.deleteMarker) return undefined;
  return doc;
}
