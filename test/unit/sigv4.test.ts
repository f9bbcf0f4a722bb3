import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { DescribeThingCommand, IoTClient } from "@aws-sdk/client-iot";
import { GetThingShadowCommand, IoTDataPlaneClient } from "@aws-sdk/client-iot-data-plane";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { Hash } from "@smithy/core/serde";
import { SignatureV4 } from "@smithy/signature-v4";
import { ServiceError } from "../../src/sandbox/errors.js";
import {
  readCredentialScope,
  type SignedRequest,
  verifySignature,
} from "../../src/sandbox/protocol/sigv4.js";
import { AuthError, type AuthErrorKind, authErrorFor } from "../../src/sandbox/protocol/sigv4-errors.js";

const AKID = "AKIAIOSFODNN7EXAMPLE";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const secretFor = (id: string) => (id === AKID ? SECRET : undefined);
const T0 = new Date("2025-03-01T12:00:00Z");
const sha256Hex = (b: string | Buffer) => createHash("sha256").update(b).digest("hex");

type SdkRequest = Parameters<SignatureV4["presign"]>[0];
type Query = Record<string, string | string[]>;

const signer = (service: string, sessionToken?: string) =>
  new SignatureV4({
    credentials: { accessKeyId: AKID, secretAccessKey: SECRET, sessionToken },
    region: "eu-west-1",
    service,
    sha256: Hash.bind(null, "sha256"),
    uriEscapePath: service !== "s3",
  });

/** The SDK's query serialisation (RFC 3986 escaping, repeated keys). */
const escapeUri = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const buildQuery = (q: Query) =>
  Object.keys(q)
    .sort()
    .flatMap((k) => ([] as string[]).concat(q[k]!).map((v) => `${escapeUri(k)}=${escapeUri(v)}`))
    .join("&");

function sdkRequest(
  method: string,
  path: string,
  query: Query = {},
  headers: Record<string, string> = {},
  body?: string,
) {
  const req: SdkRequest = {
    method,
    protocol: "http:",
    hostname: "localhost",
    port: 4566,
    path,
    query,
    headers: { host: "localhost:4566", ...headers },
    body,
  };
  return req;
}

/** What the server would see of a request signed by the SDK signer. */
function received(req: SdkRequest): SignedRequest {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = v;
  return { method: req.method, path: req.path, query: buildQuery(req.query as Query), headers };
}

/** The payload hash a caller passes (SIG-1): the x-amz-content-sha256 header, else sha256 of the body. */
const payloadHash = (r: SignedRequest, body = "") => {
  const h = r.headers["x-amz-content-sha256"];
  return typeof h === "string" ? h : sha256Hex(body);
};

async function signed(service: string, req: SdkRequest, date = T0) {
  const out = await signer(service).sign(req, { signingDate: date });
  return received(out);
}

function rejects(fn: () => void, kind: AuthErrorKind): AuthError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AuthError, `expected AuthError, got ${String(e)}`);
    assert.ok(e instanceof ServiceError);
    assert.equal(e.kind, kind, e.message);
    return e;
  }
  assert.fail(`expected ${kind}`);
}

// --- A local HTTP server that records what real SDK v3 clients send ----------------------------

