/** Small helpers shared by the S3 test files. */
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { Hash } from "@smithy/core/serde";
import { SignatureV4 } from "@smithy/signature-v4";
import type { TestSandbox } from "../helpers/sandbox.js";

const run = promisify(execFile);

/** A key under `prefix` no other test uses. */
export const uniqueKey = (prefix: string): string => `${prefix}/${randomBytes(4).toString("hex")}`;

/** Hex MD5, as S3 quotes it in ETags. */
export const md5Hex = (b: Buffer | string): string => createHash("md5").update(b).digest("hex");

/** The AWS CLI and boto3 pointed at a test sandbox, as test/sandbox/s3-*.test.ts run them. */
export interface PythonClients {
  /** Runs `aws --endpoint-url <sandbox> ...args`; returns its stdout. */
  aws(...args: string[]): Promise<string>;
  /** Runs a boto3 snippet with `s3` (path style), `resource` and ARGS in scope; returns its `out` as JSON. */
  boto3(code: string, args?: Record<string, unknown>): Promise<Record<string, unknown>>;
}

export function pythonClients(sb: TestSandbox): PythonClients {
  const env = {
    ...process.env,
    ...sb.env,
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  };
  return {
    aws: async (...args) =>
      (await run("aws", ["--endpoint-url", sb.endpoint, ...args], { env, maxBuffer: 1 << 24 })).stdout,
    boto3: async (code, args = {}) => {
      const script = [
        "import json, os, sys, boto3, botocore",
        "from botocore.config import Config",
        "ARGS = json.loads(os.environ['ARGS'])",
        "def config():",
        "    return Config(signature_version='s3v4', s3={'addressing_style': 'path'})",
        "def client(region='us-east-1'):",
        "    return boto3.client('s3', endpoint_url=os.environ['AWS_ENDPOINT_URL'], region_name=region, config=config())",
        "s3 = client()",
        "resource = boto3.resource('s3', endpoint_url=os.environ['AWS_ENDPOINT_URL'], region_name='us-east-1', config=config())",
        "out = {}",
        code,
        "print(json.dumps(out, default=str))",
      ].join("\n");
      const { stdout } = await run("python3", ["-c", script], {
        env: { ...env, ARGS: JSON.stringify(args) },
      });
      return JSON.parse(stdout) as Record<string, unknown>;
    },
  };
}

/** The SDK's SigV4 signer with the sandbox's credentials, as S3 clients use it. */
export const s3Signer = (sb: TestSandbox): SignatureV4 =>
  new SignatureV4({
    credentials: sb.credentials,
    region: sb.region,
    service: "s3",
    sha256: Hash.bind(null, "sha256"),
    uriEscapePath: false,
  });

/** A presigned GET URL as @aws-sdk/s3-request-presigner builds it (UNSIGNED-PAYLOAD hoisted into the query). */
export async function sdkPresignedGet(
  sb: TestSandbox,
  bucket: string,
  objectKey: string,
  expiresIn: number,
  signingDate = new Date(),
): Promise<string> {
  const url = new URL(sb.endpoint);
  const signer = s3Signer(sb);
  const path = `/${bucket}/${objectKey.split("/").map(encodeURIComponent).join("/")}`;
  const signed = await signer.presign(
    {
      method: "GET",
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path,
      query: {},
      headers: { host: url.host, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
    },
    { expiresIn, signingDate },
  );
  const query = Object.entries(signed.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join("&");
  return `${sb.endpoint}${path}?${query}`;
}
