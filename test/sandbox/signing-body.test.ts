/**
 * Signatures bind the body (SIG-1, SIG-4): a captured request replayed with another body is refused
 * and stores nothing; iot never takes `UNSIGNED-PAYLOAD`; S3 checks a hex `x-amz-content-sha256`
 * against the body and verifies the chunk signatures of a signed aws-chunked upload.
 */
import assert from "node:assert/strict";
import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, request } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { crc32 } from "node:zlib";
import { CreateThingCommand, DescribeThingCommand, IoTClient } from "@aws-sdk/client-iot";
import {
  GetThingShadowCommand,
  IoTDataPlaneClient,
  UpdateThingShadowCommand,
} from "@aws-sdk/client-iot-data-plane";
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { sandboxSigner } from "../helpers/signing.js";

let sb: TestSandbox;
let s3: S3Client;
const bucket = "signing-body";
before(async () => {
  sb = await startSandbox();
  s3 = new S3Client(sb.s3Config);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
});
after(() => sb.dispose());

const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

interface Sent {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface Answer {
  status: number;
  text: string;
}

/** Sends a request as captured (Host header included) to the sandbox. */
function replay(
  sent: Sent,
  body: Buffer | string = sent.body,
  extra: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...sent.headers, ...extra, "content-length": String(Buffer.byteLength(body)) };
    const req = request(
      { host: "127.0.0.1", port: sb.port, method: sent.method, path: sent.url, headers },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString("utf8") }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** What a real SDK client sends for one call (sent to a local server that answers 200 `{}`). */
async function capture(call: (endpoint: string) => Promise<unknown>): Promise<Sent> {
  let sent: Sent | undefined;
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => {
      sent = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(parts),
      };
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await call(`http://127.0.0.1:${(server.address() as AddressInfo).port}`).catch(() => undefined);
  } finally {
    server.close();
  }
  assert.ok(sent, "the SDK sent nothing");
  return sent;
}

test("SIG-1: a captured UpdateThingShadow replayed with another body (TAMPERED) is refused and the shadow keeps its state", async () => {
  const payload = (v: string) => Buffer.from(`{"state":{"reported":{"v":"${v}"}}}`);
  const sent = await capture((endpoint) =>
    new IoTDataPlaneClient({ ...sb.config, endpoint }).send(
      new UpdateThingShadowCommand({ thingName: "replayed", payload: payload("GOODGOOD") }),
    ),
  );
  assert.equal((await replay(sent)).status, 200);
  // The body's own hash in x-amz-content-sha256 (signed or not) does not make another body pass.
  const extras: Array<Record<string, string>> = [{}, { "x-amz-content-sha256": sha256(sent.body) }];
  for (const extra of extras) {
    const tampered = await replay(sent, payload("TAMPERED"), extra);
    assert.equal(tampered.status, 403, tampered.text);
    assert.match(tampered.text, /InvalidSignatureException/);
  }
  const data = new IoTDataPlaneClient(sb.config);
  const shadow = await data.send(new GetThingShadowCommand({ thingName: "replayed" }));
  const doc = JSON.parse(new TextDecoder().decode(shadow.payload)) as { state: { reported: { v: string } } };
  assert.equal(doc.state.reported.v, "GOODGOOD");
});

test("SIG-1: a captured CreateThing replayed with another owner attribute is refused and creates nothing", async () => {
  const create = (owner: string) =>
    new CreateThingCommand({ thingName: "owned-thing", attributePayload: { attributes: { owner } } });
  const sent = await capture((endpoint) => new IoTClient({ ...sb.config, endpoint }).send(create("alice")));
  const tamperedBody = Buffer.from(sent.body.toString("utf8").replace("alice", "mally"));
  const tampered = await replay(sent, tamperedBody, { "x-amz-content-sha256": sha256(sent.body) });
  assert.equal(tampered.status, 403, tampered.text);
  const iot = new IoTClient(sb.config);
  await assert.rejects(
    iot.send(new DescribeThingCommand({ thingName: "owned-thing" })),
    (e: Error) => e.name === "ResourceNotFoundException",
  );
  assert.equal((await replay(sent)).status, 200);
  const thing = await iot.send(new DescribeThingCommand({ thingName: "owned-thing" }));
  assert.equal(thing.attributes?.owner, "alice");
});

