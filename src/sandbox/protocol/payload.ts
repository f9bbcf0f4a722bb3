/**
 * How a request's body is bound to its signature (SIG-1, SIG-4):
 * - iot, iot-data, iot-jobs-data, IAM, STS: the payload hash is the sha256 of the body the sandbox
 *   received; `x-amz-content-sha256` is never trusted, so a replayed signature with another body, or
 *   `UNSIGNED-PAYLOAD`, fails as a signature mismatch.
 * - S3: the signed `x-amz-content-sha256` header (or the presigned URL's value) is the payload hash;
 *   a hex value must equal the body's sha256 (400 XAmzContentSHA256Mismatch), UNSIGNED-PAYLOAD and
 *   the STREAMING forms are accepted, and signed chunks are verified while decoding (aws-chunked.ts).
 */
import { createHash } from "node:crypto";
import { ServiceError } from "../errors.js";

export type S3Payload =
  /** 64-hex sha256 the body must match. */
  | { kind: "sha256"; hash: string; value: string }
  /** UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER: nothing to check. */
  | { kind: "unsigned"; value: string }
  /** STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]: chunk signatures to check. */
  | { kind: "signed-chunks"; value: string };

const UNSIGNED = new Set(["UNSIGNED-PAYLOAD", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"]);
const SIGNED_CHUNKS = new Set([
  "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
  "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
]);

/**
 * S3's payload declaration: the `x-amz-content-sha256` header, else the presigned URL's value.
 * S3 requires the header on header-authenticated requests (400 InvalidRequest) and refuses values
 * outside SIG-4's forms (400 InvalidArgument).
 */
export function s3Payload(header: string | undefined, presigned: string | undefined): S3Payload {
  const value = header?.trim() ?? presigned;
  if (value === undefined)
    throw new ServiceError(
      "InvalidRequest",
      "Missing required header for this request: x-amz-content-sha256",
      {},
      400,
    );
  if (/^[0-9a-fA-F]{64}$/.test(value)) return { kind: "sha256", hash: value.toLowerCase(), value };
  if (UNSIGNED.has(value)) return { kind: "unsigned", value };
  if (SIGNED_CHUNKS.has(value)) return { kind: "signed-chunks", value };
  throw new ServiceError(
    "InvalidArgument",
    "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, " +
      "STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER or a valid sha256 value.",
    { ArgumentName: "x-amz-content-sha256", ArgumentValue: value },
    400,
  );
}

const EMPTY_SHA256 = createHash("sha256").digest("hex");

/** Hex sha256 of a body (the empty body's is a constant: most requests have none). */
export const bodySha256 = (body: Buffer): string =>
  body.length === 0 ? EMPTY_SHA256 : createHash("sha256").update(body).digest("hex");

/** SIG-4: the body S3 received must have the sha256 the client signed. */
export function checkS3Body(payload: S3Payload, body: Buffer): void {
  if (payload.kind !== "sha256") return;
  const computed = bodySha256(body);
  if (computed !== payload.hash)
    throw new ServiceError(
      "XAmzContentSHA256Mismatch",
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
      { ClientComputedContentSHA256: payload.hash, S3ComputedContentSHA256: computed },
      400,
    );
}
