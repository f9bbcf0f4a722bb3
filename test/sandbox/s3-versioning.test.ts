import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  type ListObjectVersionsOutput,
  PutBucketVersioningCommand,
  PutObjectCommand,
  paginateListObjectsV2,
  S3Client,
  type S3ServiceException,
} from "@aws-sdk/client-s3";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
let s3: S3Client;
before(async () => {
  sb = await startSandbox();
  s3 = new S3Client(sb.s3Config);
});
after(() => sb.dispose());

async function newBucket(prefix: string, versioning?: "Enabled" | "Suspended"): Promise<string> {
  const name = `${prefix}-${randomBytes(4).toString("hex")}`;
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  if (versioning)
    await s3.send(
      new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: versioning } }),
    );
  return name;
}

async function rejectsWith(p: Promise<unknown>, code: string, status: number) {
  await assert.rejects(p, (e: S3ServiceException) => {
    assert.equal(e.name, code);
    assert.equal(e.$metadata.httpStatusCode, status);
    return true;
  });
}

const text = async (bucket: string, key: string, versionId?: string) =>
  (
    await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }))
  ).Body?.transformToString();

test("S3-3: with versioning Enabled every PUT gets a fresh VersionId and old versions stay readable", async () => {
  const b = await newBucket("ver", "Enabled");
  const v1 = await s3.send(new PutObjectCommand({ Bucket: b, Key: "pkg.zip", Body: "one" }));
  const v2 = await s3.send(new PutObjectCommand({ Bucket: b, Key: "pkg.zip", Body: "two" }));
  assert.ok(v1.VersionId && v2.VersionId && v1.VersionId !== v2.VersionId);
  assert.equal(await text(b, "pkg.zip"), "two");
  assert.equal(await text(b, "pkg.zip", v1.VersionId), "one");
  const head = await s3.send(new HeadObjectCommand({ Bucket: b, Key: "pkg.zip", VersionId: v1.VersionId }));
  assert.equal(head.VersionId, v1.VersionId);
  // Another id of the same shape: the last character changed (to one it is not).
  const last = v1.VersionId!.slice(-1);
  const otherId = `${v1.VersionId!.slice(0, -1)}${last === "x" ? "y" : "x"}`;
  await rejectsWith(
    s3.send(new GetObjectCommand({ Bucket: b, Key: "pkg.zip", VersionId: otherId })),
    "NoSuchVersion",
    404,
  );
});

test("S3-4: DeleteObject on a versioned bucket adds a delete marker; GET -> 404 NoSuchKey + x-amz-delete-marker", async () => {
  const b = await newBucket("marker", "Enabled");
  const v1 = await s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "data" }));
  const del = await s3.send(new DeleteObjectCommand({ Bucket: b, Key: "k" }));
  assert.equal(del.$metadata.httpStatusCode, 204);
  assert.equal(del.DeleteMarker, true);
  assert.ok(del.VersionId);
  await assert.rejects(s3.send(new GetObjectCommand({ Bucket: b, Key: "k" })), (e: S3ServiceException) => {
    assert.equal(e.name, "NoSuchKey");
    assert.equal(e.$metadata.httpStatusCode, 404);
    assert.equal(e.$response?.headers["x-amz-delete-marker"], "true");
    assert.equal(e.$response?.headers["x-amz-version-id"], del.VersionId);
    return true;
  });
  await rejectsWith(s3.send(new HeadObjectCommand({ Bucket: b, Key: "k" })), "NotFound", 404);
  await rejectsWith(
    s3.send(new GetObjectCommand({ Bucket: b, Key: "k", VersionId: del.VersionId })),
    "MethodNotAllowed",
    405,
  );
  assert.equal(await text(b, "k", v1.VersionId), "data");
  // Removing the marker permanently brings the object back.
  const undo = await s3.send(new DeleteObjectCommand({ Bucket: b, Key: "k", VersionId: del.VersionId }));
  assert.equal(undo.DeleteMarker, true);
  assert.equal(undo.VersionId, del.VersionId);
  assert.equal(await text(b, "k"), "data");
  await s3.send(new DeleteObjectCommand({ Bucket: b, Key: "k", VersionId: v1.VersionId }));
  await rejectsWith(s3.send(new GetObjectCommand({ Bucket: b, Key: "k" })), "NoSuchKey", 404);
  await s3.send(new DeleteBucketCommand({ Bucket: b }));
});

