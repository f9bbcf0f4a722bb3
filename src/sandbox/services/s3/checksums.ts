/**
 * Flexible checksums (S3-10): the algorithms S3 accepts in `x-amz-checksum-<alg>`, computed here so
 * that a value sent by the client is verified against the stored bytes (BadDigest on mismatch) and
 * never invented. CRC32C and CRC64/NVME are small table CRCs written out here rather than taken from
 * the SDK's internal packages.
 */
import { createHash } from "node:crypto";
import * as zlib from "node:zlib";
import { ServiceError } from "../../errors.js";
import { headerString } from "../../protocol/exchange.js";

export type ChecksumType = "FULL_OBJECT" | "COMPOSITE";

export interface StoredChecksum {
  algorithm: string;
  /** base64 digest; COMPOSITE values end in `-<parts>` */
  value: string;
  type: ChecksumType;
}

interface Algorithm {
  name: string;
  /** Input/output member of the SDK shapes, e.g. `ChecksumCRC32`. */
  member: string;
  header: string;
  digest?: (data: Buffer) => Buffer;
}

function crc32Table(poly: number): Uint32Array {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
    table[i] = c >>> 0;
  }
  return table;
}

function reflectedCrc32(table: Uint32Array, data: Buffer): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = (crc >>> 8) ^ table[(crc ^ data[i]) & 0xff];
  return (crc ^ 0xffffffff) >>> 0;
}

const CRC32_TABLE = crc32Table(0xedb88320);
const CRC32C_TABLE = crc32Table(0x82f63b78);

const zlibCrc32 = (zlib as unknown as { crc32?: (data: Buffer) => number }).crc32;

function be32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

const crc32 = (data: Buffer) => be32(zlibCrc32 ? zlibCrc32(data) : reflectedCrc32(CRC32_TABLE, data));
const crc32c = (data: Buffer) => be32(reflectedCrc32(CRC32C_TABLE, data));

/** CRC-64/NVME (reflected polynomial 0x9a6c9329ac4bc9b5), kept as two 32-bit halves for speed. */
const CRC64_TABLE = (() => {
  const poly = 0x9a6c9329ac4bc9b5n;
  const hi = new Uint32Array(256);
  const lo = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = BigInt(i);
    for (let k = 0; k < 8; k++) c = c & 1n ? (c >> 1n) ^ poly : c >> 1n;
    hi[i] = Number(c >> 32n);
    lo[i] = Number(c & 0xffffffffn);
  }
  return { hi, lo };
})();

function crc64nvme(data: Buffer): Buffer {
  let hi = 0xffffffff;
  let lo = 0xffffffff;
  for (let i = 0; i < data.length; i++) {
    const idx = (lo ^ data[i]) & 0xff;
    lo = (((lo >>> 8) | (hi << 24)) ^ CRC64_TABLE.lo[idx]) >>> 0;
    hi = ((hi >>> 8) ^ CRC64_TABLE.hi[idx]) >>> 0;
  }
  const out = Buffer.alloc(8);
  out.writeUInt32BE((hi ^ 0xffffffff) >>> 0, 0);
  out.writeUInt32BE((lo ^ 0xffffffff) >>> 0, 4);
  return out;
}

const hash = (alg: string) => (data: Buffer) => createHash(alg).update(data).digest();

/** Every `x-amz-checksum-*` the SDK models; the xxhash family is stored as sent, unverified. */
export const ALGORITHMS: Algorithm[] = [
  { name: "CRC32", member: "ChecksumCRC32", header: "x-amz-checksum-crc32", digest: crc32 },
  { name: "CRC32C", member: "ChecksumCRC32C", header: "x-amz-checksum-crc32c", digest: crc32c },
  { name: "CRC64NVME", member: "ChecksumCRC64NVME", header: "x-amz-checksum-crc64nvme", digest: crc64nvme },
  { name: "SHA1", member: "ChecksumSHA1", header: "x-amz-checksum-sha1", digest: hash("sha1") },
  { name: "SHA256", member: "ChecksumSHA256", header: "x-amz-checksum-sha256", digest: hash("sha256") },
  { name: "SHA512", member: "ChecksumSHA512", header: "x-amz-checksum-sha512", digest: hash("sha512") },
  { name: "MD5", member: "ChecksumMD5", header: "x-amz-checksum-md5", digest: hash("md5") },
  { name: "XXHASH64", member: "ChecksumXXHASH64", header: "x-amz-checksum-xxhash64" },
  { name: "XXHASH3", member: "ChecksumXXHASH3", header: "x-amz-checksum-xxhash3" },
  { name: "XXHASH128", member: "ChecksumXXHASH128", header: "x-amz-checksum-xxhash128" },
];