/** A request signed by hand with SignatureV4 (the SDK's signer) and sent with `body`. */
async function signedRequest(opts: {
  service: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  signedBody?: Buffer | string;
  body?: Buffer | string;
}): Promise<Answer & { headers: Record<string, string> }> {
  const url = new URL(sb.endpoint);
  const signer = sandboxSigner(sb, opts.service);
  const body = opts.body ?? opts.signedBody ?? "";
  const signed = await signer.sign({
    method: opts.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: opts.path,
    query: {},
    headers: { host: url.host, "content-length": String(Buffer.byteLength(body)), ...opts.headers },
    body: opts.signedBody ?? body,
  });
  const res = await fetch(`${sb.endpoint}${opts.path}`, {
    method: opts.method,
    headers: signed.headers,
    body: opts.method === "GET" ? undefined : new Uint8Array(Buffer.from(body)),
  });
  return { status: res.status, text: await res.text(), headers: signed.headers };
}

test("SIG-1: UNSIGNED-PAYLOAD is refused on iot (InvalidSignatureException) and creates nothing", async () => {
  const res = await signedRequest({
    service: "iot",
    method: "POST",
    path: "/things/unsigned-payload-thing",
    headers: { "content-type": "application/json", "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
    body: "{}",
  });
  assert.equal(res.status, 403, res.text);
  assert.match(res.text, /InvalidSignatureException/);
  await assert.rejects(
    new IoTClient(sb.config).send(new DescribeThingCommand({ thingName: "unsigned-payload-thing" })),
    (e: Error) => e.name === "ResourceNotFoundException",
  );
});

test("SIG-4: S3 PutObject signed for GOOD carrying EVIL -> 400 XAmzContentSHA256Mismatch and no object", async () => {
  const res = await signedRequest({
    service: "s3",
    method: "PUT",
    path: `/${bucket}/tampered-object`,
    headers: { "x-amz-content-sha256": sha256("GOOD") },
    signedBody: "GOOD",
    body: "EVIL",
  });
  assert.equal(res.status, 400, res.text);
  assert.match(res.text, /<Code>XAmzContentSHA256Mismatch<\/Code>/);
  assert.match(
    res.text,
    new RegExp(`<ClientComputedContentSHA256>${sha256("GOOD")}</ClientComputedContentSHA256>`),
  );
  assert.match(res.text, new RegExp(`<S3ComputedContentSHA256>${sha256("EVIL")}</S3ComputedContentSHA256>`));
  await assert.rejects(
    s3.send(new HeadObjectCommand({ Bucket: bucket, Key: "tampered-object" })),
    (e: Error) => e.name === "NotFound",
  );
  // The same request with the body it was signed for is stored.
  const good = await signedRequest({
    service: "s3",
    method: "PUT",
    path: `/${bucket}/tampered-object`,
    headers: { "x-amz-content-sha256": sha256("GOOD") },
    body: "GOOD",
  });
  assert.equal(good.status, 200, good.text);
});

test("SIG-4: an x-amz-content-sha256 outside the SIG-4 forms -> 400 InvalidArgument", async () => {
  const res = await signedRequest({
    service: "s3",
    method: "PUT",
    path: `/${bucket}/odd-hash`,
    headers: { "x-amz-content-sha256": "NOT-A-HASH" },
    body: "x",
  });
  assert.equal(res.status, 400, res.text);
  assert.match(res.text, /<Code>InvalidArgument<\/Code>/);
});

const EMPTY_SHA256 = sha256("");
const hmac = (key: Buffer | string, text: string) => createHmac("sha256", key).update(text, "utf8").digest();

/**
 * A signed aws-chunked upload (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]) built by hand as AWS
 * documents it: seed = the request signature, each chunk signed in a chain, then the trailer.
 * `tamper` changes one byte of the second chunk, or the trailer's checksum, after they were signed.
 */
async function chunkSignedPut(
  key: string,
  chunks: Buffer[],
  opts: { trailer?: boolean; tamper?: "chunk" | "trailer" } = {},
) {
  const data = Buffer.concat(chunks);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data));
  const trailerLines = opts.trailer ? `x-amz-checksum-crc32:${crc.toString("base64")}\n` : "";
  const sigLine = (size: number) => `${size.toString(16)};chunk-signature=${"0".repeat(64)}\r\n`;
  const framedLength =
    chunks.reduce((n, c) => n + sigLine(c.length).length + c.length + 2, 0) +
    sigLine(0).length +
    (opts.trailer
      ? `${trailerLines.replace("\n", "\r\n")}x-amz-trailer-signature:${"0".repeat(64)}\r\n\r\n`.length
      : 2);
  const mode = opts.trailer
    ? "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER"
    : "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
  const headers: Record<string, string> = {
    "content-encoding": "aws-chunked",
    "x-amz-content-sha256": mode,
    "x-amz-decoded-content-length": String(data.length),
    ...(opts.trailer
      ? { "x-amz-trailer": "x-amz-checksum-crc32", "x-amz-sdk-checksum-algorithm": "CRC32" }
      : {}),
  };
  const url = new URL(sb.endpoint);
  const signer = sandboxSigner(sb, "s3");
  const signed = await signer.sign({
    method: "PUT",
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: `/${bucket}/${key}`,
    query: {},
    headers: { host: url.host, "content-length": String(framedLength), ...headers },
  });
  const amzDate = signed.headers["x-amz-date"];
  const scope = `${amzDate.slice(0, 8)}/${sb.region}/s3/aws4_request`;
  let key4: Buffer | string = `AWS4${sb.credentials.secretAccessKey}`;
  for (const part of [amzDate.slice(0, 8), sb.region, "s3", "aws4_request"]) key4 = hmac(key4, part);
  let previous = /Signature=([0-9a-f]{64})/.exec(signed.headers.authorization)![1];
  const sign = (algorithm: string, hashes: string) => {
    previous = hmac(key4, `${algorithm}\n${amzDate}\n${scope}\n${previous}\n${hashes}`).toString("hex");
    return previous;
  };
  const parts: Buffer[] = [];
  chunks.forEach((chunk, i) => {
    const signature = sign("AWS4-HMAC-SHA256-PAYLOAD", `${EMPTY_SHA256}\n${sha256(chunk)}`);
    const sentChunk = Buffer.from(chunk);
    if (opts.tamper === "chunk" && i === 1) sentChunk[0] ^= 1;
    parts.push(
      Buffer.from(`${chunk.length.toString(16)};chunk-signature=${signature}\r\n`),
      sentChunk,
      Buffer.from("\r\n"),
    );
  });
  parts.push(
    Buffer.from(
      `0;chunk-signature=${sign("AWS4-HMAC-SHA256-PAYLOAD", `${EMPTY_SHA256}\n${EMPTY_SHA256}`)}\r\n`,
    ),
  );
  if (opts.trailer) {
    const trailerSignature = sign("AWS4-HMAC-SHA256-TRAILER", sha256(trailerLines));
    // Another valid-looking checksum of the same length: only the trailer signature can tell.
    const sentTrailer =
      opts.tamper === "trailer"
        ? trailerLines.replace(/[A-Za-z](?==*\n)/, (c) => (c === "A" ? "B" : "A"))
        : trailerLines;
    parts.push(
      Buffer.from(`${sentTrailer.replace("\n", "\r\n")}x-amz-trailer-signature:${trailerSignature}\r\n\r\n`),
    );
  } else parts.push(Buffer.from("\r\n"));
  const body = Buffer.concat(parts);
  assert.equal(body.length, framedLength);
  const res = await fetch(`${sb.endpoint}/${bucket}/${key}`, {
    method: "PUT",
    headers: signed.headers,
    body,
  });
  return { status: res.status, text: await res.text(), data };
}