test("S3-3: unversioned and Suspended writes replace the null version", async () => {
  const b = await newBucket("nullver");
  await s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "a" }));
  await s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "b" }));
  let versions = await s3.send(new ListObjectVersionsCommand({ Bucket: b }));
  assert.deepEqual(
    versions.Versions?.map((v) => [v.VersionId, v.IsLatest]),
    [["null", true]],
  );

  await s3.send(
    new PutBucketVersioningCommand({ Bucket: b, VersioningConfiguration: { Status: "Enabled" } }),
  );
  const v = await s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "c" }));
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: b, VersioningConfiguration: { Status: "Suspended" } }),
  );
  const suspended = await s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "d" }));
  assert.equal(suspended.VersionId, "null");
  versions = await s3.send(new ListObjectVersionsCommand({ Bucket: b }));
  assert.deepEqual(
    versions.Versions?.map((x) => [x.VersionId, x.IsLatest]),
    [
      ["null", true],
      [v.VersionId, false],
    ],
  );
  assert.equal(await text(b, "k", "null"), "d");
  const del = await s3.send(new DeleteObjectCommand({ Bucket: b, Key: "k" }));
  assert.equal(del.VersionId, "null");
  assert.equal(del.DeleteMarker, true);
  versions = await s3.send(new ListObjectVersionsCommand({ Bucket: b }));
  assert.deepEqual(
    versions.DeleteMarkers?.map((x) => [x.VersionId, x.IsLatest]),
    [["null", true]],
  );
  assert.deepEqual(
    versions.Versions?.map((x) => x.VersionId),
    [v.VersionId],
  );
});

test("S3-5: ListObjectVersions orders keys ascending, versions newest first, and pages with key/version markers", async () => {
  const b = await newBucket("lov", "Enabled");
  const expected: Array<[string, string]> = [];
  for (const k of ["b", "a", "c/x", "c/y"]) {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await s3.send(new PutObjectCommand({ Bucket: b, Key: k, Body: `${k}${i}` }))).VersionId!);
    expected.push(...ids.reverse().map((id) => [k, id] as [string, string]));
  }
  const marker = await s3.send(new DeleteObjectCommand({ Bucket: b, Key: "b" }));
  expected.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const bIndex = expected.findIndex(([k]) => k === "b");
  expected.splice(bIndex, 0, ["b", marker.VersionId!]);

  const all = await s3.send(new ListObjectVersionsCommand({ Bucket: b }));
  const seen = [...(all.Versions ?? []), ...(all.DeleteMarkers ?? [])];
  assert.equal(seen.length, 13);
  assert.equal(all.Versions?.find((v) => v.Key === "a")?.Size, 2);
  assert.equal(all.Versions?.find((v) => v.Key === "a")?.StorageClass, "STANDARD");
  assert.ok(all.Versions?.every((v) => v.ETag && v.Owner?.ID && v.LastModified));
  assert.equal(all.DeleteMarkers?.[0]?.IsLatest, true);

  const paged: Array<[string, string]> = [];
  const pages: ListObjectVersionsOutput[] = [];
  // What boto3's paginator does: follow NextKeyMarker / NextVersionIdMarker.
  let markers: { KeyMarker?: string; VersionIdMarker?: string } = {};
  for (;;) {
    const page = await s3.send(new ListObjectVersionsCommand({ Bucket: b, MaxKeys: 2, ...markers }));
    pages.push(page);
    const entries = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map(
      (e) => [e.Key!, e.VersionId!, e.LastModified] as const,
    );
    // Within a page the SDK splits Versions and DeleteMarkers; restore the S3 order by the expected list.
    entries.sort(
      (x, y) => expected.findIndex((e) => e[1] === x[1]) - expected.findIndex((e) => e[1] === y[1]),
    );
    paged.push(...entries.map(([k, id]) => [k, id] as [string, string]));
    if (!page.IsTruncated) break;
    markers = { KeyMarker: page.NextKeyMarker, VersionIdMarker: page.NextVersionIdMarker };
  }
  assert.deepEqual(paged, expected);
  assert.equal(pages.length, 7);
  assert.ok(pages.slice(0, -1).every((p) => p.IsTruncated && p.NextKeyMarker && p.NextVersionIdMarker));
  assert.equal(pages[pages.length - 1].IsTruncated, false);

  const latest = paged.filter(([k], i) => i === 0 || paged[i - 1][0] !== k).map(([, id]) => id);
  const flags = [...(all.Versions ?? []), ...(all.DeleteMarkers ?? [])]
    .filter((e) => e.IsLatest)
    .map((e) => e.VersionId);
  assert.deepEqual(flags.sort(), latest.sort());
});

