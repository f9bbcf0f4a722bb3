import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { after, before, test } from "node:test";
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectTaggingCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
  type S3ServiceException,
} from "@aws-sdk/client-s3";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { md5Hex, uniqueKey } from "./s3-helpers.js";

let sb: TestSandbox;
let s3: S3Client;
let bucket: string;
before(async () => {
  sb = await startSandbox();
  s3 = new S3Client(sb.s3Config);
  bucket = `objects-${randomBytes(4).toString("hex")}`;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
});
after(() => sb.dispose());

const key = uniqueKey;
const md5 = md5Hex;

async function rejectsWith(p: Promise<unknown>, code: string, status: number) {
  await assert.rejects(p, (e: S3ServiceException) => {
    assert.equal(e.name, code);
    assert.equal(e.$metadata.httpStatusCode, status);
    return true;
  });
}

test("S3-4: PutObject stores bytes, Content-Type and x-amz-meta-*; ETag is the quoted MD5 (S3P-4)", async () => {
  const k = key("put");
  const body = "hello sandbox";
  const put = await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: k,
      Body: body,
      ContentType: "text/plain",
      Metadata: { owner: "me" },
    }),
  );
  assert.equal(put.ETag, `"${md5(body)}"`);
  assert.equal(put.VersionId, undefined); // never-versioned bucket (S3-3)
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: k }));
  assert.equal(await got.Body?.transformToString(), body);
  assert.equal(got.ContentType, "text/plain");
  assert.equal(got.ContentLength, body.length);
  assert.deepEqual(got.Metadata, { owner: "me" });
  assert.equal(got.ETag, `"${md5(body)}"`);
  assert.equal(got.AcceptRanges, "bytes");
  assert.ok(got.LastModified instanceof Date);
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: k }));
  assert.equal(head.ContentLength, body.length);
  assert.equal(head.ETag, put.ETag);
  assert.deepEqual(head.Metadata, { owner: "me" });
});

test("S3-4: a key keeps slashes, spaces, plus signs and unicode", async () => {
  const k = `dir with space/ünï+cødé//trailing/`;
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: k, Body: Buffer.from([1, 2, 3]) }));
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: k }));
  assert.deepEqual(Buffer.from(await got.Body!.transformToByteArray()), Buffer.from([1, 2, 3]));
});

test("S3-4: missing key -> 404 NoSuchKey with Key; HEAD -> 404 NotFound; bad version id -> 400", async () => {
  const k = key("missing");
  await assert.rejects(s3.send(new GetObjectCommand({ Bucket: bucket, Key: k })), (e: S3ServiceException) => {
    assert.equal(e.name, "NoSuchKey");
    assert.equal(e.$metadata.httpStatusCode, 404);
    assert.equal((e as S3ServiceException & { Key?: string }).Key, k);
    return true;
  });
  await rejectsWith(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: k })), "NotFound", 404);
  await rejectsWith(
    s3.send(new GetObjectCommand({ Bucket: bucket, Key: k, VersionId: "not-a-version" })),
    "InvalidArgument",
    400,
  );
  await rejectsWith(
    s3.send(new GetObjectCommand({ Bucket: "no-such-bucket-x1", Key: k })),
    "NoSuchBucket",
    404,
  );
});

test("S3-4: Range requests return the slice with Content-Range; unsatisfiable -> 416 InvalidRange", async () => {
  const k = key("range");
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: k, Body: "0123456789" }));
  const cases: Array<[string, string, string]> = [
    ["bytes=2-5", "2345", "bytes 2-5/10"],
    ["bytes=7-", "789", "bytes 7-9/10"],
    ["bytes=-3", "789", "bytes 7-9/10"],
    ["bytes=8-100", "89", "bytes 8-9/10"],
  ];
  for (const [range, body, contentRange] of cases) {
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: k, Range: range }));
    assert.equal(await got.Body?.transformToString(), body, range);
    assert.equal(got.ContentRange, contentRange);
    assert.equal(got.ContentLength, body.length);
  }
  await rejectsWith(
    s3.send(new GetObjectCommand({ Bucket: bucket, Key: k, Range: "bytes=10-" })),
    "InvalidRange",
    416,
  );
});

test("S3-4: conditional GET: If-None-Match -> 304, If-Match mismatch -> 412 PreconditionFailed", async () => {
  const k = key("cond");
  const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: k, Body: "v1" }));
  await assert.rejects(
    s3.send(new GetObjectCommand({ Bucket: bucket, Key: k, IfNoneMatch: put.ETag })),
    (e: S3ServiceException) => {
      assert.equal(e.$metadata.httpStatusCode, 304);
      return true;
    },
  );
  await rejectsWith(
    s3.send(new GetObjectCommand({ Bucket: bucket, Key: k, IfMatch: '"0000"' })),
    "PreconditionFailed",
    412,
  );
  const ok = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: k, IfMatch: put.ETag }));
  assert.equal(await ok.Body?.transformToString(), "v1");
  await rejectsWith(
    s3.send(new PutObjectCommand({ Bucket: bucket, Key: k, Body: "v2", IfNoneMatch: "*" })),
    "PreconditionFailed",
    412,
  );
});

