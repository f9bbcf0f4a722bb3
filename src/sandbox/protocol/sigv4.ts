/**
 * AWS Signature Version 4 for the sandbox (SIG-1..SIG-3, PROTO-2): reading the credential scope of a
 * request (header or presigned query) and, in strict mode, recomputing the signature with the
 * configured secret. Pure: no I/O; the caller passes the secret lookup, the payload hash and `now`.
 *
 * Failures are thrown as {@link AuthError} with a protocol-neutral `kind` (sigv4-errors.ts renders
 * it for each protocol).
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import {
  AuthError,
  MAX_CLOCK_SKEW_MS,
  MISSING_PRESIGN_PARAMS,
  parseAmzDate,
  toAmzDate,
} from "./sigv4-errors.js";

/** `path`: raw, still percent-encoded; `query`: raw, without `?`; `headers`: node's, lower-case names. */
export interface SignedRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface CredentialScope {
  accessKeyId: string;
  /** `yyyymmdd` */
  date: string;
  region: string;
  service: string;
}

/** SIG-3: presigned URLs live at most 7 days. */
export const MAX_PRESIGN_EXPIRES_SECONDS = 604_800;

export const ALGORITHM = "AWS4-HMAC-SHA256";
export const TERMINATOR = "aws4_request";
const PRESIGN_PARAMS = "Algorithm Credential Signature Date SignedHeaders Expires"
  .split(" ")
  .map((p) => `X-Amz-${p}`);
const BAD_CREDENTIAL =
  "Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; " +
  'expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".';
const EXPIRES_OVER_A_WEEK = "X-Amz-Expires must be less than a week (in seconds) that is 604800";
const DATE_MISMATCH = "Invalid credential date. Date is not the same as X-Amz-Date.";

// ---------------------------------------------------------------------------------------------
// Parsing

interface Signing {
  scope: CredentialScope;
  signedHeaders: string[];
  signature: string;
  /** `yyyymmddThhmmssZ` used in the string to sign. */
  amzDate: string;
}

