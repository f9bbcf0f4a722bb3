/** SigV4 forms that S3 clients use beyond plain signed requests: presigned GETs (SIG-3) and aws-chunked uploads (SIG-4). */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { md5Hex, s3Signer, sdkPresignedGet, uniqueKey } from "./s3-helpers.js";

let sb: TestSandbox;
let s3: S3Client;
let bucket: string;
before(async () => {
  sb = await startSandbox();
  s3 = new S3Client(sb.s3Config);
  bucket = `signing-${randomBytes(4).toString("hex")}`;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
});
after(() => sb.dispose());

const key = uniqueKey;
const md5 = md5Hex;

const presignGet = (objectKey: string, expiresIn: number, signingDate?: Date) =>
  sdkPresignedGet(sb, bucket, objectKey, expiresIn, signingDate);

test("SIG-3 / S3-9: a presigned GET works from a plain HTTP client", async () => {
  const k = key("presigned file");
  const data = randomBytes(1000);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: k, Body: data, ContentType: "application/zip" }));
  const res = await fetch(await presignGet(k, 900));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/zip");
  assert.equal(res.headers.get("etag"), `"${md5(data)}"`);
  assert.ok(Buffer.from(await res.arrayBuffer()).equals(data));
});

test("SIG-3: an expired presigned URL -> 403 AccessDenied 'Request has expired' with X-Amz-Expires", async () => {
  const k = key("expired");
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: k, Body: "x" }));
  const res = await fetch(await presignGet(k, 60, new Date(Date.now() - 120_000)));
  assert.equal(res.status, 403);
  const text = await res.text();
  assert.match(text, /<Code>AccessDenied<\/Code>/);
  assert.match(text, /<Message>Request has expired<\/Message>/);
  assert.match(text, /<X-Amz-Expires>60<\/X-Amz-Expires>/);
  assert.match(text, /<ServerTime>/);
});

test("SIG-3: a tampered presigned URL -> 403 SignatureDoesNotMatch", async () => {
  const k = key("tampered");
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: k, Body: "x" }));
  const url = await presignGet(k, 900);
  const res = await fetch(url.replace(`/${bucket}/`, `/${bucket}/x`));
  assert.equal(res.status, 403);
  assert.match(await res.text(), /<Code>SignatureDoesNotMatch<\/Code>/);
});

/** A signed aws-chunked PUT (STREAMING-UNSIGNED-PAYLOAD-TRAILER) whose trailer carries `trailer`. */
async function chunkedPut(objectKey: string, data: Buffer, trailer: string): Promise<Response> {
  const url = new URL(sb.endpoint);
  const path = `/${bucket}/${objectKey}`;
  const body = Buffer.concat([
    Buffer.from(`${data.length.toString(16)}\r\n`),
    data,
    Buffer.from(`\r\n0\r\n${trailer}\r\n\r\n`),
  ]);
  const signer = s3Signer(sb);
  const headers: Record<string, string> = {
    host: url.host,
    "content-encoding": "aws-chunked",
    "content-length": String(body.length),
    "x-amz-content-sha256": "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
    "x-amz-decoded-content-length": String(data.length),
    "x-amz-trailer": trailer.split(":")[0],
    "x-amz-sdk-checksum-algorithm": "CRC32",
  };
  const signed = await signer.sign({
    method: "PUT",
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path,
    query: {},
    headers,
  });
  return fetch(`${sb.endpoint}${path}`, { method: "PUT", headers: signed.headers, body });
}

test("SIG-4 / S3-10: a trailing checksum is verified: right -> stored, wrong -> 400 BadDigest", async () => {
  const data = Buffer.from("trailer checked payload");
  const good = await chunkedPut("trailer-good", data, `x-amz-checksum-crc32:${crc32Base64(data)}`);
  assert.equal(good.status, 200);
  assert.equal(good.headers.get("x-amz-checksum-crc32"), crc32Base64(data));
  const bad = await chunkedPut("trailer-bad", data, "x-amz-checksum-crc32:AAAAAA==");
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /<Code>BadDigest<\/Code>/);
});

test("S3-4: a served Range is 206 Partial Content", async () => {
  const k = key("range206");
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: k, Body: "0123456789" }));
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: k, Range: "bytes=0-3" }));
  assert.equal(got.$metadata.httpStatusCode, 206);
  const whole = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: k }));
  assert.equal(whole.$metadata.httpStatusCode, 200);
});

/** CRC32 (IEEE) of the bytes, base64 of the big-endian value, as S3 expects it. */
function crc32Base64(data: Buffer): string {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  const out = Buffer.alloc(4);
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return out.toString("base64");
}
