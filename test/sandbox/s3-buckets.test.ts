import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketTaggingCommand,
  GetBucketLocationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
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

const bucketName = (p: string) => `${p}-${randomBytes(4).toString("hex")}`;

async function rejectsWith(p: Promise<unknown>, code: string, status: number) {
  await assert.rejects(p, (e: S3ServiceException) => {
    assert.equal(e.name, code);
    assert.equal(e.$metadata.httpStatusCode, status);
    return true;
  });
}

test("S3-1: CreateBucket answers Location /<bucket>; HeadBucket reports the region (S3-2)", async () => {
  const name = bucketName("create");
  const out = await s3.send(new CreateBucketCommand({ Bucket: name }));
  assert.equal(out.Location, `/${name}`);
  const head = await s3.send(new HeadBucketCommand({ Bucket: name }));
  assert.equal(head.BucketRegion, "us-east-1");
  assert.equal(head.$metadata.httpStatusCode, 200);
});

test("S3-1: bucket naming rules -> 400 InvalidBucketName", async () => {
  for (const bad of [
    "ab",
    "Upper-case",
    "under_score",
    "-leading",
    "trailing-",
    "192.168.1.1",
    "a..b",
    "x".repeat(64),
  ]) {
    await rejectsWith(s3.send(new CreateBucketCommand({ Bucket: bad })), "InvalidBucketName", 400);
  }
});

test("S3-1: re-creating your own us-east-1 bucket is 200; elsewhere 409 BucketAlreadyOwnedByYou", async () => {
  const name = bucketName("again");
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  const again = await s3.send(new CreateBucketCommand({ Bucket: name }));
  assert.equal(again.$metadata.httpStatusCode, 200);

  const eu = new S3Client({ ...sb.s3Config, region: "eu-west-1" });
  const euName = bucketName("eu");
  await eu.send(
    new CreateBucketCommand({
      Bucket: euName,
      CreateBucketConfiguration: { LocationConstraint: "eu-west-1" },
    }),
  );
  await rejectsWith(
    eu.send(
      new CreateBucketCommand({
        Bucket: euName,
        CreateBucketConfiguration: { LocationConstraint: "eu-west-1" },
      }),
    ),
    "BucketAlreadyOwnedByYou",
    409,
  );
  const loc = await eu.send(new GetBucketLocationCommand({ Bucket: euName }));
  assert.equal(loc.LocationConstraint, "eu-west-1");
  // Signed for the bucket's region (PROTO-4: signed for us-east-1 it is a 400, see s3-regions.test.ts).
  const head = await eu.send(new HeadBucketCommand({ Bucket: euName }));
  assert.equal(head.BucketRegion, "eu-west-1");
});

test("S3-1: LocationConstraint rules (us-east-1 invalid, must match the signing region)", async () => {
  await rejectsWith(
    s3.send(
      new CreateBucketCommand({
        Bucket: bucketName("loc"),
        CreateBucketConfiguration: { LocationConstraint: "us-east-1" as "EU" },
      }),
    ),
    "InvalidLocationConstraint",
    400,
  );
  await rejectsWith(
    s3.send(
      new CreateBucketCommand({
        Bucket: bucketName("loc"),
        CreateBucketConfiguration: { LocationConstraint: "eu-west-2" },
      }),
    ),
    "IllegalLocationConstraintException",
    400,
  );
  // The JS SDK fills LocationConstraint from its region; a request without one is checked with boto3
  // in s3-clients.test.ts.
});

test("S3P-3: GetBucketLocation of a us-east-1 bucket is an empty element", async () => {
  const name = bucketName("location");
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  const res = await s3.send(new GetBucketLocationCommand({ Bucket: name }));
  assert.equal(res.LocationConstraint, undefined);
});

test("S3-2: ListBuckets lists the caller's buckets sorted by name with Owner and BucketRegion", async () => {
  const names = [bucketName("list-b"), bucketName("list-a"), bucketName("list-c")];
  for (const n of names) await s3.send(new CreateBucketCommand({ Bucket: n }));
  const out = await s3.send(new ListBucketsCommand({}));
  const listed = (out.Buckets ?? []).map((b) => b.Name ?? "");
  assert.deepEqual(listed, [...listed].sort());
  for (const n of names) assert.ok(listed.includes(n));
  assert.match(out.Owner?.ID ?? "", /^[0-9a-f]{64}$/);
  assert.ok(out.Buckets?.every((b) => b.CreationDate instanceof Date && b.BucketRegion));

  const page1 = await s3.send(new ListBucketsCommand({ MaxBuckets: 1, Prefix: "list-" }));
  assert.equal(page1.Buckets?.length, 1);
  assert.ok(page1.ContinuationToken);
  const page2 = await s3.send(
    new ListBucketsCommand({ MaxBuckets: 5, Prefix: "list-", ContinuationToken: page1.ContinuationToken }),
  );
  assert.equal(page2.Buckets?.length, 2);
  assert.equal(page2.ContinuationToken, undefined);
});

