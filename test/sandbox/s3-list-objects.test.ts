/**
 * ListObjects, version 1 (`GET /<bucket>` without `list-type=2`, S3-5): the route table picks it
 * for a bucket and ListBuckets without one; Prefix, Delimiter (CommonPrefixes), Marker,
 * NextMarker (only with a Delimiter), MaxKeys, IsTruncated and EncodingType=url; and the clients
 * that use version 1 (`aws s3api list-objects`, boto3's `bucket.objects.all()` and paginator)
 * see the bucket's objects.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  ListBucketsCommand,
  ListObjectsCommand,
  type ListObjectsCommandOutput,
  ListObjectsV2Command,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { type PythonClients, pythonClients } from "./s3-helpers.js";

let sb: TestSandbox;
let s3: S3Client;
let clients: PythonClients;
/** One bucket with a small tree, shared by the read-only tests. */
let tree: string;
const KEYS = ["a/1", "a/2", "a/b/3", "b/x", "c", "d e/f+g", "z"];

async function newBucket(prefix: string, keys: readonly string[]): Promise<string> {
  const name = `${prefix}-${randomBytes(4).toString("hex")}`;
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket: name, Key, Body: Key }));
  return name;
}

before(async () => {
  sb = await startSandbox();
  s3 = new S3Client(sb.s3Config);
  clients = pythonClients(sb);
  tree = await newBucket("v1-tree", KEYS);
});
after(async () => {
  s3.destroy();
  await sb.dispose();
});

const keysOf = (page: ListObjectsCommandOutput) => (page.Contents ?? []).map((c) => c.Key);
const prefixesOf = (page: ListObjectsCommandOutput) => (page.CommonPrefixes ?? []).map((p) => p.Prefix);

test("S3-5 ListObjects v1: GET /<bucket> lists the bucket's objects in key order, each with its owner", async () => {
  const page = await s3.send(new ListObjectsCommand({ Bucket: tree }));
  assert.equal(page.Name, tree);
  assert.deepEqual(keysOf(page), [...KEYS].sort());
  assert.equal(page.IsTruncated, false);
  assert.equal(page.NextMarker, undefined);
  assert.equal(page.MaxKeys, 1000);
  for (const c of page.Contents ?? []) {
    assert.ok(c.Owner?.ID, `${c.Key} has an owner (version 1 always lists it)`);
    assert.equal(c.Size, Buffer.byteLength(c.Key ?? ""));
    assert.match(c.ETag ?? "", /^"[0-9a-f]{32}"$/);
    assert.equal(c.StorageClass, "STANDARD");
  }
});

test("S3-5 routing: GET / without a bucket stays ListBuckets, ?list-type=2 stays ListObjectsV2", async () => {
  const buckets = await s3.send(new ListBucketsCommand({}));
  assert.ok(buckets.Buckets?.some((b) => b.Name === tree));
  const v2 = await s3.send(new ListObjectsV2Command({ Bucket: tree, MaxKeys: 2 }));
  assert.equal(v2.KeyCount, 2);
  assert.ok(v2.NextContinuationToken, "version 2 pages with a continuation token");
});

test("S3-5 ListObjects v1: without a delimiter, MaxKeys pages resume at the last key given as Marker (no NextMarker)", async () => {
  const seen: string[] = [];
  let Marker: string | undefined;
  for (let pages = 0; pages < 10; pages++) {
    const page = await s3.send(new ListObjectsCommand({ Bucket: tree, MaxKeys: 3, Marker }));
    assert.equal(page.NextMarker, undefined, "S3 gives NextMarker only with a delimiter");
    assert.equal(page.Marker, Marker ?? "");
    seen.push(...(keysOf(page) as string[]));
    if (!page.IsTruncated) break;
    assert.equal(page.Contents?.length, 3);
    Marker = seen[seen.length - 1];
  }
  assert.deepEqual(seen, [...KEYS].sort());
});

test("S3-5 ListObjects v1: Delimiter rolls keys up into CommonPrefixes; NextMarker resumes past a whole prefix", async () => {
  const all = await s3.send(new ListObjectsCommand({ Bucket: tree, Delimiter: "/" }));
  assert.deepEqual(keysOf(all), ["c", "z"]);
  assert.deepEqual(prefixesOf(all), ["a/", "b/", "d e/"]);
  const first = await s3.send(new ListObjectsCommand({ Bucket: tree, Delimiter: "/", MaxKeys: 2 }));
  assert.equal(first.IsTruncated, true);
  assert.deepEqual(prefixesOf(first), ["a/", "b/"]);
  assert.equal(first.NextMarker, "b/", "the last entry of the page, a common prefix here");
  const second = await s3.send(
    new ListObjectsCommand({ Bucket: tree, Delimiter: "/", MaxKeys: 2, Marker: first.NextMarker }),
  );
  assert.deepEqual(keysOf(second), ["c"]);
  assert.deepEqual(prefixesOf(second), ["d e/"]);
  assert.equal(second.NextMarker, "d e/");
  const last = await s3.send(
    new ListObjectsCommand({ Bucket: tree, Delimiter: "/", MaxKeys: 2, Marker: second.NextMarker }),
  );
  assert.deepEqual(keysOf(last), ["z"]);
  assert.equal(last.IsTruncated, false);
  assert.equal(last.NextMarker, undefined);
  const nested = await s3.send(new ListObjectsCommand({ Bucket: tree, Prefix: "a/", Delimiter: "/" }));
  assert.deepEqual(keysOf(nested), ["a/1", "a/2"]);
  assert.deepEqual(prefixesOf(nested), ["a/b/"]);
  assert.equal(nested.Prefix, "a/");
});

