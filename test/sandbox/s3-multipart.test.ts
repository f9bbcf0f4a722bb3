import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
  type S3ServiceException,
  UploadPartCommand,
  type UploadPartCommandOutput,
} from "@aws-sdk/client-s3";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
let s3: S3Client;
before(async () => {
  sb = await startSandbox();
  s3 = new S3Client(sb.s3Config);
});
after(() => sb.dispose());

const MiB = 1024 * 1024;
const md5 = (b: Buffer) => createHash("md5").update(b).digest();

async function newBucket(prefix: string): Promise<string> {
  const name = `${prefix}-${randomBytes(4).toString("hex")}`;
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  return name;
}

async function rejectsWith(p: Promise<unknown>, code: string, status: number) {
  await assert.rejects(p, (e: S3ServiceException) => {
    assert.equal(e.name, code);
    assert.equal(e.$metadata.httpStatusCode, status);
    return true;
  });
}

test("S3-11: multipart upload assembles parts; ETag is md5 of the part MD5s plus -<n>; composite CRC32", async () => {
  const b = await newBucket("mpu");
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: b, VersioningConfiguration: { Status: "Enabled" } }),
  );
  const created = await s3.send(
    new CreateMultipartUploadCommand({
      Bucket: b,
      Key: "big.bin",
      ContentType: "application/x-big",
      ChecksumAlgorithm: "CRC32",
    }),
  );
  assert.ok(created.UploadId);
  assert.equal(created.ChecksumType, "COMPOSITE");
  const parts = [randomBytes(5 * MiB), randomBytes(5 * MiB + 17), randomBytes(1000)];
  const etags: string[] = [];
  const checksums: string[] = [];
  for (const [i, body] of parts.entries()) {
    const out: UploadPartCommandOutput = await s3.send(
      new UploadPartCommand({
        Bucket: b,
        Key: "big.bin",
        UploadId: created.UploadId,
        PartNumber: i + 1,
        Body: body,
        ChecksumAlgorithm: "CRC32",
      }),
    );
    assert.equal(out.ETag, `"${md5(body).toString("hex")}"`);
    etags.push(out.ETag!);
    checksums.push(out.ChecksumCRC32!);
  }
  const listed = await s3.send(
    new ListPartsCommand({ Bucket: b, Key: "big.bin", UploadId: created.UploadId }),
  );
  assert.deepEqual(
    listed.Parts?.map((p) => [p.PartNumber, p.Size]),
    parts.map((p, i) => [i + 1, p.length]),
  );
  const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: b }));
  assert.deepEqual(
    uploads.Uploads?.map((u) => [u.Key, u.UploadId]),
    [["big.bin", created.UploadId]],
  );

  const done = await s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: b,
      Key: "big.bin",
      UploadId: created.UploadId,
      MultipartUpload: {
        Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1, ChecksumCRC32: checksums[i] })),
      },
    }),
  );
  const expectedEtag = `"${md5(Buffer.concat(parts.map(md5))).toString("hex")}-3"`;
  assert.equal(done.ETag, expectedEtag);
  assert.ok(done.VersionId);
  assert.match(done.ChecksumCRC32 ?? "", /^[A-Za-z0-9+/=]{8}-3$/);

  const got = await s3.send(new GetObjectCommand({ Bucket: b, Key: "big.bin", ChecksumMode: "ENABLED" }));
  const bytes = Buffer.from(await got.Body!.transformToByteArray());
  assert.ok(bytes.equals(Buffer.concat(parts)));
  assert.equal(got.ETag, expectedEtag);
  assert.equal(got.ContentType, "application/x-big");
  assert.equal(got.ChecksumCRC32, done.ChecksumCRC32);
  assert.equal(got.ChecksumType, "COMPOSITE");
  const part2 = await s3.send(new HeadObjectCommand({ Bucket: b, Key: "big.bin", PartNumber: 2 }));
  assert.equal(part2.ContentLength, parts[1].length);
  assert.equal(part2.PartsCount, 3);
  assert.equal((await s3.send(new ListMultipartUploadsCommand({ Bucket: b }))).Uploads, undefined);
  await rejectsWith(
    s3.send(new AbortMultipartUploadCommand({ Bucket: b, Key: "big.bin", UploadId: created.UploadId })),
    "NoSuchUpload",
    404,
  );
});

