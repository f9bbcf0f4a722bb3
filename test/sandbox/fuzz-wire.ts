/**
 * Fuzz test, part 1: an operation's input (wire-level values keyed by member name, possibly of
 * the wrong type) -> a raw HTTP request, following the operation's HTTP bindings and the
 * protocol of its service: restJson1 (labels, query, headers, JSON body), restXml for S3 (XML
 * payloads with xmlName/xmlFlattened), awsQuery for IAM/STS (form parameters).
 */
import type { NormalizedSchema } from "@smithy/core/schema";
import { membersOf, type OperationSchema } from "../../src/sandbox/protocol/schema.js";
import { escapeXml } from "../../src/sandbox/protocol/xml.js";
import type { ServiceDefinition } from "../../src/sandbox/services/types.js";
import type { RawCall } from "../helpers/signed-request.js";
import { DEEP_JSON, DEEP_JSON_TEXT } from "./fuzz-inputs.js";

export type WireInput = Record<string, unknown>;

type Traits = { jsonName?: string; xmlName?: string; xmlFlattened?: number };
const traitsOf = (s: NormalizedSchema): Traits => s.getMergedTraits() as Traits;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);

/** A value as text (labels, query strings, headers, form parameters, XML text). */
export function asText(v: unknown): string {
  if (typeof v === "string") return v;
  if (Buffer.isBuffer(v)) return v.toString("base64");
  if (typeof v === "object" && v !== null) return JSON.stringify(v);
  return String(v);
}