test("S3-5 ListObjects v1: EncodingType=url encodes keys, prefixes, the marker and the next marker", async () => {
  const page = await s3.send(
    new ListObjectsCommand({ Bucket: tree, Delimiter: "/", EncodingType: "url", Marker: "c", MaxKeys: 1 }),
  );
  assert.equal(page.EncodingType, "url");
  assert.deepEqual(prefixesOf(page), ["d%20e/"]);
  assert.equal(page.NextMarker, "d%20e/");
  const keys = await s3.send(new ListObjectsCommand({ Bucket: tree, Prefix: "d e/", EncodingType: "url" }));
  assert.deepEqual(keysOf(keys), ["d%20e/f%2Bg"]);
  assert.equal(keys.Prefix, "d%20e/");
});

test("S3-5 ListObjects v1: a key whose latest version is a delete marker is not listed", async () => {
  const b = await newBucket("v1-versioned", []);
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: b, VersioningConfiguration: { Status: "Enabled" } }),
  );
  for (const Key of ["keep", "gone", "keep"])
    await s3.send(new PutObjectCommand({ Bucket: b, Key, Body: "x" }));
  await s3.send(new DeleteObjectCommand({ Bucket: b, Key: "gone" }));
  const page = await s3.send(new ListObjectsCommand({ Bucket: b }));
  assert.deepEqual(keysOf(page), ["keep"]);
});

test("S3-5 ListObjects v1 errors: an unknown bucket is 404 NoSuchBucket, a negative max-keys 400 InvalidArgument", async () => {
  await assert.rejects(
    s3.send(new ListObjectsCommand({ Bucket: `missing-${randomBytes(4).toString("hex")}` })),
    {
      name: "NoSuchBucket",
    },
  );
  await assert.rejects(s3.send(new ListObjectsCommand({ Bucket: tree, MaxKeys: -1 })), {
    name: "InvalidArgument",
  });
});

test("S3-5: aws s3api list-objects pages through version 1 and aws s3 ls sees the same tree", async () => {
  const listed = JSON.parse(
    await clients.aws("s3api", "list-objects", "--bucket", tree, "--page-size", "2", "--output", "json"),
  ) as { Contents: Array<{ Key: string }> };
  assert.deepEqual(
    listed.Contents.map((c) => c.Key),
    [...KEYS].sort(),
  );
  const delimited = JSON.parse(
    await clients.aws("s3api", "list-objects", "--bucket", tree, "--delimiter", "/", "--page-size", "1"),
  ) as { Contents: Array<{ Key: string }>; CommonPrefixes: Array<{ Prefix: string }> };
  assert.deepEqual(
    delimited.Contents.map((c) => c.Key),
    ["c", "z"],
  );
  assert.deepEqual(
    delimited.CommonPrefixes.map((p) => p.Prefix),
    ["a/", "b/", "d e/"],
  );
  const ls = await clients.aws("s3", "ls", `s3://${tree}/`);
  assert.match(ls, /PRE a\/\n/);
  assert.match(ls, / 1 c\n/);
  const recursive = await clients.aws("s3", "ls", "--recursive", `s3://${tree}/`);
  assert.equal(recursive.trim().split("\n").length, KEYS.length);
});

test("S3-5: boto3 bucket.objects.all() and the list_objects paginator (Marker, Delimiter, url encoding it asks for) see every object", async () => {
  const out = await clients.boto3(
    [
      "bucket = resource.Bucket(ARGS['bucket'])",
      "out['all'] = [o.key for o in bucket.objects.all()]",
      "out['paged'] = [o.key for o in bucket.objects.page_size(2)]",
      "pages = s3.get_paginator('list_objects').paginate(Bucket=ARGS['bucket'], Delimiter='/', PaginationConfig={'PageSize': 1})",
      "out['prefixes'] = [p['Prefix'] for page in pages for p in page.get('CommonPrefixes', [])]",
      // botocore asks for encoding-type=url by itself and decodes the answer: a '+' in a key survives.
      "listed = s3.list_objects(Bucket=ARGS['bucket'], Prefix='d e/')",
      "out['decoded'] = [c['Key'] for c in listed['Contents']]",
    ].join("\n"),
    { bucket: tree },
  );
  const sorted = [...KEYS].sort();
  assert.deepEqual(out, {
    all: sorted,
    paged: sorted,
    prefixes: ["a/", "b/", "d e/"],
    decoded: ["d e/f+g"],
  });
});