function headerValue(req: SignedRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/** `AKID/yyyymmdd/region/service/aws4_request`. */
function parseCredential(value: string): CredentialScope | undefined {
  const [accessKeyId, date, region, service, terminator, ...rest] = value.split("/");
  if (!accessKeyId || !date || !region || !service || terminator !== TERMINATOR || rest.length > 0)
    return undefined;
  return /^\d{8}$/.test(date) ? { accessKeyId, date, region, service } : undefined;
}

type ParsedAuthorization = Readonly<Omit<Signing, "amzDate">> | string;

/** The last header parsed: the gateway reads a request's scope, then checks it (one parse for both). */
let lastAuthorization: { value: string; parsed: ParsedAuthorization } | undefined;

/** `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`; a string explains a failure. */
function parseAuthorization(value: string): ParsedAuthorization {
  if (lastAuthorization?.value === value) return lastAuthorization.parsed;
  const parsed = parseAuthorizationText(value);
  lastAuthorization = { value, parsed };
  return parsed;
}

function parseAuthorizationText(value: string): ParsedAuthorization {
  const m = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(value.trim());
  if (!m) return `Unsupported Authorization Type; only ${ALGORITHM} is supported`;
  const fields = new Map<string, string>();
  for (const part of m[1]!.split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const [credential, signedHeaders, signature] = ["Credential", "SignedHeaders", "Signature"].map((f) =>
    fields.get(f),
  );
  if (credential === undefined || signedHeaders === undefined || signature === undefined) {
    return "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.";
  }
  const scope = parseCredential(credential);
  if (!scope) return `The authorization header is malformed; the Credential is mal-formed.`;
  if (signedHeaders === "" || !/^[0-9a-f]{64}$/i.test(signature)) {
    return "The authorization header is malformed; invalid SignedHeaders or Signature.";
  }
  return { scope, signedHeaders: signedHeaders.split(";"), signature: signature.toLowerCase() };
}

interface Query {
  pairs: [string, string][];
  get: (name: string) => string | undefined;
}

/** Raw `k=v` pairs of a query string, plus decoded values by decoded name (first one wins). */
function parseQuery(query: string): Query {
  const pairs: [string, string][] = [];
  const decoded = new Map<string, string>();
  for (const part of query.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const pair: [string, string] = eq < 0 ? [part, ""] : [part.slice(0, eq), part.slice(eq + 1)];
    pairs.push(pair);
    const name = percentDecode(pair[0]).toString("utf8");
    if (!decoded.has(name)) decoded.set(name, percentDecode(pair[1]).toString("utf8"));
  }
  return { pairs, get: (name) => decoded.get(name) };
}

type ScopeOf = CredentialScope & { presigned: boolean };
const mapSigningName = (service: string) => (service === "iotdevicegateway" ? "iotdata" : service);

/**
 * The credential scope of a SigV4 request: `Authorization` header first, else presigned `X-Amz-Credential`
 * (PROTO-2 steps 1-2); `undefined` when there is neither or it does not parse. The signing name
 * `iotdevicegateway` is reported as `iotdata`.
 */
export function readCredentialScope(req: SignedRequest): ScopeOf | undefined {
  const auth = headerValue(req, "authorization");
  if (auth !== undefined && auth.trim() !== "") {
    const parsed = parseAuthorization(auth);
    if (typeof parsed === "string") return undefined;
    return { ...parsed.scope, service: mapSigningName(parsed.scope.service), presigned: false };
  }
  const credential = parseQuery(req.query).get("X-Amz-Credential");
  const scope = credential === undefined ? undefined : parseCredential(credential);
  return scope ? { ...scope, service: mapSigningName(scope.service), presigned: true } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Verification

const malformed = (message: string) => new AuthError("MalformedAuth", { message });
const badPresign = (message: string) => new AuthError("BadPresign", { message });

/** Header authentication: parse, date (x-amz-date, else Date), scope date, clock skew (SIG-1). */
function headerSigning(req: SignedRequest, auth: string, now: Date): Signing {
  const parsed = parseAuthorization(auth);
  if (typeof parsed === "string") throw malformed(parsed);
  const amzHeader = headerValue(req, "x-amz-date")?.trim();
  const dateHeader = headerValue(req, "date");
  const ms = amzHeader !== undefined ? parseAmzDate(amzHeader)?.getTime() : Date.parse(dateHeader ?? "");
  if (ms === undefined || Number.isNaN(ms))
    throw malformed("AWS authentication requires a valid Date or x-amz-date header");
  // A valid x-amz-date is already in the canonical form (parseAmzDate is strict).
  const amzDate = amzHeader ?? toAmzDate(new Date(ms));
  if (parsed.scope.date !== amzDate.slice(0, 8)) throw malformed(DATE_MISMATCH);
  if (Math.abs(now.getTime() - ms) > MAX_CLOCK_SKEW_MS) {
    throw new AuthError("Skewed", { requestTime: amzHeader ?? amzDate, serverTime: now });
  }
  return { ...parsed, amzDate };
}

/** Query authentication: every X-Amz-* parameter well-formed, then validity window (SIG-3). */
function presignedSigning(query: Query, now: Date): Signing {
  const present = PRESIGN_PARAMS.filter((p) => query.get(p) !== undefined);
  if (present.length === 0) throw new AuthError("MissingAuth");
  if (present.length !== PRESIGN_PARAMS.length) throw badPresign(MISSING_PRESIGN_PARAMS);
  const get = (name: string) => query.get(name) ?? "";
  if (get("X-Amz-Algorithm") !== ALGORITHM) throw badPresign(`X-Amz-Algorithm only supports "${ALGORITHM}"`);
  const scope = parseCredential(get("X-Amz-Credential"));
  if (!scope) throw badPresign(BAD_CREDENTIAL);
  const amzDate = get("X-Amz-Date");
  const date = parseAmzDate(amzDate);
  if (date === undefined)
    throw badPresign(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`);
  if (scope.date !== amzDate.slice(0, 8)) throw badPresign(DATE_MISMATCH);
  const expires = get("X-Amz-Expires");
  if (!/^-?\d+$/.test(expires)) throw badPresign("X-Amz-Expires should be a number");
  const seconds = Number(expires);
  if (seconds < 1)
    throw badPresign(`X-Amz-Expires must be ${seconds < 0 ? "non-negative" : "a positive integer"}`);
  if (seconds > MAX_PRESIGN_EXPIRES_SECONDS) throw badPresign(EXPIRES_OVER_A_WEEK);
  const signature = get("X-Amz-Signature").toLowerCase();
  const signedHeaders = get("X-Amz-SignedHeaders");
  if (signedHeaders === "" || !/^[0-9a-f]{64}$/.test(signature)) throw badPresign(MISSING_PRESIGN_PARAMS);
  if (date.getTime() - now.getTime() > MAX_CLOCK_SKEW_MS) {
    throw new AuthError("NotYetValid", { requestTime: amzDate, serverTime: now });
  }
  const expiresAt = new Date(date.getTime() + seconds * 1000);
  if (now.getTime() > expiresAt.getTime()) {
    throw new AuthError("Expired", { expiresSeconds: seconds, expiresAt, serverTime: now });
  }
  return { scope, signedHeaders: signedHeaders.split(";"), signature, amzDate };
}

const signingKeys = new Map<string, Buffer>();

/** The derived key depends only on secret, date, region and service: cache it (4 HMACs per request saved). */
export function signingKey(secret: string, scope: CredentialScope): Buffer {
  const id = `${secret}\n${scope.date}\n${scope.region}\n${scope.service}`;
  let key = signingKeys.get(id);
  if (key) return key;
  key = Buffer.from(`AWS4${secret}`, "utf8");
  for (const part of [scope.date, scope.region, scope.service, TERMINATOR]) {
    key = createHmac("sha256", key).update(part, "utf8").digest();
  }
  if (signingKeys.size > 1000) signingKeys.clear();
  signingKeys.set(id, key);
  return key;
}

/**
 * What a request's headers (or presigned query) prove before its body is read: syntax, clock
 * skew or presigned validity, and a known access key (SIG-1, SIG-3). The signature itself depends
 * on the payload hash: {@link HeadCheck.verify} completes the check once that hash is known.
 */
export interface HeadCheck {
  scope: CredentialScope;
  presigned: boolean;
  /** The signature the client sent (lower-case hex): the seed of chunk signatures (SIG-4). */
  signature: string;
  /** For S3 presigned URLs: the payload hash the URL declares (`X-Amz-Content-Sha256`, else `UNSIGNED-PAYLOAD`). */
  presignedPayload?: string;
  /** Recomputes the signature with this payload hash; throws SignatureMismatch. */
  verify(payloadHash: string): void;
  /** HMAC of a SIG-4 string to sign (chunk or trailer) with the request's signing key, hex. */
  signString(algorithm: string, previousSignature: string, hashes: string): string;
}

/**
 * SIG-1 from the head of a request: throws {@link AuthError} for what fails before the signature
 * (syntax, clock skew / presigned validity, unknown access key) and returns the check to finish.
 */
export function checkHead(
  req: SignedRequest,
  secretFor: (accessKeyId: string) => string | undefined,
  now: Date,
  /** The time presigned URLs are checked against (the sandbox clock), when not `now`. */
  presignedNow: Date = now,
): HeadCheck {
  const auth = headerValue(req, "authorization");
  const query = parseQuery(req.query);
  const presigned = auth === undefined || auth.trim() === "";
  const { scope, signedHeaders, signature, amzDate } = presigned
    ? presignedSigning(query, presignedNow)
    : headerSigning(req, auth, now);
  const s3 = scope.service === "s3" || scope.service.startsWith("s3-");

  const secret = secretFor(scope.accessKeyId);
  if (secret === undefined) throw new AuthError("InvalidAccessKey", { accessKeyId: scope.accessKeyId });

  const key = signingKey(secret, scope);
  const credentialScope = `${scope.date}/${scope.region}/${scope.service}/${TERMINATOR}`;
  const hmacHex = (text: string) => createHmac("sha256", key).update(text, "utf8").digest("hex");
  const verify = (hash: string) => {
    const canonicalQuery = canonicalQueryString(query.pairs, presigned);
    const headers = signedHeaders
      .map((h) => `${h}:${canonicalHeaderValue(req.headers[h.toLowerCase()])}\n`)
      .join("");
    const tail = `${canonicalQuery}\n${headers}\n${signedHeaders.join(";")}\n${hash}`;
    let first: { canonicalRequest: string; stringToSign: string } | undefined;
    for (const path of canonicalPaths(req.path, s3)) {
      const canonicalRequest = `${req.method.toUpperCase()}\n${path}\n${tail}`;
      const digest = createHash("sha256").update(canonicalRequest, "utf8").digest("hex");
      const stringToSign = [ALGORITHM, amzDate, credentialScope, digest].join("\n");
      if (sameHex(hmacHex(stringToSign), signature)) return;
      first ??= { canonicalRequest, stringToSign };
    }
    const accessKeyId = scope.accessKeyId;
    throw new AuthError("SignatureMismatch", { accessKeyId, signatureProvided: signature, ...first });
  };
  return {
    scope,
    presigned,
    signature,
    presignedPayload: presigned && s3 ? (query.get("X-Amz-Content-Sha256") ?? "UNSIGNED-PAYLOAD") : undefined,
    verify,
    signString: (algorithm, previous, hashes) =>
      hmacHex(`${algorithm}\n${amzDate}\n${credentialScope}\n${previous}\n${hashes}`),
  };
}

/** Constant-time comparison of two hex signatures. */
export function sameHex(expected: string, provided: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(provided);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Recomputes the SigV4 signature (SIG-1) and throws {@link AuthError} when it does not hold. Order: syntax,
 * clock skew / presigned validity, access key, signature.
 * `payloadHash`: the hash the caller trusts (hex sha256 of the body, or an S3 `x-amz-content-sha256` form).
 * S3 presigned requests without that header use the presigned `X-Amz-Content-Sha256` value, else
 * `UNSIGNED-PAYLOAD`. The signing key uses the signing name as sent (`iotdevicegateway` stays as is).
 */
export function verifySignature(
  req: SignedRequest,
  secretFor: (accessKeyId: string) => string | undefined,
  payloadHash: string,
  now: Date,
): void {
  const check = checkHead(req, secretFor, now);
  const declared = headerValue(req, "x-amz-content-sha256");
  check.verify(
    check.presignedPayload !== undefined && declared === undefined ? check.presignedPayload : payloadHash,
  );
}

/** Trimmed, inner whitespace runs collapsed; repeated headers joined by `,`. */
function canonicalHeaderValue(value: string | string[] | undefined): string {
  const norm = (v: string) => v.replace(/[ \t\r\n]+/g, " ").trim();
  return value === undefined ? "" : Array.isArray(value) ? value.map(norm).join(",") : norm(value);
}

/** Pairs re-encoded per RFC 3986, sorted by key then value; X-Amz-Signature left out when presigned. */
export function canonicalQueryString(pairs: [string, string][], presigned: boolean): string {
  const encoded = pairs
    .map(([k, v]) => [reencode(k), reencode(v)] as const)
    .filter(([k]) => !(presigned && k === "X-Amz-Signature"));
  encoded.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  return encoded.map(([k, v]) => `${k}=${v}`).join("&");
}

/**
 * Candidate canonical URIs. S3: each segment encoded once (decoded then RFC 3986 re-encoded, which equals
 * the raw path for SDK/botocore clients), no dot-segment removal; the raw path itself is tried too.
 * Other services: empty and `.`/`..` segments normalised like the SDKs, then each segment of the path as
 * sent encoded again (double encoding); also tried: segments re-encoded first, for clients that send
 * characters such as `:` or `$` unencoded.
 */
function canonicalPaths(rawPath: string, s3: boolean): string[] {
  const path = rawPath.split("?")[0]!;
  if (s3) return [...new Set([path.split("/").map(reencode).join("/") || "/", path || "/"])];
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "" && segment !== ".") segments.push(segment);
  }
  const join = (parts: string[]) => `/${parts.join("/")}${parts.length > 0 && path.endsWith("/") ? "/" : ""}`;
  const once = join(segments.map(uriEncodeString));
  const twice = join(segments.map((s) => uriEncodeString(reencode(s))));
  return [...new Set([once, twice])];
}

// ---------------------------------------------------------------------------------------------
// Encoding and dates

/** Characters RFC 3986 leaves unreserved: a string of only these encodes to itself. */
const UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;
/** `%XX` (upper-case hex), or the character itself when unreserved, for each byte value. */
const ENCODED_BYTE = Array.from({ length: 256 }, (_, b) => {
  const c = String.fromCharCode(b);
  return UNRESERVED.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
});

/** Percent-decodes to bytes; malformed `%` sequences stay literal and `+` stays `+`. */
function percentDecode(s: string): Buffer {
  if (!s.includes("%")) return Buffer.from(s, "utf8");
  const parts = s.split(/(%[0-9A-Fa-f]{2})/);
  return Buffer.concat(
    parts.map((p, i) => (i % 2 ? Buffer.from([Number.parseInt(p.slice(1), 16)]) : Buffer.from(p))),
  );
}

/** RFC 3986 encoding of bytes: A-Z a-z 0-9 - _ . ~ kept, everything else `%XX` (upper-case hex). */
export function uriEncode(bytes: Buffer): string {
  let out = "";
  for (const b of bytes) out += ENCODED_BYTE[b];
  return out;
}

/** RFC 3986 encoding of a string's UTF-8 bytes. */
export const uriEncodeString = (s: string): string =>
  UNRESERVED.test(s) ? s : uriEncode(Buffer.from(s, "utf8"));

/** Decoded, then encoded per RFC 3986 (signing canonicalises what clients encoded their own way). */
const reencode = (s: string) => (UNRESERVED.test(s) ? s : uriEncode(percentDecode(s)));

/**
 * PROTO-4: the scope's region must have the form of an AWS region, else it is refused rather than
 * becoming a state partition: a two-letter geography (`eusc-` plus one for the European Sovereign
 * Cloud), an optional isolated partition (`gov`, `iso`...), a compass direction and a number
 * (`us-east-1`, `ap-southeast-2`, `us-gov-west-1`, `cn-north-1`, `il-central-1`).
 */
const REGION_FORM =
  /^(eusc-)?[a-z]{2}(-(gov|iso|isob|isoe|isof))?-(central|north|south|east|west|northeast|northwest|southeast|southwest)-\d{1,2}$/;

export function isRegionName(region: string): boolean {
  return region.length <= 32 && REGION_FORM.test(region);
}