test("S3-11: Complete checks order (InvalidPartOrder), ETags (InvalidPart) and the 5 MiB minimum (EntityTooSmall)", async () => {
  const b = await newBucket("mpu-errors");
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: b, Key: "k" }));
  const small = randomBytes(100);
  const p1 = await s3.send(
    new UploadPartCommand({ Bucket: b, Key: "k", UploadId, PartNumber: 1, Body: small }),
  );
  const p2 = await s3.send(
    new UploadPartCommand({ Bucket: b, Key: "k", UploadId, PartNumber: 2, Body: small }),
  );
  const complete = (Parts: Array<{ ETag?: string; PartNumber: number }>) =>
    s3.send(
      new CompleteMultipartUploadCommand({ Bucket: b, Key: "k", UploadId, MultipartUpload: { Parts } }),
    );
  await rejectsWith(
    complete([
      { ETag: p2.ETag, PartNumber: 2 },
      { ETag: p1.ETag, PartNumber: 1 },
    ]),
    "InvalidPartOrder",
    400,
  );
  await rejectsWith(
    complete([{ ETag: '"00000000000000000000000000000000"', PartNumber: 1 }]),
    "InvalidPart",
    400,
  );
  await rejectsWith(complete([{ ETag: p1.ETag, PartNumber: 3 }]), "InvalidPart", 400);
  await rejectsWith(
    complete([
      { ETag: p1.ETag, PartNumber: 1 },
      { ETag: p2.ETag, PartNumber: 2 },
    ]),
    "EntityTooSmall",
    400,
  );
  await rejectsWith(
    s3.send(new UploadPartCommand({ Bucket: b, Key: "k", UploadId, PartNumber: 10001, Body: small })),
    "InvalidArgument",
    400,
  );
  // S3-7: an upload in progress keeps the bucket from being deleted.
  await rejectsWith(s3.send(new DeleteBucketCommand({ Bucket: b })), "BucketNotEmpty", 409);
  const single = await complete([{ ETag: p1.ETag, PartNumber: 1 }]);
  assert.equal(single.ETag, `"${md5(md5(small)).toString("hex")}-1"`);
  const got = await s3.send(new GetObjectCommand({ Bucket: b, Key: "k" }));
  assert.ok(Buffer.from(await got.Body!.transformToByteArray()).equals(small));
});

test("S3-11: AbortMultipartUpload 204 then NoSuchUpload; unknown upload ids are NoSuchUpload", async () => {
  const b = await newBucket("mpu-abort");
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: b, Key: "k" }));
  await s3.send(new UploadPartCommand({ Bucket: b, Key: "k", UploadId, PartNumber: 1, Body: "x" }));
  const out = await s3.send(new AbortMultipartUploadCommand({ Bucket: b, Key: "k", UploadId }));
  assert.equal(out.$metadata.httpStatusCode, 204);
  await rejectsWith(
    s3.send(new UploadPartCommand({ Bucket: b, Key: "k", UploadId, PartNumber: 2, Body: "x" })),
    "NoSuchUpload",
    404,
  );
  await rejectsWith(
    s3.send(new ListPartsCommand({ Bucket: b, Key: "k", UploadId: "nope" })),
    "NoSuchUpload",
    404,
  );
  assert.equal((await s3.send(new DeleteBucketCommand({ Bucket: b }))).$metadata.httpStatusCode, 204);
});

test("S3-11: FULL_OBJECT CRC64NVME multipart gets the checksum of the whole object", async () => {
  const b = await newBucket("mpu-full");
  const { UploadId, ChecksumType } = await s3.send(
    new CreateMultipartUploadCommand({ Bucket: b, Key: "k", ChecksumAlgorithm: "CRC64NVME" }),
  );
  assert.equal(ChecksumType, "FULL_OBJECT");
  const parts = [randomBytes(5 * MiB), randomBytes(10)];
  const etags = [];
  for (const [i, Body] of parts.entries())
    etags.push(
      (
        await s3.send(
          new UploadPartCommand({
            Bucket: b,
            Key: "k",
            UploadId,
            PartNumber: i + 1,
            Body,
            ChecksumAlgorithm: "CRC64NVME",
          }),
        )
      ).ETag,
    );
  await s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: b,
      Key: "k",
      UploadId,
      MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
    }),
  );
  // The same bytes in one PUT must carry the same full-object CRC64NVME; the SDK validates the GET.
  const whole = Buffer.concat(parts);
  const single = await s3.send(
    new PutObjectCommand({ Bucket: b, Key: "single", Body: whole, ChecksumAlgorithm: "CRC64NVME" }),
  );
  const got = await s3.send(new GetObjectCommand({ Bucket: b, Key: "k", ChecksumMode: "ENABLED" }));
  assert.ok(Buffer.from(await got.Body!.transformToByteArray()).equals(whole));
  assert.equal(got.ChecksumCRC64NVME, single.ChecksumCRC64NVME);
  assert.equal(got.ChecksumType, "FULL_OBJECT");
});
