/**
 * The signing side of SIG-3: presigned URLs the sandbox hands out itself (job documents, JOB-25),
 * built with the same key derivation and canonical forms the verifier (sigv4.ts) checks them with.
 */
import { createHash, createHmac } from "node:crypto";
import {
  ALGORITHM,
  canonicalQueryString,
  signingKey,
  TERMINATOR,
  uriEncodeString as encode,
} from "./sigv4.js";
import { toAmzDate } from "./sigv4-errors.js";

export interface PresignInput {
  method: string;
  /** Host header the URL will be requested with (signed). */
  host: string;
  /** The path as it will be sent, each segment already URI-encoded. */
  path: string;
  /** Further query parameters, decoded (e.g. S3 `versionId`). */
  params?: Record<string, string>;
  accessKeyId: string;
  secret: string;
  region: string;
  service: string;
  /** Signing time: the URL is valid from it for `expiresSeconds` (inclusive). */
  date: Date;
  expiresSeconds: number;
}

/** Recently signed queries: the same request signed in the same second is the same string. */
const signed = new Map<string, string>();
const SIGNED_KEPT = 256;

/**
 * SIG-3: the query string (no `?`) of a presigned request; signed header `host`, payload unsigned.
 * Signing is a pure function of its inputs at one-second resolution, and a fleet asking for its
 * job document within a second all get the same artifact URL: it is signed once.
 */
export function presignedQuery(input: PresignInput): string {
  const key = JSON.stringify([
    input.method,
    input.host,
    input.path,
    input.params,
    input.accessKeyId,
    input.secret,
    input.region,
    input.service,
    Math.floor(input.date.getTime() / 1000),
    input.expiresSeconds,
  ]);
  let query = signed.get(key);
  if (query === undefined) {
    query = signQuery(input);
    if (signed.size >= SIGNED_KEPT) signed.clear();
    signed.set(key, query);
  }
  return query;
}

function signQuery(input: PresignInput): string {
  const amzDate = toAmzDate(input.date);
  const scope = {
    accessKeyId: input.accessKeyId,
    date: amzDate.slice(0, 8),
    region: input.region,
    service: input.service,
  };
  const credentialScope = `${scope.date}/${scope.region}/${scope.service}/${TERMINATOR}`;
  const params: Record<string, string> = {
    ...input.params,
    "X-Amz-Algorithm": ALGORITHM,
    "X-Amz-Credential": `${input.accessKeyId}/${credentialScope}`,
    "X-Amz-Date": amzDate,
    "X-Amz-Expires": String(input.expiresSeconds),
    "X-Amz-SignedHeaders": "host",
  };
  const pairs = Object.entries(params).map(([k, v]): [string, string] => [encode(k), encode(v)]);
  const query = canonicalQueryString(pairs, true);
  const canonicalRequest = [
    input.method,
    input.path,
    query,
    `host:${input.host}`,
    "",
    "host",
    "UNSIGNED-PAYLOAD",
  ].join("\n");
  const digest = createHash("sha256").update(canonicalRequest, "utf8").digest("hex");
  const stringToSign = [ALGORITHM, amzDate, credentialScope, digest].join("\n");
  const signature = createHmac("sha256", signingKey(input.secret, scope))
    .update(stringToSign, "utf8")
    .digest("hex");
  return `${query}&X-Amz-Signature=${signature}`;
}
