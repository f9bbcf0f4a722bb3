/**
 * The WAL file does not keep the size a burst of writes gave it: once nothing needs the log any
 * more, the background checkpointer truncates it, with the sandbox still running (a clean stop
 * used to be the only thing that shrank it). A reader that holds an old snapshot keeps the log
 * alive meanwhile, and requests are still served.
 */
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import Database from "better-sqlite3";
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { WAL_LIMIT_BYTES } from "../../src/sandbox/storage/store.js";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

const MB = 1024 * 1024;
const BURST_OBJECTS = 32;

let sb: TestSandbox;
let s3: S3Client;
before(async () => {
  sb = await startSandbox();
  s3 = new S3Client(sb.s3Config);
});
after(async () => {
  s3.destroy();
  await sb.dispose();
});

const walSize = (): number => {
  try {
    return statSync(join(sb.dataDir, "state.db-wal")).size;
  } catch {
    return 0;
  }
};

/** Polls `check` until it holds or the deadline passes (no assertion on how fast). */
async function eventually(check: () => boolean, deadlineMs: number): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

test("a WAL grown by a burst of writes is truncated below the limit while the sandbox keeps running", async () => {
  const Bucket = "wal-burst";
  await s3.send(new CreateBucketCommand({ Bucket }));
  // A reader holding a snapshot from before the burst: no frame of the burst can be copied
  // back (nor the log restarted) while it lasts, so the log holds the whole burst.
  const reader = new Database(join(sb.dataDir, "state.db"));
  try {
    reader.exec("BEGIN");
    reader.prepare("SELECT count(*) FROM docs").get();
    const body = Buffer.alloc(MB, 7);
    await Promise.all(
      Array.from({ length: BURST_OBJECTS }, (_, i) =>
        s3.send(new PutObjectCommand({ Bucket, Key: `burst/${i}`, Body: body })),
      ),
    );
    const grown = walSize();
    assert.ok(grown > 3 * WAL_LIMIT_BYTES, `the burst is in the WAL (${grown} bytes)`);
    // Still serving while the reader lasts.
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: "burst/0" }));
    assert.equal((await got.Body?.transformToByteArray())?.length, MB);
    reader.exec("COMMIT");
  } finally {
    reader.close();
  }
  const shrunk = await eventually(() => walSize() <= WAL_LIMIT_BYTES, 30_000);
  assert.ok(shrunk, `the WAL is back under ${WAL_LIMIT_BYTES} bytes (now ${walSize()})`);
  // Everything the burst wrote is in the database file now.
  const last = await s3.send(new GetObjectCommand({ Bucket, Key: `burst/${BURST_OBJECTS - 1}` }));
  assert.equal((await last.Body?.transformToByteArray())?.length, MB);
});