test("S3-5: ListObjectVersions prefix + delimiter -> CommonPrefixes; key-marker resumes after a prefix", async () => {
  const b = await newBucket("lovd", "Enabled");
  for (const k of ["a/1", "a/2", "b/1", "top"])
    await s3.send(new PutObjectCommand({ Bucket: b, Key: k, Body: "x" }));
  const first = await s3.send(new ListObjectVersionsCommand({ Bucket: b, Delimiter: "/", MaxKeys: 1 }));
  assert.deepEqual(first.CommonPrefixes, [{ Prefix: "a/" }]);
  assert.equal(first.IsTruncated, true);
  assert.equal(first.NextKeyMarker, "a/");
  const rest = await s3.send(
    new ListObjectVersionsCommand({ Bucket: b, Delimiter: "/", KeyMarker: first.NextKeyMarker }),
  );
  assert.deepEqual(rest.CommonPrefixes, [{ Prefix: "b/" }]);
  assert.deepEqual(
    rest.Versions?.map((v) => v.Key),
    ["top"],
  );
  const scoped = await s3.send(new ListObjectVersionsCommand({ Bucket: b, Prefix: "a/" }));
  assert.deepEqual(
    scoped.Versions?.map((v) => v.Key),
    ["a/1", "a/2"],
  );
});

test("S3-6: DeleteObjects deletes keys and versions, counts missing keys as deleted, Quiet lists only errors", async () => {
  const b = await newBucket("delobjs", "Enabled");
  const v = await s3.send(new PutObjectCommand({ Bucket: b, Key: "one", Body: "1" }));
  await s3.send(new PutObjectCommand({ Bucket: b, Key: "two", Body: "2" }));
  const out = await s3.send(
    new DeleteObjectsCommand({
      Bucket: b,
      Delete: { Objects: [{ Key: "one", VersionId: v.VersionId }, { Key: "two" }, { Key: "missing" }] },
    }),
  );
  assert.equal(out.Errors, undefined);
  assert.deepEqual(
    out.Deleted?.find((d) => d.Key === "one"),
    { Key: "one", VersionId: v.VersionId },
  );
  const two = out.Deleted?.find((d) => d.Key === "two");
  assert.equal(two?.DeleteMarker, true);
  assert.ok(two?.DeleteMarkerVersionId);
  assert.ok(out.Deleted?.some((d) => d.Key === "missing"));

  const quiet = await s3.send(
    new DeleteObjectsCommand({
      Bucket: b,
      Delete: {
        Quiet: true,
        Objects: [
          { Key: "two", VersionId: two?.DeleteMarkerVersionId },
          { Key: "x", VersionId: "bad" },
        ],
      },
    }),
  );
  assert.equal(quiet.Deleted, undefined);
  assert.equal(quiet.Errors?.length, 1);
  assert.equal(quiet.Errors?.[0]?.Key, "x");
  assert.equal(quiet.Errors?.[0]?.Code, "InvalidArgument");
  assert.equal(await text(b, "two"), "2");

  const tooMany = Array.from({ length: 1001 }, (_, i) => ({ Key: `k${i}` }));
  await rejectsWith(
    s3.send(new DeleteObjectsCommand({ Bucket: b, Delete: { Objects: tooMany } })),
    "MalformedXML",
    400,
  );
});

