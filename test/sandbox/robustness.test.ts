/**
 * Bad input never gets a 500, a hang or a crash: properly signed requests with garbage labels,
 * bodies, query values and headers, for every modelled route of every service (implemented or
 * not), answer AWS-shaped client errors, and the sandbox still serves afterwards.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { readServiceSchemas } from "../../src/sandbox/protocol/schema.js";
import { SERVICES } from "../../src/sandbox/services/index.js";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { seededRandom } from "../helpers/random.js";
import { sendSigned } from "../helpers/signed-request.js";

let sb: TestSandbox;
before(async () => {
  sb = await startSandbox();
});
after(() => sb.dispose());

const LABELS = ["x", "%24package", "a%2Fb", "%00", "-", "%F0%9F%98%80", "a".repeat(300), "..", "%25", "null"];
const BODIES = [
  "",
  "{",
  "[]",
  "null",
  '"text"',
  '{"thingName": 5, "attributePayload": {"attributes": []}}',
  '{"tags": [{"Key": null}], "maxResults": "x", "expectedVersion": "1"}',
  `{"a": ${"[".repeat(200)}${"]".repeat(200)}}`,
  "<xml><unclosed>",
  '<?xml version="1.0"?><Delete><Object><Key>k</Key></Object></Delete>',
  "Action=CreateRole&RoleName=&Version=2010-05-08",
  "\u0000\u00ff\u00fe",
];
const QUERY_VALUES = ["", "-1", "abc", "1e309", "99999999999999999999", "true", "%ZZ"];

function send(
  service: string,
  method: string,
  path: string,
  query: Record<string, string>,
  body: string,
  contentType: string,
) {
  return sendSigned(sb, { service, method, path, query, body, headers: { "content-type": contentType } });
}

test("every modelled route answers garbage with a client error, never a 500", async () => {
  const random = seededRandom(20261121);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const problems: string[] = [];
  let sent = 0;
  for (const def of SERVICES) {
    const schemas = readServiceSchemas(def.sdk);
    const signingName = def.signingNames[0];
    for (const op of schemas.operations.values()) {
      for (let round = 0; round < 2; round++) {
        let method = op.method ?? "POST";
        let path: string;
        const query: Record<string, string> = {};
        let body = pick(BODIES);
        let contentType = def.protocol === "restXml" ? "application/xml" : "application/json";
        if (def.protocol === "awsQuery") {
          method = "POST";
          path = "/";
          contentType = "application/x-www-form-urlencoded";
          body = `Action=${op.name}&Version=${def.queryVersion}&${pick(["RoleName=", "RoleName=%00", "MaxItems=abc", "Tags.member.1.Key=", "PolicyDocument={"])}`;
        } else {
          const template = op.pathTemplate ?? "/";
          path = template.replace(/\{[^}]+\}/g, () => pick(LABELS));
          if (def.protocol === "restXml") path = `/fuzz-bucket${path === "/" ? "" : path}`;
          for (const k of Object.keys(op.queryLiterals)) query[k] = op.queryLiterals[k];
          query[pick(["maxResults", "nextToken", "max-keys", "versionId", "name", "pageSize"])] =
            pick(QUERY_VALUES);
        }
        try {
          const res = await send(signingName, method, path, query, body, contentType);
          sent++;
          if (res.status >= 500 && res.status !== 501 && res.status !== 503)
            problems.push(
              `${def.key}:${op.name} ${method} ${path} -> ${res.status} ${res.text.slice(0, 200)}`,
            );
          if (res.status >= 400 && method !== "HEAD" && res.text.length === 0)
            problems.push(`${def.key}:${op.name} -> ${res.status} with an empty body`);
        } catch (e) {
          problems.push(`${def.key}:${op.name} ${method} ${path} -> ${(e as Error).message}`);
        }
      }
    }
  }
  assert.ok(sent > 500, `only ${sent} requests were sent`);
  assert.deepEqual(problems.slice(0, 20), []);
  const health = await fetch(`${sb.endpoint}/_iotdm/health`);
  assert.equal(health.status, 200);
});

test("PROTO-2: a request the sandbox cannot attribute gets a 404 JSON error, not a crash", async () => {
  const res = await fetch(`${sb.endpoint}/no/such/thing`, { method: "PATCH" });
  assert.ok(res.status === 404 || res.status === 403, `status ${res.status}`);
  assert.ok((await res.text()).length > 0);
});