const byName = new Map(ALGORITHMS.map((a) => [a.name, a]));
const byHeader = new Map(ALGORITHMS.map((a) => [a.header, a]));

/** The algorithms a client may ask for in `x-amz-sdk-checksum-algorithm` (the spec's enum). */
export const CHECKSUM_ALGORITHMS = ["CRC32", "CRC32C", "SHA1", "SHA256", "CRC64NVME"];

/** base64 digest of `data`, or undefined when the sandbox cannot compute that algorithm. */
export function computeChecksum(algorithm: string, data: Buffer): string | undefined {
  return byName.get(algorithm.toUpperCase())?.digest?.(data).toString("base64");
}

function checkValue(alg: Algorithm, value: string, data: Buffer): void {
  if (!alg.digest) return;
  const expected = alg.digest(data);
  const sent = Buffer.from(value, "base64");
  if (sent.length !== expected.length || sent.toString("base64") !== value)
    throw new ServiceError("InvalidRequest", `Value for ${alg.header} header is invalid.`, {}, 400);
  if (!sent.equals(expected))
    throw new ServiceError(
      "BadDigest",
      `The ${alg.name} you specified did not match the calculated checksum.`,
      {},
      400,
    );
}

/**
 * The checksum of an upload (S3-10): the single `x-amz-checksum-*` value sent (verified against the
 * bytes), else the one the client announced (`x-amz-sdk-checksum-algorithm`, or `x-amz-trailer` when
 * the value travels in an aws-chunked trailer) computed from the bytes, else none.
 */
export function uploadChecksum(
  input: Record<string, unknown>,
  data: Buffer,
  headers: Record<string, string | string[] | undefined>,
): StoredChecksum | undefined {
  const sent = ALGORITHMS.filter((a) => typeof input[a.member] === "string");
  if (sent.length > 1)
    throw new ServiceError(
      "InvalidRequest",
      "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.",
      {},
      400,
    );
  const declaredName = typeof input.ChecksumAlgorithm === "string" ? input.ChecksumAlgorithm : undefined;
  if (sent.length === 1) {
    const alg = sent[0];
    if (declaredName && declaredName.toUpperCase() !== alg.name)
      throw new ServiceError(
        "InvalidRequest",
        `Value for x-amz-sdk-checksum-algorithm header is invalid.`,
        {},
        400,
      );
    const value = input[alg.member] as string;
    checkValue(alg, value, data);
    return { algorithm: alg.name, value, type: "FULL_OBJECT" };
  }
  const trailer = headerString(headers["x-amz-trailer"])?.trim().toLowerCase();
  const announced =
    (trailer ? byHeader.get(trailer) : undefined) ?? byName.get(declaredName?.toUpperCase() ?? "");
  const value = announced ? computeChecksum(announced.name, data) : undefined;
  return announced && value ? { algorithm: announced.name, value, type: "FULL_OBJECT" } : undefined;
}

/** Content-MD5 (base64 of the 16-byte MD5): InvalidDigest when malformed, BadDigest when different. */
export function verifyContentMd5(contentMd5: string | undefined, data: Buffer): void {
  if (contentMd5 === undefined) return;
  const sent = Buffer.from(contentMd5, "base64");
  if (sent.length !== 16)
    throw new ServiceError("InvalidDigest", "The Content-MD5 you specified was invalid.", {}, 400);
  if (!sent.equals(createHash("md5").update(data).digest()))
    throw new ServiceError(
      "BadDigest",
      "The Content-MD5 you specified did not match what we received.",
      {},
      400,
    );
}

/** COMPOSITE multipart checksum: digest of the concatenated part digests, `-<n>` appended (S3-11). */
export function compositeChecksum(algorithm: string, partValues: string[]): string | undefined {
  const joined = Buffer.concat(partValues.map((v) => Buffer.from(v, "base64")));
  const digest = computeChecksum(algorithm, joined);
  return digest === undefined ? undefined : `${digest}-${partValues.length}`;
}

/** The output members (`ChecksumCRC32`..., `ChecksumType`) for a stored checksum. */
export function checksumMembers(c: StoredChecksum | undefined): Record<string, string> {
  if (!c) return {};
  const alg = byName.get(c.algorithm);
  return alg ? { [alg.member]: c.value, ChecksumType: c.type } : {};
}

/** `Checksum*` member of a part or completed-part entry, for the algorithm of an upload. */
export function checksumMemberName(algorithm: string): string | undefined {
  return byName.get(algorithm.toUpperCase())?.member;
}

export const md5Hex = (data: Buffer) => createHash("md5").update(data).digest("hex");
