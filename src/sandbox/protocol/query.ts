/**
 * awsQuery (IAM, STS): form-encoded requests and XML responses wrapped in
 * `<OpResponse><OpResult>` (QRY-1 .. QRY-3), driven by the SDK schemas.
 */
import type { NormalizedSchema } from "@smithy/core/schema";
import { ServiceError } from "../errors.js";
import { newRecord } from "../records.js";
import type { RawResponse } from "./http-bindings.js";
import { childPath, InputProblems } from "./input-problems.js";
import { mustBe, scalarFromText } from "./member-kinds.js";
import type { ErrorSchema, OperationSchema } from "./schema.js";
import { membersOf } from "./schema.js";
import { element, escapeXml, scalarText } from "./xml.js";

interface Tree {
  value?: string;
  children: Map<string, Tree>;
}

function buildTree(params: URLSearchParams): Tree {
  const root: Tree = { children: new Map() };
  for (const [key, value] of params) {
    if (key === "Action" || key === "Version") continue;
    let node = root;
    for (const part of key.split(".")) {
      let next = node.children.get(part);
      if (!next) {
        next = { children: new Map() };
        node.children.set(part, next);
      }
      node = next;
    }
    node.value = value;
  }
  return root;
}

function numbered(node: Tree): Tree[] {
  return [...node.children.entries()]
    .filter(([k]) => /^\d+$/.test(k))
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([, v]) => v);
}

/** Form parameters -> typed value, type problems collected with their paths (VAL-1). */
function fromTree(schema: NormalizedSchema, node: Tree, path: string, problems: InputProblems): unknown {
  if (schema.isStructSchema()) {
    const out: Record<string, unknown> = {};
    for (const m of membersOf(schema)) {
      const child = node.children.get(m.name);
      if (!child) continue;
      const value = fromTree(m.schema, child, childPath(path, m.name), problems);
      if (value !== undefined) out[m.name] = value;
    }
    return out;
  }
  if (schema.isListSchema()) {
    const container = node.children.get("member") ?? node;
    const inner = schema.getValueSchema();
    if (node.value === "" && container === node) return [];
    return numbered(container).map((n, i) =>
      fromTree(inner, n, childPath(path, `member.${i + 1}`), problems),
    );
  }
  if (schema.isMapSchema()) {
    const container = node.children.get("entry") ?? node;
    const inner = schema.getValueSchema();
    const out = newRecord<unknown>();
    for (const e of numbered(container)) {
      const k = e.children.get("key")?.value;
      const v = e.children.get("value");
      if (k !== undefined && v) out[k] = fromTree(inner, v, childPath(path, k), problems);
    }
    return out;
  }
  if (node.value === undefined) {
    problems.add(path, undefined, mustBe(schema));
    return undefined;
  }
  return scalarFromText(schema, node.value, path, problems);
}

export function decodeQueryRequest(
  op: OperationSchema,
  params: URLSearchParams,
  errorCode: string,
): Record<string, unknown> {
  const problems = new InputProblems();
  const input = fromTree(op.input, buildTree(params), "", problems) as Record<string, unknown>;
  problems.throwIfAny(errorCode);
  return input;
}

function toXml(schema: NormalizedSchema, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (schema.isStructSchema()) {
    const obj = value as Record<string, unknown>;
    let out = "";
    for (const m of membersOf(schema)) {
      const v = obj[m.name];
      if (v === undefined || v === null) continue;
      out += element(m.name, toXml(m.schema, v));
    }
    return out;
  }
  if (schema.isListSchema()) {
    const inner = schema.getValueSchema();
    return (value as unknown[]).map((v) => element("member", toXml(inner, v))).join("");
  }
  if (schema.isMapSchema()) {
    const inner = schema.getValueSchema();
    return Object.entries(value as object)
      .map(([k, v]) => element("entry", element("key", escapeXml(k)) + element("value", toXml(inner, v))))
      .join("");
  }
  return scalarText(value);
}

export function encodeQueryResponse(
  op: OperationSchema,
  output: Record<string, unknown> | undefined,
  xmlns: string,
  requestId: string,
): RawResponse {
  const result =
    output && membersOf(op.output).length > 0 ? element(`${op.name}Result`, toXml(op.output, output)) : "";
  const meta = element("ResponseMetadata", element("RequestId", requestId));
  return {
    status: 200,
    headers: { "content-type": "text/xml" },
    body: element(`${op.name}Response`, result + meta, ` xmlns="${xmlns}"`),
  };
}

export function encodeQueryError(
  err: ServiceError,
  schema: ErrorSchema | undefined,
  xmlns: string,
  requestId: string,
): RawResponse {
  const status = err.status ?? schema?.status ?? 400;
  const code = schema?.queryCode ?? err.code;
  const type = status >= 500 ? "Receiver" : "Sender";
  const inner =
    element("Type", type) + element("Code", escapeXml(code)) + element("Message", escapeXml(err.message));
  return {
    status,
    headers: { "content-type": "text/xml", ...err.headers },
    body: element(
      "ErrorResponse",
      element("Error", inner) + element("RequestId", requestId),
      ` xmlns="${xmlns}"`,
    ),
  };
}

export function invalidAction(action: string): ServiceError {
  return new ServiceError("InvalidAction", `Could not find operation ${action}`, {}, 400);
}
