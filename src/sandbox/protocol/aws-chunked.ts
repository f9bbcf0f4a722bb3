/**
 * `aws-chunked` request bodies (SIG-4): S3 uploads streamed by the SDKs and the CLI frame the object as
 *
 *   <hex-size>[;chunk-signature=<sig>]\r\n<bytes>\r\n ... 0[;chunk-signature=<sig>]\r\n
 *   [<trailer-name>:<value>\r\n ...]\r\n
 *
 * Pure decoding, no I/O. Chunk signatures (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]) and the
 * trailer signature are NOT verified: the seed signature of the request (Authorization header,
 * checked by sigv4.ts in strict mode) covers the headers, and the sandbox does not need to defend
 * against tampering between chunks. Trailing checksums are returned for the caller to check.
 *
 * Errors use S3's codes: framing that breaks off or does not parse, and a decoded length different
 * from `x-amz-decoded-content-length`, are `IncompleteBody` 400 "The request body terminated
 * unexpectedly" (what S3 answers, also for non-hex chunk sizes); an unparseable trailer line is
 * `MalformedTrailerError` 400.
 */
import { ServiceError } from "../errors.js";

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
 * Decodes an aws-chunked body into the object bytes and the trailers (names lower-cased, e.g.
 * `x-amz-checksum-crc32`, `x-amz-trailer-signature`). When `decodedLength` is given the data must have
 * exactly that length. The final empty line after the zero-size chunk is optional, as the JS SDK omits
 * it when it sends no trailer.
 */
export function decodeAwsChunked(
  body: Buffer,
  decodedLength?: number,
): { data: Buffer; trailers: Record<string, string> } {
  const chunks: Buffer[] = [];
  let total = 0;
  let offset = 0;
  for (;;) {
    const lineEnd = findCrlf(body, offset);
    if (lineEnd < 0 || lineEnd - offset > MAX_HEADER_LINE) throw incomplete();
    const line = body.subarray(offset, lineEnd).toString("latin1");
    const semi = line.indexOf(";");
    const sizeText = (semi < 0 ? line : line.slice(0, semi)).trim();
    if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText)) throw incomplete();
    const size = Number.parseInt(sizeText, 16);
    offset = lineEnd + 2;
    if (size === 0) break;
    if (!Number.isSafeInteger(size) || offset + size + 2 > body.length) throw incomplete();
    if (body[offset + size] !== CR || body[offset + size + 1] !== LF) throw incomplete();
    chunks.push(body.subarray(offset, offset + size));
    total += size;
    offset += size + 2;
  }

  const trailers: Record<string, string> = {};
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
  }

  if (decodedLength !== undefined && total !== decodedLength) throw incomplete();
  return { data: Buffer.concat(chunks, total), trailers };
}