test("SIG-4: a chunk-signed upload (STREAMING-AWS4-HMAC-SHA256-PAYLOAD) is stored; a tampered chunk -> 403 SignatureDoesNotMatch, no object", async () => {
  const chunks = [Buffer.alloc(8192, "a"), Buffer.alloc(8192, "b"), Buffer.from("tail")];
  const good = await chunkSignedPut("chunk-signed", chunks);
  assert.equal(good.status, 200, good.text);
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: "chunk-signed" }));
  assert.ok(Buffer.from(await got.Body!.transformToByteArray()).equals(good.data));

  const bad = await chunkSignedPut("chunk-tampered", chunks, { tamper: "chunk" });
  assert.equal(bad.status, 403, bad.text);
  assert.match(bad.text, /<Code>SignatureDoesNotMatch<\/Code>/);
  await assert.rejects(
    s3.send(new HeadObjectCommand({ Bucket: bucket, Key: "chunk-tampered" })),
    (e: Error) => e.name === "NotFound",
  );
});

test("SIG-4: the -TRAILER form checks the trailer signature: a changed checksum -> 403 SignatureDoesNotMatch", async () => {
  const chunks = [Buffer.alloc(8192, "c"), Buffer.from("end")];
  const good = await chunkSignedPut("chunk-trailer", chunks, { trailer: true });
  assert.equal(good.status, 200, good.text);
  const head = await s3.send(
    new HeadObjectCommand({ Bucket: bucket, Key: "chunk-trailer", ChecksumMode: "ENABLED" }),
  );
  assert.ok(head.ChecksumCRC32);
  for (const tamper of ["chunk", "trailer"] as const) {
    const bad = await chunkSignedPut(`chunk-trailer-${tamper}`, chunks, { trailer: true, tamper });
    assert.equal(bad.status, 403, bad.text);
    assert.match(bad.text, /<Code>SignatureDoesNotMatch<\/Code>/);
  }
});
