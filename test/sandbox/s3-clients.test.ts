/** S3 through the other clients the workshop uses: the AWS CLI (path style, multipart above 8 MB) and boto3. */
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  CreateBucketCommand,
  HeadObjectCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { type PythonClients, pythonClients } from "./s3-helpers.js";

let sb: TestSandbox;
let s3: S3Client;
let dir: string;
let aws: PythonClients["aws"];
let boto3: PythonClients["boto3"];
before(async () => {
  sb = await startSandbox();
  s3 = new S3Client(sb.s3Config);
  dir = mkdtempSync(join(tmpdir(), "iotdm-s3-clients-"));
  ({ aws, boto3 } = pythonClients(sb));
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await sb.dispose();
});

async function newBucket(prefix: string): Promise<string> {
  const name = `${prefix}-${randomBytes(4).toString("hex")}`;
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  return name;
}

test("S3-11 / SIG-4: aws s3 cp of a 20 MB file (multipart) round-trips; s3api head-object sees the -N ETag", async () => {
  const b = await newBucket("cli");
  const data = randomBytes(20 * 1024 * 1024);
  const src = join(dir, "big.bin");
  writeFileSync(src, data);
  await aws("s3", "cp", "--only-show-errors", src, `s3://${b}/dir/big file.bin`);
  const head = JSON.parse(await aws("s3api", "head-object", "--bucket", b, "--key", "dir/big file.bin")) as {
    ContentLength: number;
    ETag: string;
  };
  assert.equal(head.ContentLength, data.length);
  assert.match(head.ETag, /^"[0-9a-f]{32}-3"$/);
  const listing = await aws("s3", "ls", `s3://${b}/`, "--recursive");
  assert.match(listing, /20971520 dir\/big file\.bin/);
  const dst = join(dir, "down.bin");
  await aws("s3", "cp", "--only-show-errors", `s3://${b}/dir/big file.bin`, dst);
  assert.ok(readFileSync(dst).equals(data));
  // The SDK agrees with what the CLI uploaded.
  const sdkHead = await s3.send(new HeadObjectCommand({ Bucket: b, Key: "dir/big file.bin" }));
  assert.equal(sdkHead.ETag, head.ETag);
});

test("S3P-5: boto3 head_object on a missing key reports Error.Code '404' (no body)", async () => {
  const b = await newBucket("boto");
  const out = await boto3(
    [
      "try:",
      "    s3.head_object(Bucket=ARGS['bucket'], Key='nope/missing.zip')",
      "except botocore.exceptions.ClientError as e:",
      "    out['code'] = e.response['Error']['Code']",
      "    out['status'] = e.response['ResponseMetadata']['HTTPStatusCode']",
      "try:",
      "    s3.get_object(Bucket=ARGS['bucket'], Key='nope/missing.zip')",
      "except botocore.exceptions.ClientError as e:",
      "    out['getCode'] = e.response['Error']['Code']",
    ].join("\n"),
    { bucket: b },
  );
  assert.deepEqual(out, { code: "404", status: 404, getCode: "NoSuchKey" });
});

test("S3-1: boto3 create_bucket without LocationConstraint outside us-east-1 -> IllegalLocationConstraintException", async () => {
  const out = await boto3(
    [
      "west = client('us-west-2')",
      "try:",
      "    west.create_bucket(Bucket=ARGS['bucket'])",
      "except botocore.exceptions.ClientError as e:",
      "    out['code'] = e.response['Error']['Code']",
      "west.create_bucket(Bucket=ARGS['bucket'], CreateBucketConfiguration={'LocationConstraint': 'us-west-2'})",
      "out['location'] = west.get_bucket_location(Bucket=ARGS['bucket'])['LocationConstraint']",
    ].join("\n"),
    { bucket: `west-${randomBytes(4).toString("hex")}` },
  );
  assert.deepEqual(out, { code: "IllegalLocationConstraintException", location: "us-west-2" });
});

test("S3-4/S3-5: boto3 put_object (default content type), versions and the ListObjectVersions paginator", async () => {
  const b = await newBucket("boto-ver");
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: b, VersioningConfiguration: { Status: "Enabled" } }),
  );
  const out = await boto3(
    [
      "ids = [s3.put_object(Bucket=ARGS['bucket'], Key=f'k{i % 3}', Body=b'x' * i)['VersionId'] for i in range(7)]",
      "out['contentType'] = s3.head_object(Bucket=ARGS['bucket'], Key='k0')['ContentType']",
      "s3.delete_objects(Bucket=ARGS['bucket'], Delete={'Objects': [{'Key': 'k1'}]})",
      "pages = s3.get_paginator('list_object_versions').paginate(Bucket=ARGS['bucket'], PaginationConfig={'PageSize': 2})",
      "seen = []",
      "for p in pages:",
      "    seen += [(v['Key'], v['VersionId']) for v in p.get('Versions', [])]",
      "    seen += [(m['Key'], m['VersionId']) for m in p.get('DeleteMarkers', [])]",
      "out['count'] = len(seen)",
      "out['unique'] = len(set(seen))",
      "out['allIds'] = all((k, i) in seen for k, i in zip([f'k{i % 3}' for i in range(7)], ids))",
    ].join("\n"),
    { bucket: b },
  );
  assert.deepEqual(out, { contentType: "binary/octet-stream", count: 8, unique: 8, allIds: true });
});

test("SIG-3: a boto3 presigned URL downloads with urllib (no SDK)", async () => {
  const b = await newBucket("boto-presign");
  const data = randomBytes(4096);
  await s3.send(new PutObjectCommand({ Bucket: b, Key: "reports/report 1.json", Body: data }));
  const out = await boto3(
    [
      "import urllib.request, hashlib",
      "url = s3.generate_presigned_url('get_object', Params={'Bucket': ARGS['bucket'], 'Key': 'reports/report 1.json'}, ExpiresIn=300)",
      "body = urllib.request.urlopen(url).read()",
      "out['md5'] = hashlib.md5(body).hexdigest()",
      "out['signed'] = 'X-Amz-Signature=' in url",
    ].join("\n"),
    { bucket: b },
  );
  assert.deepEqual(out, { md5: createHash("md5").update(data).digest("hex"), signed: true });
});