test("S3P-5/6: missing bucket -> 404 NoSuchBucket with BucketName; HEAD -> 404 NotFound without body", async () => {
  const name = bucketName("missing");
  await assert.rejects(s3.send(new GetBucketLocationCommand({ Bucket: name })), (e: S3ServiceException) => {
    assert.equal(e.name, "NoSuchBucket");
    assert.equal(e.$metadata.httpStatusCode, 404);
    assert.equal((e as S3ServiceException & { BucketName?: string }).BucketName, name);
    return true;
  });
  await rejectsWith(s3.send(new HeadBucketCommand({ Bucket: name })), "NotFound", 404);
});

test("S3-7: DeleteBucket 204; BucketNotEmpty 409 while an object or version remains", async () => {
  const name = bucketName("del");
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  await s3.send(new PutObjectCommand({ Bucket: name, Key: "k", Body: "x" }));
  await rejectsWith(s3.send(new DeleteBucketCommand({ Bucket: name })), "BucketNotEmpty", 409);

  const empty = bucketName("del-empty");
  await s3.send(new CreateBucketCommand({ Bucket: empty }));
  const out = await s3.send(new DeleteBucketCommand({ Bucket: empty }));
  assert.equal(out.$metadata.httpStatusCode, 204);
  await rejectsWith(s3.send(new HeadBucketCommand({ Bucket: empty })), "NotFound", 404);
  await rejectsWith(s3.send(new DeleteBucketCommand({ Bucket: empty })), "NoSuchBucket", 404);
});

test("S3-3: GetBucketVersioning is empty until configured; Enabled then Suspended", async () => {
  const name = bucketName("versioning");
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  assert.equal((await s3.send(new GetBucketVersioningCommand({ Bucket: name }))).Status, undefined);
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: "Enabled" } }),
  );
  assert.equal((await s3.send(new GetBucketVersioningCommand({ Bucket: name }))).Status, "Enabled");
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: "Suspended" } }),
  );
  assert.equal((await s3.send(new GetBucketVersioningCommand({ Bucket: name }))).Status, "Suspended");
  await rejectsWith(
    s3.send(
      new PutBucketVersioningCommand({
        Bucket: name,
        VersioningConfiguration: { Status: "Off" as "Enabled" },
      }),
    ),
    "MalformedXML",
    400,
  );
});

test("S3-8: bucket tagging replaces the set; NoSuchTagSet when none; InvalidTag on bad sets", async () => {
  const name = bucketName("tags");
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  await rejectsWith(s3.send(new GetBucketTaggingCommand({ Bucket: name })), "NoSuchTagSet", 404);
  await s3.send(
    new PutBucketTaggingCommand({
      Bucket: name,
      Tagging: {
        TagSet: [
          { Key: "a", Value: "1" },
          { Key: "b", Value: "" },
        ],
      },
    }),
  );
  assert.deepEqual((await s3.send(new GetBucketTaggingCommand({ Bucket: name }))).TagSet, [
    { Key: "a", Value: "1" },
    { Key: "b", Value: "" },
  ]);
  await s3.send(
    new PutBucketTaggingCommand({ Bucket: name, Tagging: { TagSet: [{ Key: "c", Value: "3" }] } }),
  );
  assert.deepEqual((await s3.send(new GetBucketTaggingCommand({ Bucket: name }))).TagSet, [
    { Key: "c", Value: "3" },
  ]);

  const tooMany = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
  await rejectsWith(
    s3.send(new PutBucketTaggingCommand({ Bucket: name, Tagging: { TagSet: tooMany } })),
    "InvalidTag",
    400,
  );
  await rejectsWith(
    s3.send(
      new PutBucketTaggingCommand({
        Bucket: name,
        Tagging: {
          TagSet: [
            { Key: "d", Value: "1" },
            { Key: "d", Value: "2" },
          ],
        },
      }),
    ),
    "InvalidTag",
    400,
  );
  await rejectsWith(
    s3.send(
      new PutBucketTaggingCommand({
        Bucket: name,
        Tagging: { TagSet: [{ Key: "k".repeat(129), Value: "" }] },
      }),
    ),
    "InvalidTag",
    400,
  );
  const del = await s3.send(new DeleteBucketTaggingCommand({ Bucket: name }));
  assert.equal(del.$metadata.httpStatusCode, 204);
  await rejectsWith(s3.send(new GetBucketTaggingCommand({ Bucket: name })), "NoSuchTagSet", 404);
});

test("S3 state survives a kill -9 restart", async () => {
  const name = bucketName("persist");
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  await s3.send(
    new PutBucketTaggingCommand({ Bucket: name, Tagging: { TagSet: [{ Key: "p", Value: "1" }] } }),
  );
  await sb.restart({ kill: true });
  const again = new S3Client(sb.s3Config);
  assert.deepEqual((await again.send(new GetBucketTaggingCommand({ Bucket: name }))).TagSet, [
    { Key: "p", Value: "1" },
  ]);
});
