/**
 * Presigned GET URLs of the sandbox's own S3 (SIG-3), for what the sandbox hands to devices: job
 * documents' presigned-URL placeholders (JOB-25). Path style on the host the caller used, signed
 * with the sandbox's credentials at the sandbox clock's time, so they expire on the sandbox clock
 * (the verifier checks presigned URLs against it: gateway hook `presignedNow`).
 */
import { uriEncodeString as encode } from "../../protocol/sigv4.js";
import { presignedQuery } from "../../protocol/sigv4-presign.js";
import type { OperationContext } from "../types.js";
import { buckets } from "./buckets.js";

export interface ObjectLocation {
  bucket: string;
  key: string;
  versionId?: string;
}

/** `http://<host>/<bucket>/<key>?[versionId=..&]X-Amz-...`, valid for `expiresInSec` from now. */
export function presignGetObject(
  ctx: OperationContext,
  location: ObjectLocation,
  expiresInSec: number,
): string {
  const { bucket, key, versionId } = location;
  // PROTO-4: the credential scope names the bucket's region, as the SDKs' presigners do.
  const region = buckets(ctx).get(bucket)?.region ?? ctx.scope.region;
  const path = `/${encode(bucket)}/${key.split("/").map(encode).join("/")}`;
  const query = presignedQuery({
    method: "GET",
    host: ctx.host,
    path,
    params: versionId ? { versionId } : undefined,
    accessKeyId: ctx.settings.accessKeyId,
    secret: ctx.settings.secretAccessKey,
    region,
    service: "s3",
    date: ctx.clock.now(),
    expiresSeconds: expiresInSec,
  });
  return `http://${ctx.host}${path}?${query}`;
}
