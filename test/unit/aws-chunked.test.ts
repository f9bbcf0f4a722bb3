import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { test } from "node:test";
import { crc32 } from "node:zlib";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { ServiceError } from "../../src/sandbox/errors.js";
import {
  contentEncodingWithoutAwsChunked,
  decodeAwsChunked,
  decodedContentLength,
  isAwsChunked,
} from "../../src/sandbox/protocol/aws-chunked.js";
import { verifySignature } from "../../src/sandbox/protocol/sigv4.js";

const crc32Base64 = (b: Buffer) => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(b));
  return out.toString("base64");
};
const SIG = "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648";

function rejectsWith(body: Buffer | string, code: string, decodedLength?: number): void {
  assert.throws(
    () => decodeAwsChunked(Buffer.from(body), decodedLength),
    (e: unknown) => e instanceof ServiceError && e.code === code && e.status === 400,
    JSON.stringify(body.toString().slice(0, 80)),
  );
}

test("SIG-4 real S3Client PutObject of a stream: STREAMING-UNSIGNED-PAYLOAD-TRAILER, aws-chunked, crc32 trailer", async () => {
  let seen: { url: string; method: string; headers: IncomingHttpHeaders; body: Buffer } | undefined;
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => {
      seen = {
        url: req.url ?? "",
        method: req.method ?? "",
        headers: req.headers,
        body: Buffer.concat(parts),
      };
      res.writeHead(200, { etag: '"x"' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const s3 = new S3Client({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      region: "us-east-1",
      forcePathStyle: true,
      maxAttempts: 1,
      credentials: { accessKeyId: "AKIDCHUNK", secretAccessKey: "secret" },
    });
    const payload = Buffer.concat([Buffer.alloc(70_000, "a"), Buffer.from("tail ü\r\n0\r\n")]);
    await s3
      .send(
        new PutObjectCommand({
          Bucket: "bkt",
          Key: "dir/obj 1.bin",
          Body: Readable.from([payload.subarray(0, 40_000), payload.subarray(40_000)]),
          ContentLength: payload.length,
        }),
      )
      .catch(() => undefined);
    assert.ok(seen, "no request arrived");
    const { headers, body } = seen;
    assert.equal(headers["x-amz-content-sha256"], "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
    assert.ok(isAwsChunked(headers));
    assert.equal(decodedContentLength(headers), payload.length);
    assert.notDeepEqual(body, payload);
    const { data, trailers } = decodeAwsChunked(body, decodedContentLength(headers));
    assert.deepEqual(data, payload);
    const trailer = String(headers["x-amz-trailer"]);
    assert.equal(trailer, "x-amz-checksum-crc32");
    assert.equal(trailers[trailer], crc32Base64(payload));
    // The seed signature covers the headers (SIG-1 with the STREAMING-* payload hash).
    const q = seen.url.indexOf("?");
    const req = {
      method: seen.method,
      path: q < 0 ? seen.url : seen.url.slice(0, q),
      query: q < 0 ? "" : seen.url.slice(q + 1),
      headers,
    };
    verifySignature(req, () => "secret", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", new Date());
    assert.equal(
      contentEncodingWithoutAwsChunked(String(headers["content-encoding"] ?? "aws-chunked")),
      undefined,
    );
  } finally {
    server.close();
  }
});

test("SIG-4 exact JS SDK framing: unsigned chunks, trailer, final CRLF", () => {
  const body = `5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:${crc32Base64(Buffer.from("hello world"))}\r\n\r\n`;
  const { data, trailers } = decodeAwsChunked(Buffer.from(body), 11);
  assert.equal(data.toString(), "hello world");
  assert.deepEqual(trailers, { "x-amz-checksum-crc32": "DUoRhQ==" });
});

test("SIG-4 JS SDK framing without a checksum ends right after `0\\r\\n`", () => {
  const { data, trailers } = decodeAwsChunked(Buffer.from("3\r\nabc\r\n0\r\n"), 3);
  assert.equal(data.toString(), "abc");
  assert.deepEqual(trailers, {});
});

test("SIG-4 signed chunks (STREAMING-AWS4-HMAC-SHA256-PAYLOAD, AWS documentation layout)", () => {
  const a = Buffer.alloc(65536, "a");
  const b = Buffer.alloc(1024, "a");
  const body = Buffer.concat([
    Buffer.from(`10000;chunk-signature=${SIG}\r\n`),
    a,
    Buffer.from(`\r\n400;chunk-signature=${SIG}\r\n`),
    b,
    Buffer.from(`\r\n0;chunk-signature=${SIG}\r\n\r\n`),
  ]);
  const { data, trailers } = decodeAwsChunked(body, 66560);
  assert.equal(data.length, 66560);
  assert.deepEqual(trailers, {});
});

test("SIG-4 signed chunks with signed trailer (STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER)", () => {
  const body =
    `b;chunk-signature=${SIG}\r\nhello world\r\n0;chunk-signature=${SIG}\r\n` +
    `x-amz-checksum-crc32:DUoRhQ==\r\nx-amz-trailer-signature:${SIG}\r\n\r\n`;
  const { data, trailers } = decodeAwsChunked(Buffer.from(body));
  assert.equal(data.toString(), "hello world");
  assert.deepEqual(trailers, { "x-amz-checksum-crc32": "DUoRhQ==", "x-amz-trailer-signature": SIG });
});

test("SIG-4 botocore framing: upper-case hex sizes, binary data containing CRLF", () => {
  const chunk = Buffer.from([0x0d, 0x0a, 0x30, 0x0d, 0x0a, 0xff, 0x00, 0x0d, 0x0a, 0x0d, 0x0a]);
  const body = Buffer.concat([
    Buffer.from("B\r\n"),
    chunk,
    Buffer.from("\r\n0\r\nX-Amz-Checksum-SHA256 : abc= \r\n\r\n"),
  ]);
  const { data, trailers } = decodeAwsChunked(body, 11);
  assert.deepEqual(data, chunk);
  assert.deepEqual(trailers, { "x-amz-checksum-sha256": "abc=" });
});

test("SIG-4 empty object: a lone zero-size chunk", () => {
  assert.equal(decodeAwsChunked(Buffer.from("0\r\n\r\n"), 0).data.length, 0);
  assert.equal(decodeAwsChunked(Buffer.from(`0;chunk-signature=${SIG}\r\n\r\n`)).data.length, 0);
});

test("SIG-4 length differing from x-amz-decoded-content-length -> IncompleteBody 400", () => {
  rejectsWith("5\r\nhello\r\n0\r\n\r\n", "IncompleteBody", 6);
  rejectsWith("5\r\nhello\r\n0\r\n\r\n", "IncompleteBody", 4);
});

test("SIG-4 garbled framing -> IncompleteBody 400", () => {
  for (const body of [
    "", // nothing at all
    "hello", // no framing
    "zz\r\nhello\r\n0\r\n\r\n", // size not hex
    ";chunk-signature=abc\r\nhello\r\n0\r\n\r\n", // no size
    "5\r\nhel", // data cut short
    "5\r\nhello", // no CRLF after data
    "5\r\nhelloXY0\r\n\r\n", // data longer than the size
    "5\r\nhello\r\n", // no terminating zero-size chunk
    "5\r\nhello\r\n0\r\n\r\n5\r\nhello\r\n", // data after the end
    "fffffffffffffffff\r\nx\r\n0\r\n\r\n", // absurd size
  ]) {
    rejectsWith(body, "IncompleteBody");
  }
});

test("SIG-4 malformed trailer line -> MalformedTrailerError 400", () => {
  rejectsWith("5\r\nhello\r\n0\r\nx-amz-checksum-crc32\r\n\r\n", "MalformedTrailerError");
  rejectsWith("5\r\nhello\r\n0\r\n:value\r\n\r\n", "MalformedTrailerError");
});

test("SIG-4 isAwsChunked: Content-Encoding list or STREAMING-* payload hash", () => {
  assert.ok(isAwsChunked({ "content-encoding": "aws-chunked" }));
  assert.ok(isAwsChunked({ "content-encoding": "gzip, AWS-Chunked" }));
  assert.ok(isAwsChunked({ "content-encoding": ["gzip", "aws-chunked"] }));
  assert.ok(isAwsChunked({ "x-amz-content-sha256": "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" }));
  assert.ok(isAwsChunked({ "x-amz-content-sha256": "STREAMING-UNSIGNED-PAYLOAD-TRAILER" }));
  assert.ok(!isAwsChunked({ "x-amz-content-sha256": "UNSIGNED-PAYLOAD" }));
  assert.ok(!isAwsChunked({ "content-encoding": "gzip" }));
  assert.ok(!isAwsChunked({}));
});

test("SIG-4 helpers: decoded length header and Content-Encoding without aws-chunked", () => {
  assert.equal(decodedContentLength({ "x-amz-decoded-content-length": "66560" }), 66560);
  assert.equal(decodedContentLength({ "x-amz-decoded-content-length": "-1" }), undefined);
  assert.equal(decodedContentLength({}), undefined);
  assert.equal(contentEncodingWithoutAwsChunked("aws-chunked"), undefined);
  assert.equal(contentEncodingWithoutAwsChunked("aws-chunked,gzip"), "gzip");
  assert.equal(contentEncodingWithoutAwsChunked("gzip, aws-chunked, br"), "gzip,br");
  assert.equal(contentEncodingWithoutAwsChunked(undefined), undefined);
});