test("S3-10 / SIG-4: streamed upload (aws-chunked, CRC32 trailer) stores the decoded bytes and its checksum", async () => {
  const k = key("stream");
  const data = randomBytes(200_000);
  const put = await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: k,
      Body: Readable.from([data.subarray(0, 70_000), data.subarray(70_000)]),
      ContentLength: data.length,
    }),
  );
  assert.equal(put.ETag, `"${md5(data)}"`);
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: k, ChecksumMode: "ENABLED" }));
  assert.ok(Buffer.from(await got.Body!.transformToByteArray()).equals(data));
  assert.equal(got.ChecksumCRC32, put.ChecksumCRC32);
  assert.equal(got.ChecksumType, "FULL_OBJECT");
  assert.equal(got.ContentEncoding, undefined); // aws-chunked is not stored
});

test("S3-10: checksums of every algorithm are verified on upload and returned with checksum mode", async () => {
  const data = randomBytes(50_000);
  for (const alg of ["CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256"] as const) {
    const k = key(`sum-${alg}`);
    const put = await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: k, Body: data, ChecksumAlgorithm: alg }),
    );
    const member = `Checksum${alg}` as const;
    assert.ok(put[member], alg);
    // The SDK validates the returned checksum against the body it reads.
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: k, ChecksumMode: "ENABLED" }));
    assert.ok(Buffer.from(await got.Body!.transformToByteArray()).equals(data));
    assert.equal(got[member], put[member], alg);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: k }));
    assert.equal(head[member], undefined, "only with x-amz-checksum-mode: ENABLED");
  }
  const sha256 = createHash("sha256").update(data).digest("base64");
  const ok = await s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: key("sha"), Body: data, ChecksumSHA256: sha256 }),
  );
  assert.equal(ok.ChecksumSHA256, sha256);
});

test("S3-10: a checksum or Content-MD5 that does not match the bytes -> 400 BadDigest", async () => {
  const data = Buffer.from("payload");
  await rejectsWith(
    s3.send(new PutObjectCommand({ Bucket: bucket, Key: key("bad"), Body: data, ChecksumCRC32: "AAAAAA==" })),
    "BadDigest",
    400,
  );
  await rejectsWith(
    s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key("bad"),
        Body: data,
        ChecksumSHA256: createHash("sha256").update("other").digest("base64"),
      }),
    ),
    "BadDigest",
    400,
  );
  await rejectsWith(
    s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key("bad"),
        Body: data,
        ContentMD5: createHash("md5").update("other").digest("base64"),
      }),
    ),
    "BadDigest",
    400,
  );
});

test("S3-8: object tagging (x-amz-tagging on PUT, Put/Get/DeleteObjectTagging, <= 10 tags)", async () => {
  const k = key("tagged");
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: k, Body: "t", Tagging: "a=1&b=two%20words" }));
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: k }));
  assert.equal(head.TagCount, 2);
  assert.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: k }))).TagSet, [
    { Key: "a", Value: "1" },
    { Key: "b", Value: "two words" },
  ]);
  await s3.send(
    new PutObjectTaggingCommand({ Bucket: bucket, Key: k, Tagging: { TagSet: [{ Key: "c", Value: "3" }] } }),
  );
  assert.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: k }))).TagSet, [
    { Key: "c", Value: "3" },
  ]);
  const eleven = Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
  await rejectsWith(
    s3.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: k, Tagging: { TagSet: eleven } })),
    "InvalidTag",
    400,
  );
  const del = await s3.send(new DeleteObjectTaggingCommand({ Bucket: bucket, Key: k }));
  assert.equal(del.$metadata.httpStatusCode, 204);
  assert.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: k }))).TagSet ?? [], []);
  await rejectsWith(
    s3.send(
      new PutObjectTaggingCommand({
        Bucket: bucket,
        Key: key("nope"),
        Tagging: { TagSet: [{ Key: "a", Value: "" }] },
      }),
    ),
    "NoSuchKey",
    404,
  );
});

test("CopyObject copies bytes, metadata and tags (COPY) or replaces them (REPLACE)", async () => {
  const src = key("copy-src");
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: src,
      Body: "copy me",
      ContentType: "text/x",
      Metadata: { m: "1" },
      Tagging: "t=1",
    }),
  );
  const dst = key("copy-dst");
  const out = await s3.send(
    new CopyObjectCommand({ Bucket: bucket, Key: dst, CopySource: `${bucket}/${encodeURIComponent(src)}` }),
  );
  assert.equal(out.CopyObjectResult?.ETag, `"${md5("copy me")}"`);
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: dst }));
  assert.equal(await got.Body?.transformToString(), "copy me");
  assert.equal(got.ContentType, "text/x");
  assert.deepEqual(got.Metadata, { m: "1" });
  assert.equal(got.TagCount, 1);

  const replaced = key("copy-rep");
  await s3.send(
    new CopyObjectCommand({
      Bucket: bucket,
      Key: replaced,
      CopySource: `${bucket}/${encodeURIComponent(src)}`,
      MetadataDirective: "REPLACE",
      ContentType: "text/y",
      Metadata: { n: "2" },
    }),
  );
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: replaced }));
  assert.equal(head.ContentType, "text/y");
  assert.deepEqual(head.Metadata, { n: "2" });

  await rejectsWith(
    s3.send(
      new CopyObjectCommand({ Bucket: bucket, Key: src, CopySource: `${bucket}/${encodeURIComponent(src)}` }),
    ),
    "InvalidRequest",
    400,
  );
  await rejectsWith(
    s3.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: dst,
        CopySource: `${bucket}/${encodeURIComponent(key("none"))}`,
      }),
    ),
    "NoSuchKey",
    404,
  );
});
