/**
 * Addressing and authentication modes: S3 virtual-host style (S3P-1), attribution by host
 * name when a request carries no signature (PROTO-2 step 3), and `--no-auth` (SIG-1).
 */
import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, test } from "node:test";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Hash } from "@smithy/core/serde";
import { SignatureV4 } from "@smithy/signature-v4";
import { type TestSandbox, startSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
let open: TestSandbox;
before(async () => {
  [sb, open] = await Promise.all([startSandbox(), startSandbox({ args: ["--no-auth"] })]);
});
after(async () => {
  await Promise.all([sb.dispose(), open.dispose()]);
});

function rawGet(port: number, host: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path, method: "GET", headers: { ...headers, host } },
      (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

test("S3P-1: a virtual-host style GET (<bucket>.s3.<region>.amazonaws.com) reads the object", async () => {
  const s3 = new S3Client(sb.s3Config);
  await s3.send(new CreateBucketCommand({ Bucket: "vhost-bucket" }));
  await s3.send(new PutObjectCommand({ Bucket: "vhost-bucket", Key: "dir/file.txt", Body: "virtual host" }));
  const host = "vhost-bucket.s3.us-east-1.amazonaws.com";
  const signer = new SignatureV4({
    credentials: sb.credentials,
    region: "us-east-1",
    service: "s3",
    sha256: Hash.bind(null, "sha256"),
    uriEscapePath: false,
  });
  const signed = await signer.sign({
    method: "GET",
    protocol: "http:",
    hostname: host,
    path: "/dir/file.txt",
    headers: { host, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
  });
  const res = await rawGet(sb.port, host, "/dir/file.txt", signed.headers as Record<string, string>);
  assert.equal(res.status, 200);
  assert.equal(res.body, "virtual host");
});

test("SIG-1: with auth on, an unsigned request is refused with 403", async () => {
  const res = await rawGet(sb.port, "iot.us-east-1.amazonaws.com", "/things");
  assert.equal(res.status, 403);
  assert.match(res.body, /MissingAuthenticationToken/);
});

test("SIG-1 / PROTO-2: --no-auth accepts unsigned requests, attributed by host name", async () => {
  const res = await rawGet(open.port, "iot.us-east-1.amazonaws.com", "/things");
  assert.equal(res.status, 200);
  assert.deepEqual(JSON.parse(res.body).things, []);
  const s3 = await rawGet(open.port, "s3.us-east-1.amazonaws.com", "/");
  assert.equal(s3.status, 200);
  assert.match(s3.body, /<ListAllMyBucketsResult/);
});

test("SIG-1: --no-auth still accepts signed requests with any secret", async () => {
  const s3 = new S3Client({
    ...open.s3Config,
    credentials: { accessKeyId: "AKIAANYTHING", secretAccessKey: "whatever" },
  });
  const out = await s3.send(new CreateBucketCommand({ Bucket: "open-bucket" }));
  assert.equal(out.$metadata.httpStatusCode, 200);
});
