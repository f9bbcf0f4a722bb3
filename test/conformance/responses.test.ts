/**
 * Every answer the sandbox gave during the test run (recorded under IOTDM_RECORD_DIR by
 * test/run.ts) is checked against AWS's Smithy model of its operation: body members and
 * types of successes, and for errors that the code is one the operation models, with the
 * modelled HTTP status (JSON-4/5, S3P-3/5, QRY-2/3).
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { SERVICES } from "../../src/sandbox/services/index.js";
import { checkJson, checkXml, parseXmlDoc, SmithyModel, sharedAvailable } from "../helpers/smithy.js";

interface Recorded {
  service: string;
  operation: string;
  method: string;
  status: number;
  headers: Record<string, string>;
  body?: string;
  injected?: boolean;
}

/** Codes any operation may answer although its model does not list them (auth, routing, sandbox limits). */
const GENERIC = new Set([
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "MissingAuthenticationTokenException",
  "IncompleteSignatureException",
  "InvalidClientTokenId",
  "SignatureDoesNotMatch",
  "MissingAuthenticationToken",
  "IncompleteSignature",
  "InvalidAction",
  "UnknownOperationException",
  "NotImplementedException",
  "NotImplemented",
  "MethodNotAllowedException",
  "ValidationError",
  "Throttling",
  "InternalFailure",
  "ServiceFailure",
  // restJson1: AWS's JSON services answer a request they cannot deserialize (a body that is not
  // a JSON object, a value that cannot be read as its type) with 400 SerializationException,
  // whatever the operation models (the Smithy restJson1 malformed-request behaviour).
  "SerializationException",
  // iot-data Publish answers 413 for payloads over 128 KB although its model omits the error (MQTT-1);
  // every restJson1 service answers it for a body over the sandbox's limit (ServiceDefinition.bodyLimit).
  "RequestEntityTooLargeException",
]);

const recordDir = process.env.IOTDM_RECORD_DIR;
const required = process.env.IOTDM_REQUIRE_SHARED === "1";
const skip = !sharedAvailable() || !recordDir || !existsSync(recordDir);

function load(): Recorded[] {
  const out: Recorded[] = [];
  for (const f of readdirSync(recordDir!)) {
    for (const line of readFileSync(join(recordDir!, f), "utf8").split("\n"))
      if (line) out.push(JSON.parse(line) as Recorded);
  }
  return out;
}

test("recordings and AWS models are available", { skip: skip && !required }, () => {
  assert.ok(sharedAvailable(), "../shared/aws-models is needed");
  assert.ok(recordDir && existsSync(recordDir), "IOTDM_RECORD_DIR with recordings is needed (run npm test)");
});

if (!skip) {
  const records = load();
  const models = new Map<string, SmithyModel>();
  const model = (s: string) => {
    let m = models.get(s);
    if (!m) {
      m = new SmithyModel(s);
      models.set(s, m);
    }
    return m;
  };
  const byOp = new Map<string, Recorded[]>();
  for (const r of records) {
    if (r.operation === "?" || r.injected) continue;
    const k = `${r.service}:${r.operation}`;
    byOp.set(k, [...(byOp.get(k) ?? []), r]);
  }

  for (const def of SERVICES) {
    for (const op of def.operations) {
      const key = `${def.key}:${op.name}`;
      test(`${key} answers match the AWS model`, () => {
        const seen = byOp.get(key) ?? [];
        assert.ok(
          seen.some((r) => r.status < 300),
          `${key} is implemented but no test made a successful call`,
        );
        const m = model(def.key);
        const shape = m.operation(op.name);
        assert.ok(shape, `${op.name} not in the ${def.key} model`);
        const problems: string[] = [];
        const errors = m.errorsOf(shape);
        for (const r of seen) {
          if (r.status >= 300) {
            const code = errorCode(def.protocol, r);
            if (!code) {
              if (r.method !== "HEAD") problems.push(`${r.status} without an error code`);
              continue;
            }
            const modelled = errors.find((e) => e.name === code || e.queryCode === code);
            if (modelled) {
              if (modelled.status !== undefined && modelled.status !== r.status)
                problems.push(`${code}: status ${r.status}, model says ${modelled.status}`);
            } else if (!GENERIC.has(code) && def.protocol !== "restXml")
              problems.push(`${code} is not modelled for ${op.name}`);
            if (r.status >= 500 && r.status !== 501 && r.status !== 503)
              problems.push(`${code}: server error ${r.status}`);
            continue;
          }
          if (!r.body) continue;
          const out: string[] = [];
          if (def.protocol === "restJson1") {
            if (r.headers["content-type"]?.includes("json") && !hasPayload(m, shape.output?.target))
              checkJson(m, shape.output!.target, JSON.parse(r.body), op.name, out, true);
          } else if (def.protocol === "awsQuery") {
            const doc = parseXmlDoc(r.body) as Record<string, Array<Record<string, unknown[]>>>;
            const result = doc[`${op.name}Response`]?.[0]?.[`${op.name}Result`]?.[0];
            if (result && shape.output) checkXml(m, shape.output.target, result, op.name, out, "query");
          } else if (shape.output && !hasPayload(m, shape.output.target)) {
            const doc = parseXmlDoc(r.body);
            const root = Object.keys(doc).find((k) => k !== "?xml");
            const outShape = m.shape(shape.output.target);
            const expectedRoot =
              (outShape.traits?.["smithy.api#xmlName"] as string | undefined) ?? `${op.name}Result`;
            if (root !== expectedRoot) out.push(`root <${root}>, model says <${expectedRoot}>`);
            else if (Object.keys(outShape.members ?? {}).length > 1)
              checkXml(m, shape.output.target, doc[root][0], op.name, out, "s3");
          }
          problems.push(...out);
        }
        assert.deepEqual([...new Set(problems)].slice(0, 20), []);
      });
    }
  }
}

function hasPayload(m: SmithyModel, id: string | undefined): boolean {
  if (!id) return false;
  return Object.values(m.shape(id).members ?? {}).some(
    (ref) => ref.traits?.["smithy.api#httpPayload"] !== undefined,
  );
}

function errorCode(protocol: string, r: Recorded): string | undefined {
  if (protocol === "restJson1") return r.headers["x-amzn-errortype"];
  if (!r.body) return undefined;
  return /<Code>([^<]+)<\/Code>/.exec(r.body)?.[1];
}