interface Captured {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}
const captured: Captured[] = [];
const server = createServer((req, res) => {
  const parts: Buffer[] = [];
  req.on("data", (c: Buffer) => parts.push(c));
  req.on("end", () => {
    captured.push({
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      body: Buffer.concat(parts),
    });
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});
let endpoint = "";
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

const clientConfig = () => ({
  endpoint,
  region: "eu-west-1",
  credentials: { accessKeyId: AKID, secretAccessKey: SECRET },
  maxAttempts: 1,
});

/** Runs one SDK call (its response parsing may fail: only the request matters) and returns what arrived. */
async function capture(call: () => Promise<unknown>): Promise<{ req: SignedRequest; body: Buffer }> {
  captured.length = 0;
  await call().catch(() => undefined);
  const c = captured.at(-1);
  assert.ok(c, "the SDK sent no request");
  const q = c.url.indexOf("?");
  const req = {
    method: c.method,
    path: q < 0 ? c.url : c.url.slice(0, q),
    query: q < 0 ? "" : c.url.slice(q + 1),
    headers: c.headers,
  };
  return { req, body: c.body };
}

// --- Header signatures from the real clients ---------------------------------------------------

test("SIG-1 iot: IoTClient signatures verify with a double-encoded path (/things/%24package, ':')", async () => {
  const iot = new IoTClient(clientConfig());
  for (const thingName of ["$package", "my:thing", "plain-thing_1"]) {
    const { req, body } = await capture(() => iot.send(new DescribeThingCommand({ thingName })));
    assert.equal(req.path, `/things/${encodeURIComponent(thingName)}`);
    verifySignature(req, secretFor, payloadHash(req, body.toString()), new Date());
    assert.equal(readCredentialScope(req)?.service, "iot");
    const wrong = { ...req, path: req.path.replace("/things/", "/thing/") };
    rejects(
      () => verifySignature(wrong, secretFor, payloadHash(req, body.toString()), new Date()),
      "SignatureMismatch",
    );
  }
});

test("SIG-1 iot-data: IoTDataPlaneClient (signing name iotdata) verifies", async () => {
  const data = new IoTDataPlaneClient(clientConfig());
  const { req, body } = await capture(() =>
    data.send(new GetThingShadowCommand({ thingName: "dev:1", shadowName: "$package" })),
  );
  assert.match(req.query, /name=%24package/);
  verifySignature(req, secretFor, payloadHash(req, body.toString()), new Date());
  assert.equal(readCredentialScope(req)?.service, "iotdata");
});

test("SIG-1 s3: S3Client signatures verify with single encoding (key with spaces and unicode)", async () => {
  const s3 = new S3Client({ ...clientConfig(), forcePathStyle: true });
  const key = "dir/my file ü €+(1)!.txt";
  const { req, body } = await capture(() => s3.send(new GetObjectCommand({ Bucket: "bkt", Key: key })));
  assert.ok(req.path.startsWith("/bkt/dir/my%20file%20%C3%BC%20%E2%82%AC"), req.path);
  verifySignature(req, secretFor, payloadHash(req, body.toString()), new Date());
  assert.equal(readCredentialScope(req)?.service, "s3");
});

test("SIG-1 awsQuery: STSClient POST body verifies; a changed body does not", async () => {
  const sts = new STSClient(clientConfig());
  const { req, body } = await capture(() => sts.send(new GetCallerIdentityCommand({})));
  assert.equal(req.method, "POST");
  assert.match(body.toString(), /Action=GetCallerIdentity/);
  verifySignature(req, secretFor, payloadHash(req, body.toString()), new Date());
  verifySignature(req, secretFor, sha256Hex(body), new Date());
  const other = sha256Hex(`${body.toString()}&x=1`);
  rejects(() => verifySignature(req, secretFor, other, new Date()), "SignatureMismatch");
});

test("SIG-1 awsQuery: IAM form body with an URL-encoded policy document", async () => {
  const body =
    "Action=CreateRole&Version=2010-05-08&RoleName=r&AssumeRolePolicyDocument=" +
    encodeURIComponent('{"Version":"2012-10-17","Statement":[]}');
  const req = await signed(
    "iam",
    sdkRequest("POST", "/", {}, { "content-type": "application/x-www-form-urlencoded; charset=utf-8" }, body),
  );
  verifySignature(req, secretFor, sha256Hex(body), T0);
  rejects(() => verifySignature(req, secretFor, sha256Hex(`${body} `), T0), "SignatureMismatch");
});

test("SIG-1 query strings: repeated keys, reserved characters and keys without value are canonicalised", async () => {
  const query: Query = { b: ["2", "1", "a b"], "a:b": "x/y~z", "next Token": "$next", empty: "" };
  const req = await signed(
    "iot",
    sdkRequest("GET", "/thing-groups/g%3A1/things", query, { "x-amz-meta": "  a   b  " }),
  );
  verifySignature(req, secretFor, payloadHash(req), T0);
  // Same parameters in another order and with lower-case hex: same canonical query.
  const shuffled = { ...req, query: req.query.split("&").reverse().join("&").replace("%3A", "%3a") };
  verifySignature(shuffled, secretFor, payloadHash(req), T0);
  const changed = { ...req, query: req.query.replace("b=1", "b=3") };
  rejects(() => verifySignature(changed, secretFor, payloadHash(req), T0), "SignatureMismatch");
});

test("SIG-1 iot: dot segments and empty segments are normalised like the SDK", async () => {
  const req = await signed("iot", sdkRequest("GET", "/things//a/./b/../c/"));
  verifySignature(req, secretFor, payloadHash(req), T0);
});

test("SIG-1 s3: no dot-segment removal nor double encoding for S3 paths", async () => {
  const req = await signed(
    "s3",
    sdkRequest("PUT", "/bkt/a/../b/%24x%20y", {}, { "x-amz-content-sha256": "UNSIGNED-PAYLOAD" }),
  );
  verifySignature(req, secretFor, "UNSIGNED-PAYLOAD", T0);
  rejects(
    () => verifySignature({ ...req, path: "/bkt/b/%24x%20y" }, secretFor, "UNSIGNED-PAYLOAD", T0),
    "SignatureMismatch",
  );
});

test("SIG-4 every x-amz-content-sha256 form is accepted as the payload hash", async () => {
  for (const form of [
    sha256Hex("hello"),
    "UNSIGNED-PAYLOAD",
    "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
    "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
    "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
  ]) {
    const req = await signed("s3", sdkRequest("PUT", "/bkt/k", {}, { "x-amz-content-sha256": form }));
    verifySignature(req, secretFor, payloadHash(req), T0);
  }
});

test("SIG-2 x-amz-security-token is signed like any header and accepted", async () => {
  const out = await signer("sts", "session-token/+=").sign(
    sdkRequest("GET", "/", { Action: "GetCallerIdentity" }),
    {
      signingDate: T0,
    },
  );
  const req = received(out);
  assert.equal(req.headers["x-amz-security-token"], "session-token/+=");
  verifySignature(req, secretFor, payloadHash(req), T0);
});

// --- Failures ------------------------------------------------------------------------------------

test("SIG-1 wrong secret -> SignatureMismatch: S3 SignatureDoesNotMatch / JSON InvalidSignatureException / query SignatureDoesNotMatch, 403", async () => {
  const req = await signed("iot", sdkRequest("GET", "/things/t"));
  const e = rejects(
    () => verifySignature(req, () => "other-secret", payloadHash(req), T0),
    "SignatureMismatch",
  );
  assert.equal(e.status, 403);
  assert.match(e.details.canonicalRequest ?? "", /^GET\n\/things\/t\n/);
  const xml = authErrorFor("SignatureMismatch", "restXml", e.details);
  assert.deepEqual([xml.code, xml.status], ["SignatureDoesNotMatch", 403]);
  assert.equal(xml.fields["AWSAccessKeyId"], AKID);
  assert.equal(xml.fields["SignatureProvided"], e.details.signatureProvided);
  assert.match(
    String(xml.fields["StringToSign"]),
    /^AWS4-HMAC-SHA256\n20250301T120000Z\n20250301\/eu-west-1\/iot\/aws4_request\n/,
  );
  const json = e.forProtocol("restJson1");
  assert.deepEqual([json.code, json.status], ["InvalidSignatureException", 403]);
  assert.match(json.message, /^The request signature we calculated does not match/);
  const query = e.forProtocol("awsQuery");
  assert.deepEqual([query.code, query.status], ["SignatureDoesNotMatch", 403]);
});

test("SIG-1 unknown access key -> InvalidAccessKey: InvalidAccessKeyId / UnrecognizedClientException / InvalidClientTokenId, 403", async () => {
  const req = await signed("s3", sdkRequest("GET", "/bkt"));
  const e = rejects(() => verifySignature(req, () => undefined, payloadHash(req), T0), "InvalidAccessKey");
  const xml = e.forProtocol("restXml");
  assert.deepEqual([xml.code, xml.status, xml.fields["AWSAccessKeyId"]], ["InvalidAccessKeyId", 403, AKID]);
  const json = e.forProtocol("restJson1");
  assert.deepEqual([json.code, json.status], ["UnrecognizedClientException", 403]);
  const query = e.forProtocol("awsQuery");
  assert.deepEqual([query.code, query.status], ["InvalidClientTokenId", 403]);
  assert.equal(query.message, "The security token included in the request is invalid.");
});

test("SIG-1 clock skew: 15 minutes accepted, more -> Skewed (RequestTimeTooSkewed / Signature expired)", async () => {
  const req = await signed("iot", sdkRequest("GET", "/things"));
  const hash = payloadHash(req);
  verifySignature(req, secretFor, hash, new Date(T0.getTime() + 15 * 60_000));
  verifySignature(req, secretFor, hash, new Date(T0.getTime() - 15 * 60_000));
  const late = new Date(T0.getTime() + 30 * 60_000);
  const e = rejects(() => verifySignature(req, secretFor, hash, late), "Skewed");
  const xml = e.forProtocol("restXml");
  assert.deepEqual([xml.code, xml.status], ["RequestTimeTooSkewed", 403]);
  assert.deepEqual(xml.fields, {
    RequestTime: "20250301T120000Z",
    ServerTime: "2025-03-01T12:30:00Z",
    MaxAllowedSkewMilliseconds: "900000",
  });
  const json = e.forProtocol("restJson1");
  assert.deepEqual([json.code, json.status], ["InvalidSignatureException", 403]);
  assert.equal(
    json.message,
    "Signature expired: 20250301T120000Z is now earlier than 20250301T121500Z (20250301T123000Z - 15 min.)",
  );
  assert.equal(e.forProtocol("awsQuery").code, "SignatureDoesNotMatch");
  const early = rejects(
    () => verifySignature(req, secretFor, hash, new Date(T0.getTime() - 16 * 60_000)),
    "Skewed",
  );
  assert.match(
    early.forProtocol("restJson1").message,
    /^Signature not yet current: 20250301T120000Z is still later than/,
  );
});

test("SIG-1 no credentials -> MissingAuth; garbled Authorization -> MalformedAuth 400", async () => {
  const bare: SignedRequest = { method: "GET", path: "/things", query: "", headers: { host: "x" } };
  const missing = rejects(() => verifySignature(bare, secretFor, sha256Hex(""), T0), "MissingAuth");
  assert.equal(missing.forProtocol("restJson1").code, "MissingAuthenticationTokenException");
  assert.equal(missing.forProtocol("restXml").code, "AccessDenied");
  assert.equal(readCredentialScope(bare), undefined);
  for (const authorization of [
    "AWS4-HMAC-SHA256 Credential=AKID/20250301/eu-west-1/iot, SignedHeaders=host, Signature=" +
      "a".repeat(64),
    "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=" + "a".repeat(64),
    "AWS AKID:c2lnbmF0dXJl",
  ]) {
    const req = { ...bare, headers: { host: "x", "x-amz-date": "20250301T120000Z", authorization } };
    const e = rejects(() => verifySignature(req, secretFor, sha256Hex(""), T0), "MalformedAuth");
    assert.equal(e.status, 400);
    assert.equal(e.forProtocol("restXml").code, "AuthorizationHeaderMalformed");
    assert.equal(e.forProtocol("restJson1").code, "IncompleteSignatureException");
    assert.equal(readCredentialScope(req), undefined);
  }
  const req = await signed("iot", sdkRequest("GET", "/things"));
  delete req.headers["x-amz-date"];
  rejects(() => verifySignature(req, secretFor, payloadHash(req), T0), "MalformedAuth");
});

// --- Presigned URLs (SIG-3) ----------------------------------------------------------------------

/** Like @aws-sdk/s3-request-presigner: UNSIGNED-PAYLOAD, hoisted into the query. */
async function presignS3(expiresIn: number, path = "/bkt/reports/a%20b.json", query: Query = {}) {
  const req = sdkRequest("GET", path, query, { "x-amz-content-sha256": "UNSIGNED-PAYLOAD" });
  const out = await signer("s3").presign(req, {
    signingDate: T0,
    expiresIn,
    unsignableHeaders: new Set(["content-type"]),
  });
  const r = received(out);
  return { ...r, headers: { host: "localhost:4566", "user-agent": "python-requests/2.32" } };
}

test("SIG-3 presigned GET verifies from a plain HTTP client (SDK presigner, UNSIGNED-PAYLOAD in query)", async () => {
  const req = await presignS3(3600, "/bkt/reports/a%20b%2B%C3%A9.json", {
    versionId: "v1",
    "x-id": "GetObject",
  });
  assert.match(req.query, /X-Amz-Content-Sha256=UNSIGNED-PAYLOAD/i);
  assert.deepEqual(readCredentialScope(req), {
    accessKeyId: AKID,
    date: "20250301",
    region: "eu-west-1",
    service: "s3",
    presigned: true,
  });
  verifySignature(req, secretFor, sha256Hex(""), T0);
  rejects(
    () => verifySignature({ ...req, query: req.query.replace("v1", "v2") }, secretFor, sha256Hex(""), T0),
    "SignatureMismatch",
  );
});

test("SIG-3 presigned GET in botocore style (no X-Amz-Content-Sha256) uses UNSIGNED-PAYLOAD for S3", async () => {
  const out = await signer("s3").presign(sdkRequest("GET", "/bkt/k"), { signingDate: T0, expiresIn: 60 });
  // The SDK hashes an absent body; re-sign the same way botocore does: payload UNSIGNED-PAYLOAD.
  const botocore = await signer("s3").presign(
    sdkRequest("GET", "/bkt/k", {}, { "X-Amz-Content-Sha256": "UNSIGNED-PAYLOAD" }),
    {
      signingDate: T0,
      expiresIn: 60,
      unhoistableHeaders: new Set(["x-amz-content-sha256"]),
      unsignableHeaders: new Set(["x-amz-content-sha256"]),
    },
  );
  const req = received(botocore);
  req.headers = { host: "localhost:4566" };
  assert.doesNotMatch(req.query, /Content-Sha256/i);
  verifySignature(req, secretFor, sha256Hex(""), T0);
  // Signed with the empty-body hash instead: not what S3 expects.
  const sdk = { ...received(out), headers: { host: "localhost:4566" } };
  rejects(() => verifySignature(sdk, secretFor, sha256Hex(""), T0), "SignatureMismatch");
});

test("SIG-3 presigned expiry is inclusive: valid at X-Amz-Date + X-Amz-Expires, Expired one second later", async () => {
  const req = await presignS3(900);
  verifySignature(req, secretFor, sha256Hex(""), new Date(T0.getTime() + 900_000));
  const e = rejects(
    () => verifySignature(req, secretFor, sha256Hex(""), new Date(T0.getTime() + 901_000)),
    "Expired",
  );
  const xml = e.forProtocol("restXml");
  assert.deepEqual([xml.code, xml.message, xml.status], ["AccessDenied", "Request has expired", 403]);
  assert.deepEqual(xml.fields, {
    "X-Amz-Expires": "900",
    Expires: "2025-03-01T12:15:00Z",
    ServerTime: "2025-03-01T12:15:01Z",
  });
  // Expiry wins over a bad key or signature (checked first).
  rejects(
    () => verifySignature(req, () => undefined, sha256Hex(""), new Date(T0.getTime() + 10 * 3600_000)),
    "Expired",
  );
});

test("SIG-3 X-Amz-Expires must be an integer 1..604800: 604800 valid, 604801 -> AuthorizationQueryParametersError 400", async () => {
  const req = await presignS3(604800);
  verifySignature(req, secretFor, sha256Hex(""), new Date(T0.getTime() + 604800_000));
  const over = { ...req, query: req.query.replace("X-Amz-Expires=604800", "X-Amz-Expires=604801") };
  const e = rejects(() => verifySignature(over, secretFor, sha256Hex(""), T0), "BadPresign");
  const xml = e.forProtocol("restXml");
  assert.deepEqual([xml.code, xml.status], ["AuthorizationQueryParametersError", 400]);
  assert.equal(xml.message, "X-Amz-Expires must be less than a week (in seconds) that is 604800");
  for (const bad of ["0", "-1", "abc", "1.5", ""]) {
    const r = { ...req, query: req.query.replace("X-Amz-Expires=604800", `X-Amz-Expires=${bad}`) };
    rejects(() => verifySignature(r, secretFor, sha256Hex(""), T0), "BadPresign");
  }
});

test("SIG-3 missing or garbled presign parameters -> BadPresign (AuthorizationQueryParametersError 400)", async () => {
  const req = await presignS3(60);
  const edits: [RegExp, string][] = [
    [/&?X-Amz-Signature=[0-9a-f]+/, ""],
    [/&?X-Amz-Date=[^&]+/, ""],
    [/X-Amz-Date=[^&]+/, "X-Amz-Date=2025-03-01T12%3A00%3A00Z"],
    [/X-Amz-Date=[^&]+/, "X-Amz-Date=20251301T120000Z"],
    [/X-Amz-Algorithm=[^&]+/, "X-Amz-Algorithm=AWS4-HMAC-SHA1"],
    [/X-Amz-Credential=[^&]+/, `X-Amz-Credential=${AKID}%2F20250301%2Feu-west-1%2Fs3`],
    [/X-Amz-Credential=[^&]+/, `X-Amz-Credential=${AKID}%2F20250302%2Feu-west-1%2Fs3%2Faws4_request`],
    [/X-Amz-Signature=[0-9a-f]+/, "X-Amz-Signature=zz"],
    [/X-Amz-SignedHeaders=[^&]+/, "X-Amz-SignedHeaders="],
  ];
  for (const [re, to] of edits) {
    const r = { ...req, query: req.query.replace(re, to) };
    assert.notEqual(r.query, req.query, String(re));
    const e = rejects(() => verifySignature(r, secretFor, sha256Hex(""), T0), "BadPresign");
    assert.deepEqual([e.forProtocol("restXml").code, e.status], ["AuthorizationQueryParametersError", 400]);
  }
});

test("SIG-3 presigned URL dated more than 15 minutes in the future -> NotYetValid", async () => {
  const req = await presignS3(3600);
  const e = rejects(
    () => verifySignature(req, secretFor, sha256Hex(""), new Date(T0.getTime() - 16 * 60_000)),
    "NotYetValid",
  );
  assert.deepEqual(
    [e.forProtocol("restXml").code, e.forProtocol("restXml").message],
    ["AccessDenied", "Request is not valid yet"],
  );
  verifySignature(req, secretFor, sha256Hex(""), new Date(T0.getTime() - 15 * 60_000));
});

// --- Attribution (PROTO-2) -----------------------------------------------------------------------

test("PROTO-2 readCredentialScope reads the Authorization header scope", async () => {
  const req = await signed("iam", sdkRequest("POST", "/", {}, {}, "Action=ListRoles"));
  assert.deepEqual(readCredentialScope(req), {
    accessKeyId: AKID,
    date: "20250301",
    region: "eu-west-1",
    service: "iam",
    presigned: false,
  });
});

test("PROTO-2 signing name iotdevicegateway is reported as iotdata and still verifies with its own name", async () => {
  const req = await signed("iotdevicegateway", sdkRequest("POST", "/topics/a%2Fb", { qos: "1" }, {}, "{}"));
  assert.equal(readCredentialScope(req)?.service, "iotdata");
  verifySignature(req, secretFor, payloadHash(req, "{}"), T0);
  const out = await signer("iotdevicegateway").presign(sdkRequest("GET", "/mqtt"), {
    signingDate: T0,
    expiresIn: 60,
  });
  const presigned = received(out);
  assert.equal(readCredentialScope(presigned)?.service, "iotdata");
  verifySignature(presigned, secretFor, sha256Hex(""), T0);
});

test("PROTO-2 authErrorFor covers every kind for every protocol with a 4xx status", () => {
  const kinds: AuthErrorKind[] = [
    "MissingAuth",
    "MalformedAuth",
    "InvalidAccessKey",
    "SignatureMismatch",
    "Expired",
    "NotYetValid",
    "Skewed",
    "BadPresign",
  ];
  for (const kind of kinds) {
    for (const protocol of ["restJson1", "restXml", "awsQuery"] as const) {
      const e = authErrorFor(kind, protocol, { requestTime: "20250301T120000Z", serverTime: T0 });
      assert.ok(e instanceof ServiceError);
      assert.ok(e.status === 400 || e.status === 403, `${kind}/${protocol}`);
      assert.ok(e.code.length > 0 && e.message.length > 0);
    }
  }
});
