/**
 * Bounded memory at the HTTP front: a request is authenticated and sized from its head before any
 * body is read; refused bodies are never read (the answer arrives while the client still sends,
 * then the connection closes); bodies over a service's limit get its error (MQTT-1, S3's
 * EntityTooLarge); bodies in flight beyond the sandbox's budget get the service's throttling
 * answer (PROTO-10: S3 SlowDown 503).
 */
import assert from "node:assert/strict";
import { connect, type Socket } from "node:net";
import { after, before, test } from "node:test";
import { CreateThingCommand, IoTClient } from "@aws-sdk/client-iot";
import { IoTDataPlaneClient, PublishCommand, UpdateThingShadowCommand } from "@aws-sdk/client-iot-data-plane";
import { CreateBucketCommand, HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { sandboxSigner } from "../helpers/signing.js";

let sb: TestSandbox;
const bucket = "front-limits";
before(async () => {
  sb = await startSandbox();
  await new S3Client(sb.s3Config).send(new CreateBucketCommand({ Bucket: bucket }));
});
after(() => sb.dispose());

const MiB = 1024 * 1024;

/** A raw HTTP/1.1 exchange: the head is written at once, the body when the test decides. */
class RawExchange {
  readonly socket: Socket;
  /** Bytes of body written so far. */
  written = 0;
  private received = "";
  private closed = false;
  private readonly closedPromise: Promise<void>;

  constructor(port: number, head: string) {
    this.socket = connect(port, "127.0.0.1");
    this.socket.on("data", (d: Buffer) => {
      this.received += d.toString("latin1");
    });
    this.socket.on("error", () => undefined);
    this.closedPromise = new Promise((resolve) =>
      this.socket.once("close", () => {
        this.closed = true;
        resolve();
      }),
    );
    this.socket.write(head);
  }

  /** Writes `bytes` of body, waiting for the socket to drain; false once the server has closed it. */
  async send(bytes: number): Promise<boolean> {
    const chunk = Buffer.alloc(Math.min(bytes, 256 * 1024), "z");
    let left = bytes;
    while (left > 0 && !this.closed && !this.socket.destroyed) {
      const n = Math.min(left, chunk.length);
      const ok = this.socket.write(n === chunk.length ? chunk : chunk.subarray(0, n));
      this.written += n;
      left -= n;
      if (!ok) await Promise.race([new Promise((r) => this.socket.once("drain", r)), this.closedPromise]);
    }
    return !this.closed && !this.socket.destroyed;
  }

  /** The status line and headers of the answer once they arrived (what came within 20 s, else). */
  async head(): Promise<string> {
    const deadline = Date.now() + 20_000;
    while (!this.received.includes("\r\n\r\n") && !this.closed && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    return this.received;
  }

  get text(): string {
    return this.received;
  }

  whenClosed(): Promise<void> {
    return this.closedPromise;
  }
}

function headText(method: string, path: string, headers: Record<string, string>): string {
  return `${method} ${path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\r\n")}\r\n\r\n`;
}

/** Headers of an S3 PUT signed with `secret` (the instance's unless given), for a body never sent by the signer. */
async function signedPutHead(key: string, length: number, secret = sb.credentials.secretAccessKey) {
  const url = new URL(sb.endpoint);
  const signer = sandboxSigner(sb, "s3", { secretAccessKey: secret });
  const path = `/${bucket}/${key}`;
  const signed = await signer.sign({
    method: "PUT",
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path,
    query: {},
    headers: { host: url.host, "content-length": String(length), "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
  });
  return headText("PUT", path, signed.headers);
}

const statusOf = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);

/**
 * Sends 1 MiB of a `size`-byte body and expects the answer `status` before sending more; then sends
 * the rest, which the sandbox must not let through: it closes the connection first.
 */
async function refusedWhileSending(head: string, size: number, status: number): Promise<RawExchange> {
  const x = new RawExchange(sb.port, head);
  await x.send(MiB);
  const answer = await x.head();
  assert.equal(statusOf(answer), status, answer);
  const stillOpen = await x.send(size - MiB);
  await x.whenClosed();
  assert.equal(stillOpen, false);
  assert.ok(x.written < size, `the client could send all ${x.written} bytes`);
  return x;
}

test("an unsigned 50 MB POST is answered 403 from its head while the client still sends, then the connection closes", async () => {
  const size = 50 * MiB;
  const head = headText("POST", "/things/unsigned-big", {
    host: "iot.us-east-1.amazonaws.com",
    "content-type": "application/json",
    "content-length": String(size),
  });
  // The sandbox reads and discards a few megabytes at most, then closes: the rest cannot be sent.
  const x = await refusedWhileSending(head, size, 403);
  assert.match(x.text, /x-amzn-errortype: MissingAuthenticationTokenException/);
});

test("a refused body sent with Connection: close still gets its answer before the connection closes", async () => {
  const size = 50 * MiB;
  const head = headText("PUT", `/${bucket}/unsigned-close`, {
    host: "s3.us-east-1.amazonaws.com",
    "content-length": String(size),
    connection: "close",
  });
  const x = await refusedWhileSending(head, size, 403);
  assert.match(x.text, /<Code>AccessDenied<\/Code>/);
});

test("a client waiting for 100 Continue gets the refusal instead, and sends nothing", async () => {
  const head = headText("POST", "/things/unsigned-expect", {
    host: "iot.us-east-1.amazonaws.com",
    "content-type": "application/json",
    "content-length": String(10 * MiB),
    expect: "100-continue",
  });
  const x = new RawExchange(sb.port, head);
  const answer = await x.head();
  assert.equal(statusOf(answer), 403, answer);
  assert.match(answer, /connection: close/i);
  assert.equal(x.written, 0);
  await x.whenClosed();
});

test("SIG-1: an S3 PUT signed with the wrong secret is answered 403 SignatureDoesNotMatch before its 50 MB body", async () => {
  const size = 50 * MiB;
  const x = await refusedWhileSending(await signedPutHead("wrong-secret", size, "not-the-secret"), size, 403);
  assert.match(x.text, /<Code>SignatureDoesNotMatch<\/Code>/);
});

test("S3-4: a PutObject declaring more than the sandbox's object cap -> 400 EntityTooLarge from its Content-Length", async () => {
  const size = 300 * MiB;
  const x = new RawExchange(sb.port, await signedPutHead("too-big", size));
  const answer = await x.head();
  assert.equal(statusOf(answer), 400, answer);
  x.socket.destroy();
  await x.whenClosed();
  assert.match(x.text, /<Code>EntityTooLarge<\/Code>/);
  assert.match(x.text, new RegExp(`<ProposedSize>${size}</ProposedSize>`));
  assert.match(x.text, /<MaxSizeAllowed>\d+<\/MaxSizeAllowed>/);
  await assert.rejects(
    new S3Client(sb.s3Config).send(new HeadObjectCommand({ Bucket: bucket, Key: "too-big" })),
    (e: Error) => e.name === "NotFound",
  );
});

test("MQTT-1: a Publish over 128 KB -> 413 RequestEntityTooLargeException", async () => {
  const data = new IoTDataPlaneClient(sb.config);
  await assert.rejects(
    data.send(new PublishCommand({ topic: "big/topic", payload: new Uint8Array(200 * 1024) })),
    (e: Error & { $metadata?: { httpStatusCode?: number } }) =>
      e.name === "RequestEntityTooLargeException" && e.$metadata?.httpStatusCode === 413,
  );
});

test("SHD-6: an UpdateThingShadow body over 128 KB -> 413 RequestEntityTooLargeException; the iot control plane over 1 MiB too", async () => {
  const data = new IoTDataPlaneClient(sb.config);
  const huge = JSON.stringify({ state: { reported: { x: "y".repeat(200 * 1024) } } });
  await assert.rejects(
    data.send(
      new UpdateThingShadowCommand({ thingName: "big-shadow", payload: new TextEncoder().encode(huge) }),
    ),
    (e: Error) => e.name === "RequestEntityTooLargeException",
  );
  const iot = new IoTClient(sb.config);
  await assert.rejects(
    iot.send(
      new CreateThingCommand({
        thingName: "big-thing",
        attributePayload: { attributes: { a: "b".repeat(2 * MiB) } },
      }),
    ),
    (e: Error & { $metadata?: { httpStatusCode?: number } }) => e.$metadata?.httpStatusCode === 413,
  );
});

test("PROTO-10: while an upload larger than the body budget is in flight, another S3 PUT waits, then gets 503 SlowDown", async () => {
  // 100 MiB is more than the 64 MiB budget: it is read alone, and holds the budget until it ends.
  const size = 100 * MiB;
  const big = new RawExchange(sb.port, await signedPutHead("budget-hog", size));
  await big.send(MiB);
  const small = new RawExchange(sb.port, await signedPutHead("budget-small", 1024));
  await small.send(1024);
  const answer = await small.head();
  assert.equal(statusOf(answer), 503, answer);
  assert.match(small.text, /<Code>SlowDown<\/Code>/);
  small.socket.destroy();
  // Once the large upload completes, the budget is free again.
  await big.send(size - MiB);
  const stored = await big.head();
  assert.equal(statusOf(stored), 200, stored);
  big.socket.destroy();
  const retried = new RawExchange(sb.port, await signedPutHead("budget-small", 1024));
  await retried.send(1024);
  assert.equal(statusOf(await retried.head()), 200);
  retried.socket.destroy();
});