/** Member names -> JSON names, recursively where the value has the modelled shape; anything else as is. */
function toJsonBody(schema: NormalizedSchema, v: unknown): unknown {
  if (schema.isStructSchema() && isRecord(v)) {
    const out: Record<string, unknown> = {};
    const members = new Map(membersOf(schema).map((m) => [m.name, m]));
    for (const [k, val] of Object.entries(v)) {
      const m = members.get(k);
      const key = m ? (traitsOf(m.schema).jsonName ?? k) : k;
      Object.defineProperty(out, key, {
        value: m ? toJsonBody(m.schema, val) : val,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  if (schema.isListSchema() && Array.isArray(v)) return v.map((x) => toJsonBody(schema.getValueSchema(), x));
  return v;
}

/** One XML element for member value `v` (a list member may be flattened into repeated elements). */
function xmlMember(schema: NormalizedSchema, name: string, v: unknown): string {
  const t = traitsOf(schema);
  const tag = t.xmlName ?? name;
  if (schema.isListSchema() && Array.isArray(v)) {
    const inner = schema.getValueSchema();
    const itemTag = t.xmlFlattened ? tag : (traitsOf(inner).xmlName ?? "member");
    const items = v.map((x) => xmlMember(inner, itemTag, x)).join("");
    return t.xmlFlattened ? items : `<${tag}>${items}</${tag}>`;
  }
  return `<${tag}>${xmlContent(schema, v)}</${tag}>`;
}

function xmlContent(schema: NormalizedSchema, v: unknown): string {
  if (isRecord(v)) {
    const members = new Map(membersOf(schema).map((m) => [m.name, m]));
    return Object.entries(v)
      .map(([k, val]) => {
        const m = members.get(k);
        return m ? xmlMember(m.schema, k, val) : `<${k}>${xmlContent(schema, asText(val))}</${k}>`;
      })
      .join("");
  }
  return escapeXml(asText(v));
}

/** awsQuery parameters of one member: `A.B`, `A.member.1`, `A.entry.1.key`. */
function formParams(
  schema: NormalizedSchema,
  prefix: string,
  v: unknown,
  out: Array<[string, string]>,
): void {
  if (schema.isStructSchema() && isRecord(v)) {
    const members = new Map(membersOf(schema).map((m) => [m.name, m]));
    for (const [k, val] of Object.entries(v)) {
      const m = members.get(k);
      if (m) formParams(m.schema, `${prefix}.${k}`, val, out);
      else out.push([`${prefix}.${k}`, asText(val)]);
    }
  } else if (schema.isListSchema() && Array.isArray(v)) {
    if (v.length === 0) out.push([prefix, ""]);
    v.forEach((x, i) => formParams(schema.getValueSchema(), `${prefix}.member.${i + 1}`, x, out));
  } else if (schema.isMapSchema() && isRecord(v)) {
    Object.entries(v).forEach(([k, val], i) => {
      out.push([`${prefix}.entry.${i + 1}.key`, k]);
      formParams(schema.getValueSchema(), `${prefix}.entry.${i + 1}.value`, val, out);
    });
  } else out.push([prefix, asText(v)]);
}

/** JSON text of a body, with the deep-document placeholder spliced in. */
const jsonText = (v: unknown): string =>
  JSON.stringify(v).replaceAll(JSON.stringify(DEEP_JSON), DEEP_JSON_TEXT);

const rfc3986 = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function queryCall(def: ServiceDefinition, op: OperationSchema, input: WireInput): RawCall {
  const params: Array<[string, string]> = [
    ["Action", op.name],
    ["Version", def.queryVersion ?? ""],
  ];
  const members = new Map(membersOf(op.input).map((m) => [m.name, m]));
  for (const [k, v] of Object.entries(input)) {
    const m = members.get(k);
    if (m) formParams(m.schema, k, v, params);
    else params.push([k, asText(v)]);
  }
  return {
    service: def.signingNames[0],
    method: "POST",
    path: "/",
    headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    body: params.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join("&"),
  };
}

function restCall(def: ServiceDefinition, op: OperationSchema, input: WireInput): RawCall {
  const labels: Record<string, string> = {};
  const query: Record<string, string | string[]> = { ...op.queryLiterals };
  const headers: Record<string, string> = {};
  const json: Record<string, unknown> = {};
  let body: string | Buffer | undefined;
  let contentType: string | undefined;
  for (const m of membersOf(op.input)) {
    const v = input[m.name];
    if (v === undefined) continue;
    const b = m.binding;
    if (b.kind === "label") labels[m.name] = asText(v);
    else if (b.kind === "query") query[b.name] = Array.isArray(v) ? v.map(asText) : asText(v);
    else if (b.kind === "queryParams" && isRecord(v))
      for (const [k, val] of Object.entries(v)) query[k] = asText(val);
    else if (b.kind === "header") headers[b.name] = Array.isArray(v) ? v.map(asText).join(",") : asText(v);
    else if (b.kind === "prefixHeaders" && isRecord(v))
      for (const [k, val] of Object.entries(v)) headers[`${b.prefix}${k}`] = asText(val);
    else if (b.kind === "payload") {
      if (m.schema.isBlobSchema() || m.schema.isStringSchema()) body = Buffer.isBuffer(v) ? v : asText(v);
      else if (def.protocol === "restXml") {
        const root = traitsOf(m.schema).xmlName ?? m.schema.getName() ?? m.name;
        body = `<?xml version="1.0" encoding="UTF-8"?><${root}>${xmlContent(m.schema, v)}</${root}>`;
        contentType = "application/xml";
      } else {
        body = jsonText(toJsonBody(m.schema, v));
        contentType = "application/json";
      }
    } else if (b.kind === "body") {
      Object.defineProperty(json, traitsOf(m.schema).jsonName ?? m.name, {
        value: toJsonBody(m.schema, v),
        enumerable: true,
      });
    }
  }
  if (Object.keys(json).length > 0) {
    body = jsonText(json);
    contentType = "application/json";
  }
  // S3's templates leave the bucket to the endpoint: path style puts it first (S3P-1).
  const template =
    def.protocol === "restXml" && input.Bucket !== undefined
      ? `/{Bucket}${op.pathTemplate === "/" ? "" : op.pathTemplate}`
      : (op.pathTemplate ?? "/");
  const path = template.replace(/\{([^}+]+)(\+?)\}/g, (_, name: string, greedy: string) => {
    const value = labels[name] ?? "";
    return greedy ? value.split("/").map(rfc3986).join("/") : rfc3986(value);
  });
  if (contentType) headers["content-type"] = contentType;
  return { service: def.signingNames[0], method: op.method ?? "POST", path, query, headers, body };
}

/** The request an SDK client would send for `input` (plus whatever wrong values it holds). */
export function buildCall(def: ServiceDefinition, op: OperationSchema, input: WireInput): RawCall {
  return def.protocol === "awsQuery" ? queryCall(def, op, input) : restCall(def, op, input);
}
