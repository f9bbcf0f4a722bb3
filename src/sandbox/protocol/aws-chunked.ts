/**
 * `aws-chunked` request bodies (SIG-4): S3 uploads streamed by the SDKs and the CLI frame the object as
 *
 *   <hex-size>[;chunk-signature=<sig>]\r\n<bytes>\r\n ... 0[;chunk-signature=<sig>]\r\n
 *   [<trailer-name>:<value>\r\n ...]\r\n
 *
 * Pure decoding, no I/O, in place: the object bytes are moved to the front of the received buffer,
 * so a large upload is never held twice. With a {@link ChunkSigner} (STREAMING-AWS4-HMAC-SHA256-PAYLOAD
 * [-TRAILER] under strict SigV4), every chunk signature is checked in the chain that starts at the
 * request's signature, and so is the trailer signature: a tampered chunk is SignatureDoesNotMatch.
 * Trailing checksums are returned for the caller to check.
 *
 * Errors use S3's codes: framing that breaks off or does not parse, and a decoded length different
 * from `x-amz-decoded-content-length`, are `IncompleteBody` 400 "The request body terminated
 * unexpectedly" (what S3 answers, also for non-hex chunk sizes); an unparseable trailer line is
 * `MalformedTrailerError` 400.
 */
import { ServiceError } from "../errors.js";
import { bodySha256 } from "./payload.js";
import { AuthError } from "./sigv4-errors.js";

const CR = 0x0d;
const LF = 0x0a;
/** Longest accepted chunk header line (size, extensions such as a 64-hex chunk-signature). */
const MAX_HEADER_LINE = 4096;

const incomplete = () =>
  new ServiceError("IncompleteBody", "The request body terminated unexpectedly", {}, 400);
const malformedTrailer = () =>
  new ServiceError(
    "MalformedTrailerError",
    "The request contained trailing data that was not well-formed or did not conform to our published schema.",
    {},
    400,
  );

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/** True when `Content-Encoding` lists `aws-chunked` or `x-amz-content-sha256` is a `STREAMING-*` form (SIG-4). */
export function isAwsChunked(headers: Record<string, string | string[] | undefined>): boolean {
  const encoding = header(headers, "content-encoding");
  if (encoding?.split(",").some((e) => e.trim().toLowerCase() === "aws-chunked")) return true;
  return header(headers, "x-amz-content-sha256")?.trim().startsWith("STREAMING-") ?? false;
}

/**
 * `Content-Encoding` with `aws-chunked` removed, as S3 stores it; `undefined` when nothing else remains
 * (S3 then stores no Content-Encoding).
 */
export function contentEncodingWithoutAwsChunked(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const rest = value
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "" && e.toLowerCase() !== "aws-chunked");
  return rest.length > 0 ? rest.join(",") : undefined;
}

