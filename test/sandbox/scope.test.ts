/**
 * The credential scope: a region that is no AWS region is refused by every service and creates no
 * state partition; S3 refuses a scope naming another region than the bucket's, as AWS does
 * (PROTO-4); S3's SigV2 forms are refused in S3's words instead of being left unattributed (PROTO-2).
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { CreateThingCommand, IoTClient } from "@aws-sdk/client-iot";
import {
  CreateBucketCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import Database from "better-sqlite3";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { sendSigned } from "../helpers/signed-request.js";
import { sandboxSigner } from "../helpers/signing.js";

const run = promisify(execFile);
let sb: TestSandbox;
let open: TestSandbox;
const bucket = "scope-us-east-1";
before(async () => {
  [sb, open] = await Promise.all([startSandbox(), startSandbox({ args: ["--no-auth"] })]);
  await new S3Client(sb.s3Config).send(new CreateBucketCommand({ Bucket: bucket }));
});
after(async () => {
  await Promise.all([sb.dispose(), open.dispose()]);
});

type AwsError = Error & {
  $metadata?: { httpStatusCode?: number };
  $response?: { headers: Record<string, string> };
};

async function refusal(p: Promise<unknown>): Promise<AwsError> {
  try {
    await p;
  } catch (e) {
    return e as AwsError;
  }
  assert.fail("the call succeeded");
}

/** Scopes (`<account>:<region>` and others) stored in the instance's state file. */
function storedScopes(instance: TestSandbox): string[] {
  const db = new Database(join(instance.dataDir, "state.db"), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT DISTINCT scope FROM docs UNION SELECT DISTINCT scope FROM links").all();
    return (rows as Array<{ scope: string }>).map((r) => r.scope);
  } finally {
    db.close();
  }
}

/** A request signed (SignatureV4, as the SDKs sign) for any scope region, even one the SDKs refuse to use. */
async function signedCall(
  instance: TestSandbox,
  service: string,
  region: string,
  method: string,
  path: string,
  body: string,
  contentType: string,
): Promise<{ status: number; code: string; text: string }> {
  const target = { endpoint: instance.endpoint, credentials: instance.credentials, region };
  const headers = { "content-type": contentType };
  const res = await sendSigned(target, { service, method, path, headers, body });
  const code = res.headers.get("x-amzn-errortype") ?? /<Code>([^<]+)<\/Code>/.exec(res.text)?.[1] ?? "";
  return { status: res.status, code, text: res.text };
}

for (const region of ["zz-nowhere-9", "a".repeat(200)]) {
  const shown = region.length > 20 ? "200 x 'a'" : region;
  test(`PROTO-4: region ${shown} -> iot 403 InvalidSignatureException, STS SignatureDoesNotMatch, S3 400 AuthorizationHeaderMalformed; no partition`, async () => {
    for (const instance of [sb, open]) {
      const iot = await signedCall(
        instance,
        "iot",
        region,
        "POST",
        "/things/nowhere-thing",
        "{}",
        "application/json",
      );
      assert.deepEqual([iot.status, iot.code], [403, "InvalidSignatureException"], iot.text);
      assert.match(iot.text, /Credential should be scoped to a valid region/);

      const form = "Action=GetCallerIdentity&Version=2011-06-15";
      const sts = await signedCall(
        instance,
        "sts",
        region,
        "POST",
        "/",
        form,
        "application/x-www-form-urlencoded",
      );
      assert.deepEqual([sts.status, sts.code], [403, "SignatureDoesNotMatch"], sts.text);

      const s3 = await signedCall(instance, "s3", region, "PUT", `/${bucket}/nowhere`, "x", "text/plain");
      assert.deepEqual([s3.status, s3.code], [400, "AuthorizationHeaderMalformed"], s3.text);
      assert.match(
        s3.text,
        /the region (&apos;|')[a-z0-9-]+(&apos;|') is wrong; expecting (&apos;|')us-east-1/,
      );
      assert.match(s3.text, /<Region>us-east-1<\/Region>/);

      assert.deepEqual(
        storedScopes(instance).filter((scope) => scope.includes(region)),
        [],
      );
    }
  });
}

test("PROTO-4: real region names of every form stay accepted (SDK clients in ap-southeast-2, us-gov-west-1, il-central-1)", async () => {
  for (const region of ["ap-southeast-2", "us-gov-west-1", "il-central-1", "cn-north-1"]) {
    const iot = new IoTClient({ ...sb.config, region });
    const created = await iot.send(new CreateThingCommand({ thingName: `in-${region}` }));
    assert.equal(created.thingName, `in-${region}`);
    const identity = await new STSClient({ ...sb.config, region }).send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Account, sb.accountId);
  }
});

