/** SIG-3, the signing side (sigv4-presign.ts): the sandbox's own presigned URLs, checked by its verifier and by the SDK's signer. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Hash } from "@smithy/core/serde";
import { SignatureV4 } from "@smithy/signature-v4";
import { checkHead } from "../../src/sandbox/protocol/sigv4.js";
import { type PresignInput, presignedQuery } from "../../src/sandbox/protocol/sigv4-presign.js";
import { isAuthError } from "../../src/sandbox/protocol/sigv4-errors.js";

const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const signingDate = new Date("2026-03-01T12:00:00Z");
const input: PresignInput = {
  method: "GET",
  host: "127.0.0.1:5566",
  path: "/my-bucket/firmware/v1%20final.bin",
  params: { versionId: "3/L4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY" },
  accessKeyId: credentials.accessKeyId,
  secret: credentials.secretAccessKey,
  region: "eu-west-1",
  service: "s3",
  date: signingDate,
  expiresSeconds: 600,
};

const head = (query: string) => ({
  method: "GET",
  path: input.path,
  query,
  headers: { host: input.host },
});
const secretFor = (k: string) => (k === credentials.accessKeyId ? credentials.secretAccessKey : undefined);

test("SIG-3: the sandbox's presigned query is the one the SDK's SigV4 signer computes", async () => {
  const signer = new SignatureV4({
    credentials,
    region: input.region,
    service: "s3",
    sha256: Hash.bind(null, "sha256"),
    uriEscapePath: false,
  });
  const signed = await signer.presign(
    {
      method: "GET",
      protocol: "http:",
      hostname: "127.0.0.1",
      port: 5566,
      path: input.path,
      query: { versionId: input.params!.versionId },
      headers: { host: input.host, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
    },
    { expiresIn: input.expiresSeconds, signingDate },
  );
  // The SDK hoists the x-amz-content-sha256 header into the query, as @aws-sdk/s3-request-presigner does.
  const ours = new URLSearchParams(
    presignedQuery({ ...input, params: { ...input.params, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } }),
  );
  assert.equal(ours.get("X-Amz-Signature"), signed.query?.["X-Amz-Signature"]);
  assert.equal(ours.get("X-Amz-Credential"), "AKIDEXAMPLE/20260301/eu-west-1/s3/aws4_request");
  assert.equal(ours.get("X-Amz-Date"), "20260301T120000Z");
  assert.equal(ours.get("X-Amz-Expires"), "600");
  assert.equal(ours.get("X-Amz-SignedHeaders"), "host");
  assert.equal(ours.get("versionId"), input.params!.versionId);
});

test("SIG-3: the verifier accepts it up to X-Amz-Date + X-Amz-Expires inclusive, then 'Expired'", () => {
  const query = presignedQuery(input);
  const at = (offsetSeconds: number) => new Date(signingDate.getTime() + offsetSeconds * 1000);
  const check = checkHead(head(query), secretFor, new Date(), at(600));
  check.verify("UNSIGNED-PAYLOAD");
  assert.throws(
    () => checkHead(head(query), secretFor, new Date(), at(601)),
    (e) => isAuthError(e) && e.kind === "Expired",
  );
});

test("SIG-3: presigned validity follows the time given for presigned URLs, not the header-skew time", () => {
  const query = presignedQuery(input);
  // Real time far from the signing date does not matter to a presigned URL...
  checkHead(head(query), secretFor, new Date("2030-01-01T00:00:00Z"), signingDate);
  // ...the presigned time does.
  assert.throws(
    () => checkHead(head(query), secretFor, signingDate, new Date(signingDate.getTime() + 3600_000)),
    (e) => isAuthError(e) && e.kind === "Expired",
  );
});

test("SIG-3: a tampered presigned query fails its signature", () => {
  const query = presignedQuery(input).replace("X-Amz-Expires=600", "X-Amz-Expires=3600");
  const check = checkHead(head(query), secretFor, signingDate, signingDate);
  assert.throws(
    () => check.verify("UNSIGNED-PAYLOAD"),
    (e) => isAuthError(e) && e.kind === "SignatureMismatch",
  );
});