test("S3-7: a bucket holding only delete markers or old versions is not empty", async () => {
  const b = await newBucket("notempty", "Enabled");
  await s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "x" }));
  await s3.send(new DeleteObjectCommand({ Bucket: b, Key: "k" }));
  assert.equal((await s3.send(new ListObjectsV2Command({ Bucket: b }))).KeyCount, 0);
  await rejectsWith(s3.send(new DeleteBucketCommand({ Bucket: b })), "BucketNotEmpty", 409);
  const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: b }));
  await s3.send(
    new DeleteObjectsCommand({
      Bucket: b,
      Delete: {
        Objects: [...(versions.Versions ?? []), ...(versions.DeleteMarkers ?? [])].map((e) => ({
          Key: e.Key,
          VersionId: e.VersionId,
        })),
      },
    }),
  );
  assert.equal((await s3.send(new DeleteBucketCommand({ Bucket: b }))).$metadata.httpStatusCode, 204);
});

test("ListObjectsV2: prefix, delimiter, max-keys, continuation tokens and start-after", async () => {
  const b = await newBucket("lv2");
  const keys = ["a.txt", "dir/1", "dir/2", "dir/sub/3", "e.txt", "f.txt", "g/1"];
  for (const k of keys) await s3.send(new PutObjectCommand({ Bucket: b, Key: k, Body: k }));
  const all = await s3.send(new ListObjectsV2Command({ Bucket: b }));
  assert.deepEqual(
    all.Contents?.map((c) => c.Key),
    keys,
  );
  assert.equal(all.KeyCount, keys.length);
  assert.equal(all.Contents?.[0]?.Size, 5);

  const rolled = await s3.send(new ListObjectsV2Command({ Bucket: b, Delimiter: "/" }));
  assert.deepEqual(
    rolled.Contents?.map((c) => c.Key),
    ["a.txt", "e.txt", "f.txt"],
  );
  assert.deepEqual(
    rolled.CommonPrefixes?.map((p) => p.Prefix),
    ["dir/", "g/"],
  );

  const nested = await s3.send(new ListObjectsV2Command({ Bucket: b, Prefix: "dir/", Delimiter: "/" }));
  assert.deepEqual(
    nested.Contents?.map((c) => c.Key),
    ["dir/1", "dir/2"],
  );
  assert.deepEqual(
    nested.CommonPrefixes?.map((p) => p.Prefix),
    ["dir/sub/"],
  );

  const paged: string[] = [];
  let pages = 0;
  for await (const page of paginateListObjectsV2(
    { client: s3, pageSize: 2 },
    { Bucket: b, Delimiter: "/" },
  )) {
    pages++;
    assert.ok((page.KeyCount ?? 0) <= 2);
    paged.push(
      ...(page.Contents ?? []).map((c) => c.Key!),
      ...(page.CommonPrefixes ?? []).map((p) => p.Prefix!),
    );
  }
  assert.deepEqual(paged.sort(), ["a.txt", "dir/", "e.txt", "f.txt", "g/"]);
  assert.equal(pages, 3);

  const after = await s3.send(new ListObjectsV2Command({ Bucket: b, StartAfter: "dir/2" }));
  assert.deepEqual(
    after.Contents?.map((c) => c.Key),
    ["dir/sub/3", "e.txt", "f.txt", "g/1"],
  );
  await rejectsWith(
    s3.send(new ListObjectsV2Command({ Bucket: b, ContinuationToken: "garbage" })),
    "InvalidArgument",
    400,
  );
  await rejectsWith(s3.send(new ListObjectsV2Command({ Bucket: "no-such-bucket-lv2" })), "NoSuchBucket", 404);
});

test("S3-5: versions survive a kill -9 restart", async () => {
  const b = await newBucket("persist", "Enabled");
  const v1 = await s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "one" }));
  await s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "two" }));
  await sb.restart({ kill: true });
  s3 = new S3Client(sb.s3Config);
  assert.equal(await text(b, "k", v1.VersionId), "one");
  assert.equal(await text(b, "k"), "two");
  const v3 = await s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "three" }));
  const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: b }));
  assert.equal(versions.Versions?.[0]?.VersionId, v3.VersionId);
  assert.equal(versions.Versions?.length, 3);
});