test("PROTO-4: S3 signed for eu-west-1 on a us-east-1 bucket -> 400 AuthorizationHeaderMalformed with <Region>, nothing stored", async () => {
  const eu = new S3Client({ ...sb.s3Config, region: "eu-west-1" });
  const put = await refusal(
    eu.send(new PutObjectCommand({ Bucket: bucket, Key: "wrong-region", Body: "x" })),
  );
  assert.equal(put.name, "AuthorizationHeaderMalformed");
  assert.equal(put.$metadata?.httpStatusCode, 400);
  assert.match(put.message, /the region 'eu-west-1' is wrong; expecting 'us-east-1'/);
  assert.equal((put as AwsError & { Region?: string }).Region, "us-east-1");
  assert.equal(put.$response?.headers["x-amz-bucket-region"], "us-east-1");
  const get = await refusal(eu.send(new GetObjectCommand({ Bucket: bucket, Key: "wrong-region" })));
  assert.equal(get.name, "AuthorizationHeaderMalformed");
  await assert.rejects(
    new S3Client(sb.s3Config).send(new HeadObjectCommand({ Bucket: bucket, Key: "wrong-region" })),
    (e: Error) => e.name === "NotFound",
  );
  // Where AWS answers any region: the bucket's location, the caller's buckets.
  const location = await eu.send(new GetBucketLocationCommand({ Bucket: bucket }));
  assert.equal(location.LocationConstraint, undefined);
  const listed = await eu.send(new ListBucketsCommand({}));
  assert.ok(listed.Buckets?.some((b) => b.Name === bucket));
});

test("PROTO-4: a presigned GET signed for eu-west-1 on a us-east-1 bucket -> 400 AuthorizationQueryParametersError", async () => {
  await new S3Client(sb.s3Config).send(new PutObjectCommand({ Bucket: bucket, Key: "presigned", Body: "x" }));
  const endpoint = new URL(sb.endpoint);
  const signer = sandboxSigner(sb, "s3", { region: "eu-west-1" });
  const path = `/${bucket}/presigned`;
  const presigned = await signer.presign(
    {
      method: "GET",
      protocol: "http:",
      hostname: endpoint.hostname,
      port: Number(endpoint.port),
      path,
      query: {},
      headers: { host: endpoint.host, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
    },
    { expiresIn: 60 },
  );
  const query = new URLSearchParams(presigned.query as Record<string, string>).toString();
  const res = await fetch(`${sb.endpoint}${path}?${query}`);
  assert.equal(res.status, 400);
  const text = await res.text();
  assert.match(text, /<Code>AuthorizationQueryParametersError<\/Code>/);
  assert.match(text, /<Region>us-east-1<\/Region>/);
});

test("PROTO-2: a SigV2 presigned URL from `aws s3 presign` (CLI v1's default) -> S3's 400 InvalidRequest asking for AWS4-HMAC-SHA256", async () => {
  const env = {
    ...process.env,
    ...sb.env,
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  };
  const { stdout } = await run(
    "aws",
    ["--endpoint-url", sb.endpoint, "s3", "presign", `s3://${bucket}/presigned`],
    {
      env,
    },
  );
  const url = stdout.trim();
  assert.match(url, /AWSAccessKeyId=.*Signature=/);
  const res = await fetch(url);
  assert.equal(res.status, 400);
  const text = await res.text();
  assert.match(text, /<Code>InvalidRequest<\/Code>/);
  assert.match(text, /Please use AWS4-HMAC-SHA256/);
  assert.ok(res.headers.get("x-amz-request-id"));
});

test("PROTO-2: boto3 with signature_version='s3' (Authorization: AWS AKID:sig and a SigV2 URL) gets S3's InvalidRequest", async () => {
  const script = [
    "import json, os, boto3, requests",
    "from botocore.config import Config",
    "s3 = boto3.client('s3', endpoint_url=os.environ['AWS_ENDPOINT_URL'], region_name='us-east-1',",
    "    config=Config(signature_version='s3', s3={'addressing_style': 'path'}))",
    "out = {}",
    "try:",
    "    s3.put_object(Bucket=os.environ['BUCKET'], Key='sigv2', Body=b'x')",
    "    out['put'] = 'stored'",
    "except Exception as e:",
    "    out['put'] = e.response['Error']['Code']",
    "    out['message'] = e.response['Error']['Message']",
    "url = s3.generate_presigned_url('get_object', Params={'Bucket': os.environ['BUCKET'], 'Key': 'presigned'})",
    "out['url'] = url",
    "r = requests.get(url)",
    "out['status'] = r.status_code",
    "out['body'] = r.text",
    "print(json.dumps(out))",
  ].join("\n");
  const env = { ...process.env, ...sb.env, AWS_CONFIG_FILE: "/dev/null", BUCKET: bucket };
  const { stdout } = await run("python3", ["-c", script], { env });
  const out = JSON.parse(stdout) as Record<string, string | number>;
  assert.equal(out.put, "InvalidRequest");
  assert.match(String(out.message), /Please use AWS4-HMAC-SHA256/);
  assert.match(String(out.url), /AWSAccessKeyId=/);
  assert.equal(out.status, 400);
  assert.match(String(out.body), /<Code>InvalidRequest<\/Code>/);
});
