/**
 * simulate-jobs' device side without a sandbox: which devices succeed (the rate's exact share, or
 * drawn at random), where an OTA document's artifacts are, and a download that is only good when
 * every declared byte arrived (a real HTTP server on loopback).
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { download } from "../../src/aws/download.js";
import { artifactUrls, planOutcomes } from "../../src/workshop/jobs/simulate.js";
import { seededRandom } from "../helpers/random.js";

let server: Server;
let base: string;
before(async () => {
  server = createServer((req, res) => {
    if (req.url === "/firmware") {
      res.writeHead(200, { "content-length": "5" });
      res.end("12345");
    } else if (req.url === "/short") {
      // Declares more than it sends, then closes: a cut-off download.
      res.writeHead(200, { "content-length": "10" });
      res.end("123");
      res.socket?.destroy();
    } else if (req.url === "/empty") {
      res.writeHead(200, { "content-length": "0" });
      res.end();
    } else {
      res.writeHead(403);
      res.end("<Error><Code>AccessDenied</Code></Error>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("a success rate gives exactly its share to the first devices (floor), or draws each at random", () => {
  assert.deepEqual(planOutcomes(5, 60), [true, true, true, false, false]);
  assert.deepEqual(planOutcomes(3, 50), [true, false, false]);
  assert.deepEqual(planOutcomes(4, 100), [true, true, true, true]);
  assert.deepEqual(planOutcomes(4, 0), [false, false, false, false]);
  const drawn = planOutcomes(1000, 90, seededRandom(7));
  const successes = drawn.filter(Boolean).length;
  assert.ok(successes > 850 && successes < 950, `${successes} of 1000 at 90%`);
});

test("the artifacts of an OTA document: every package's presigned URL; none in a custom or broken document", () => {
  const doc = JSON.stringify({
    ota: {
      packages: {
        A: { artifact: { s3PresignedUrl: "http://x/a" } },
        B: { artifact: { s3PresignedUrl: " " } },
        C: { attributes: {} },
      },
    },
  });
  assert.deepEqual(artifactUrls(doc), ["http://x/a"]);
  assert.deepEqual(artifactUrls('{"operation":"reboot"}'), []);
  assert.deepEqual(artifactUrls("not json"), []);
  assert.deepEqual(artifactUrls(undefined), []);
  assert.deepEqual(artifactUrls("null"), []);
});

test("a download is good only when it answered 200 with every declared byte, and at least one", async () => {
  assert.deepEqual(await download(`${base}/firmware`), { ok: true, bytes: 5, status: 200 });
  assert.equal((await download(`${base}/short`)).ok, false);
  assert.equal((await download(`${base}/empty`)).ok, false);
  const denied = await download(`${base}/expired`);
  assert.equal(denied.ok, false);
  assert.equal(denied.status, 403);
  assert.deepEqual(await download("http://127.0.0.1:1/nothing-listens"), { ok: false, bytes: 0 });
  assert.deepEqual(await download("ftp://127.0.0.1/firmware"), { ok: false, bytes: 0 });
  assert.deepEqual(await download("not a url"), { ok: false, bytes: 0 });
});
