/**
 * Properly signed raw HTTP requests with arbitrary bodies, for inputs an SDK client refuses to
 * send (wrong JSON types, broken XML, invalid UTF-8...): SigV4 by @smithy/signature-v4, sent
 * with fetch and a per-request timeout so that a hang fails the test instead of stalling it.
 */
import { Hash } from "@smithy/core/serde";
import { SignatureV4 } from "@smithy/signature-v4";

export interface SigningTarget {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

export interface RawCall {
  /** SigV4 signing name: `iot`, `iotdata`, `s3`, `iam`, `sts`... */
  service: string;
  method: string;
  /** Path as sent on the wire (already percent-encoded). */
  path: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Default 10 s. */
  timeoutMs?: number;
}

export interface RawAnswer {
  status: number;
  text: string;
  headers: Headers;
}

const signers = new Map<string, SignatureV4>();

/** A SigV4 signer as the SDK clients sign for `service`. */
export function createSigner(
  credentials: SigningTarget["credentials"],
  region: string,
  service: string,
): SignatureV4 {
  return new SignatureV4({
    credentials,
    region,
    service,
    sha256: Hash.bind(null, "sha256"),
    // S3 signs the path as sent; every other service escapes it once more (SIG-2).
    uriEscapePath: service !== "s3",
  });
}

function signerFor(target: SigningTarget, service: string): SignatureV4 {
  const key = `${target.credentials.accessKeyId}|${target.region}|${service}`;
  let signer = signers.get(key);
  if (!signer) {
    signer = createSigner(target.credentials, target.region, service);
    signers.set(key, signer);
  }
  return signer;
}

/** RFC 3986 encoding, as SigV4 canonicalizes it (a `+` or `!` would be read differently). */
const rfc3986 = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function queryString(query: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query))
    for (const one of [v].flat()) parts.push(`${rfc3986(k)}=${rfc3986(one)}`);
  return parts.join("&");
}

/** Signs `call` for `target` and sends it; never retries. */
export async function sendSigned(target: SigningTarget, call: RawCall): Promise<RawAnswer> {
  const url = new URL(target.endpoint);
  const hasBody = call.method !== "GET" && call.method !== "HEAD" && call.body !== undefined;
  const signed = await signerFor(target, call.service).sign({
    method: call.method,
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path: call.path,
    query: call.query ?? {},
    headers: { host: url.host, ...(call.headers ?? {}) },
    body: hasBody ? call.body : undefined,
  });
  const qs = queryString(call.query ?? {});
  const res = await fetch(`${target.endpoint}${call.path}${qs ? `?${qs}` : ""}`, {
    method: call.method,
    headers: signed.headers as Record<string, string>,
    body: hasBody ? (typeof call.body === "string" ? call.body : new Uint8Array(call.body!)) : undefined,
    signal: AbortSignal.timeout(call.timeoutMs ?? 10_000),
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}
