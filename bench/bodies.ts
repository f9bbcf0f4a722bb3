/**
 * Body memory bench: peak RSS of a fresh sandbox (VmHWM) while clients push large bodies at it.
 * - 8 clients each send a 250 MB body without signature (half to IoT, half to S3), writing until
 *   the sandbox closes the connection (target: peak under 400 MB; the bodies are never read);
 * - 8 clients each send a 250 MB S3 PUT signed with a wrong secret (refused from its head);
 * - 8 clients each upload 60 MB to S3, correctly signed (the body budget admits one at a time;
 *   the others wait or get SlowDown and retry).
 * `node dist/bench/bodies.js [--port 5995]`; also run by `npm run bench` after the load bench.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { Hash } from "@smithy/core/serde";
import { SignatureV4 } from "@smithy/signature-v4";
import { ensureRunning, instanceRef, type RunningInstance, stopInstance } from "../src/sandbox/control.js";
import { fmt } from "./stats.js";

const MB = 1_000_000;
const CHUNK = Buffer.alloc(1024 * 1024, "x");
const BUCKET = "bench-bodies";

/** Peak resident set of a process since it started (Linux VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * Sends a PUT with `size` bytes of body over a raw socket, writing until done or until the sandbox
 * closes the connection (a client that does not stop at an early answer); resolves with the status.
 */
function push(port: number, path: string, headers: Record<string, string>, size: number): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    let sent = 0;
    socket.on("data", (d: Buffer) => {
      answer += d.toString("latin1");
    });
    socket.on("error", () => undefined);
    socket.once("close", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
    const head = Object.entries({ ...headers, "content-length": String(size), connection: "close" })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join("");
    socket.write(`PUT ${path} HTTP/1.1\r\n${head}\r\n`);
    const write = () => {
      while (sent < size && !socket.destroyed) {
        const n = Math.min(CHUNK.length, size - sent);
        sent += n;
        if (!socket.write(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n)))
          return void socket.once("drain", write);
      }
    };
    write();
  });
}

async function s3Headers(i: RunningInstance, key: string, size: number, secret = i.secretAccessKey) {
  const signer = new SignatureV4({
    credentials: { accessKeyId: i.accessKeyId, secretAccessKey: secret },
    region: i.region,
    service: "s3",
    sha256: Hash.bind(null, "sha256"),
    uriEscapePath: false,
  });
  const host = `127.0.0.1:${i.port}`;
  const signed = await signer.sign({
    method: "PUT",
    protocol: "http:",
    hostname: "127.0.0.1",
    port: i.port,
    path: `/${BUCKET}/${key}`,
    query: {},
    headers: { host, "content-length": String(size), "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
  });
  return signed.headers;
}

/** Runs one scenario on a fresh instance and returns its peak RSS. */
async function scenario(
  port: number,
  run: (i: RunningInstance) => Promise<string>,
): Promise<[number, string]> {
  const dataDir = mkdtempSync(join(tmpdir(), "iotdm-bench-bodies-"));
  const ref = instanceRef({ port, dataDir });
  const { instance } = await ensureRunning(ref);
  try {
    const s3 = new S3Client({
      endpoint: instance.endpoint,
      region: instance.region,
      credentials: { accessKeyId: instance.accessKeyId, secretAccessKey: instance.secretAccessKey },
      forcePathStyle: true,
    });
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    s3.destroy();
    const started = performance.now();
    const detail = await run(instance);
    return [peakRssMb(instance.pid), `${detail}, ${fmt((performance.now() - started) / 1000)} s`];
  } finally {
    await stopInstance(ref);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const statuses = (xs: number[]) => [...new Set(xs)].sort().join("/");

export async function bodyBench(port: number): Promise<void> {
  const [unsigned, unsignedStatus] = await scenario(port, async (i) => {
    const size = 250 * MB;
    const sends = Array.from({ length: 8 }, (_, n) =>
      n % 2 === 0
        ? push(i.port, `/things/unsigned-${n}`, { host: "iot.us-east-1.amazonaws.com" }, size)
        : push(i.port, `/${BUCKET}/unsigned-${n}`, { host: "s3.us-east-1.amazonaws.com" }, size),
    );
    return statuses(await Promise.all(sends));
  });
  console.log(
    `peak RSS, 8 x 250 MB unsigned bodies       ${fmt(unsigned, 0)} MB (answers ${unsignedStatus})   (target < 400 MB)`,
  );

  const [wrong, wrongStatus] = await scenario(port, async (i) => {
    const size = 250 * MB;
    const sends = await Promise.all(
      Array.from({ length: 8 }, async (_, n) =>
        push(i.port, `/${BUCKET}/wrong-${n}`, await s3Headers(i, `wrong-${n}`, size, "wrong"), size),
      ),
    );
    return statuses(sends);
  });
  console.log(
    `peak RSS, 8 x 250 MB S3 PUTs, wrong secret ${fmt(wrong, 0)} MB (answers ${wrongStatus})   (target < 400 MB)`,
  );

  const [signed, signedDetail] = await scenario(port, async (i) => {
    const size = 60 * MB;
    let retries = 0;
    const upload = async (n: number) => {
      for (;;) {
        const status = await push(
          i.port,
          `/${BUCKET}/signed-${n}`,
          await s3Headers(i, `signed-${n}`, size),
          size,
        );
        if (status !== 503) return status;
        retries++;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const results = await Promise.all(Array.from({ length: 8 }, (_, n) => upload(n)));
    return `${statuses(results)}, ${retries} SlowDown retries`;
  });
  console.log(`peak RSS, 8 x 60 MB signed S3 uploads      ${fmt(signed, 0)} MB (answers ${signedDetail})`);
}

const invokedDirectly = process.argv[1]?.endsWith("bodies.js");
if (invokedDirectly) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "5995" } } });
  bodyBench(Number(values.port)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