/** `x-amz-decoded-content-length` as a number, or undefined when absent or not a non-negative integer. */
export function decodedContentLength(
  headers: Record<string, string | string[] | undefined>,
): number | undefined {
  const v = header(headers, "x-amz-decoded-content-length")?.trim();
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Index of the next CRLF at or after `from`, or -1. */
function findCrlf(body: Buffer, from: number): number {
  let i = body.indexOf(CR, from);
  while (i >= 0 && i + 1 < body.length) {
    if (body[i + 1] === LF) return i;
    i = body.indexOf(CR, i + 1);
  }
  return -1;
}

/**
 * SIG-4 chunk signatures: each is HMAC(signing key, "AWS4-HMAC-SHA256-PAYLOAD\n<date>\n<scope>\n
 * <previous signature>\n<sha256 of nothing>\n<sha256 of the chunk>"), the first chained from the
 * request's own signature (`seed`); the trailer's uses "AWS4-HMAC-SHA256-TRAILER" and the sha256 of
 * the trailer lines (`name:value\n` each). sigv4.ts's HeadCheck provides `sign`.
 */
export interface ChunkSigner {
  seed: string;
  sign(algorithm: string, previous: string, hashes: string): string;
}

const EMPTY_SHA256 = bodySha256(Buffer.alloc(0));

/** The `chunk-signature=` extension of a chunk header line, if any. */
function chunkSignatureOf(line: string): string | undefined {
  const m = /;\s*chunk-signature=([0-9a-fA-F]{64})\s*$/.exec(line);
  return m?.[1]?.toLowerCase();
}

function checkSignature(expected: string, provided: string | undefined): void {
  if (provided !== expected)
    throw new AuthError("SignatureMismatch", { signatureProvided: provided ?? "", stringToSign: "" });
}

/**
 * Decodes an aws-chunked body, in place, into the object bytes and the trailers (names lower-cased,
 * e.g. `x-amz-checksum-crc32`, `x-amz-trailer-signature`). When `decodedLength` is given the data must
 * have exactly that length. The final empty line after the zero-size chunk is optional, as the JS SDK
 * omits it when it sends no trailer. `body` is overwritten; `data` is a view of its start.
 */
export function decodeAwsChunked(
  body: Buffer,
  decodedLength?: number,
  signer?: ChunkSigner,
): { data: Buffer; trailers: Record<string, string> } {
  let total = 0;
  let offset = 0;
  let previous = signer?.seed ?? "";
  for (;;) {
    const lineEnd = findCrlf(body, offset);
    if (lineEnd < 0 || lineEnd - offset > MAX_HEADER_LINE) throw incomplete();
    const line = body.subarray(offset, lineEnd).toString("latin1");
    const semi = line.indexOf(";");
    const sizeText = (semi < 0 ? line : line.slice(0, semi)).trim();
    if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText)) throw incomplete();
    const size = Number.parseInt(sizeText, 16);
    offset = lineEnd + 2;
    if (!Number.isSafeInteger(size) || offset + size + (size === 0 ? 0 : 2) > body.length) throw incomplete();
    if (size > 0 && (body[offset + size] !== CR || body[offset + size + 1] !== LF)) throw incomplete();
    if (signer) {
      const chunk = body.subarray(offset, offset + size);
      const expected = signer.sign(
        "AWS4-HMAC-SHA256-PAYLOAD",
        previous,
        `${EMPTY_SHA256}\n${bodySha256(chunk)}`,
      );
      checkSignature(expected, chunkSignatureOf(line));
      previous = expected;
    }
    if (size === 0) break;
    // Moving the chunk left over its own framing: Buffer#copy handles the overlap.
    if (offset !== total) body.copy(body, total, offset, offset + size);
    total += size;
    offset += size + 2;
  }

  const trailers: Record<string, string> = {};
  let signedTrailerText = "";
  while (offset < body.length) {
    const lineEnd = findCrlf(body, offset);
    const end = lineEnd < 0 ? body.length : lineEnd;
    const line = body.subarray(offset, end).toString("utf8");
    offset = lineEnd < 0 ? body.length : lineEnd + 2;
    if (line === "") {
      // The closing empty line: nothing may follow it.
      if (offset < body.length) throw incomplete();
      break;
    }
    const colon = line.indexOf(":");
    const name = colon < 0 ? "" : line.slice(0, colon).trim().toLowerCase();
    if (name === "" || /\s/.test(name)) throw malformedTrailer();
    trailers[name] = line.slice(colon + 1).trim();
    if (name !== "x-amz-trailer-signature") signedTrailerText += `${name}:${trailers[name]}\n`;
  }
  if (signer && signedTrailerText !== "") {
    const expected = signer.sign(
      "AWS4-HMAC-SHA256-TRAILER",
      previous,
      bodySha256(Buffer.from(signedTrailerText, "utf8")),
    );
    checkSignature(expected, trailers["x-amz-trailer-signature"]?.toLowerCase());
  }

  if (decodedLength !== undefined && total !== decodedLength) throw incomplete();
  return { data: body.subarray(0, total), trailers };
}
