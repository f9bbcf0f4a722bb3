/**
 * restXml (S3): HTTP bindings plus XML payloads in the S3 namespace, with `xmlName` and
 * `xmlFlattened` from the SDK schemas (S3P-3), and S3's unwrapped error documents (S3P-5).
 */
import type { NormalizedSchema } from "@smithy/core/schema";
import { ServiceError } from "../errors.js";
import { type RawRequest, type RawResponse, readHttpBindings, writeHttpBindings } from "./http-bindings.js";
import type { OperationSchema } from "./schema.js";
import { membersOf } from "./schema.js";
import { element, escapeXml, parseXml, scalarText } from "./xml.js";

export const S3_XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

type Traits = { xmlName?: string; xmlFlattened?: number };
const traitsOf = (s: NormalizedSchema): Traits => s.getMergedTraits() as Traits;

function textOf(node: unknown): string {
  if (typeof node === "string") return node;
  if (node && typeof node === "object" && "#text" in node)
    return String((node as { "#text": unknown })["#text"]);
  return "";
}

function fromXml(schema: NormalizedSchema, node: unknown, errorCode: string): unknown {
  if (schema.isStructSchema()) {
    const obj = (node && typeof node === "object" ? node : {}) as Record<string, unknown[]>;
    const out: Record<string, unknown> = {};
    for (const m of membersOf(schema)) {
      const t = traitsOf(m.schema);
      if (m.schema.isListSchema()) {
        const inner = m.schema.getValueSchema();
        if (t.xmlFlattened) {
          const items = obj[t.xmlName ?? m.name];
          if (items) out[m.name] = items.map((n) => fromXml(inner, n, errorCode));
        } else {
          const wrapper = obj[t.xmlName ?? m.name]?.[0] as Record<string, unknown[]> | undefined;
          if (wrapper) {
            const itemName = traitsOf(inner).xmlName ?? "member";
            out[m.name] = (wrapper[itemName] ?? []).map((n) => fromXml(inner, n, errorCode));
          }
        }
        continue;
      }
      const child = obj[t.xmlName ?? m.name]?.[0];
      if (child !== undefined) out[m.name] = fromXml(m.schema, child, errorCode);
    }
    return out;
  }
  const text = textOf(node);
  if (schema.isBooleanSchema()) return text.trim() === "true";
  if (schema.isNumericSchema()) return Number(text);
  if (schema.isTimestampSchema()) return new Date(text);
  return text;
}

export function decodeRestXmlRequest(
  op: OperationSchema,
  req: RawRequest,
  errorCode: string,
): Record<string, unknown> {
  const { input, payload } = readHttpBindings(op.input, req, errorCode);
  if (!payload) return input;
  if (payload.schema.isBlobSchema() || payload.schema.isStreaming()) {
    input[payload.name] = req.body;
  } else if (payload.schema.isStringSchema()) {
    input[payload.name] = req.body.toString("utf8");
  } else if (payload.schema.isStructSchema() && req.body.length > 0) {
    let doc: Record<string, unknown[]>;
    try {
      doc = parseXml(req.body.toString("utf8"));
    } catch {
      throw new ServiceError(
        "MalformedXML",
        "The XML you provided was not well-formed or did not validate against our published schema",
        {},
        400,
      );
    }
    const rootName = traitsOf(payload.schema).xmlName ?? payload.schema.getName() ?? payload.name;
    const root = doc[rootName]?.[0];
    if (root === undefined)
      throw new ServiceError(
        "MalformedXML",
        "The XML you provided was not well-formed or did not validate against our published schema",
        {},
        400,
      );
    input[payload.name] = fromXml(payload.schema, root, errorCode);
  }
  return input;
}

function memberXml(schema: NormalizedSchema, name: string, value: unknown): string {
  if (value === undefined || value === null) return "";
  const t = traitsOf(schema);
  const tag = t.xmlName ?? name;
  if (schema.isListSchema()) {
    const inner = schema.getValueSchema();
    const itemTag = t.xmlFlattened ? tag : (traitsOf(inner).xmlName ?? "member");
    const items = (value as unknown[]).map((v) => element(itemTag, valueXml(inner, v))).join("");
    return t.xmlFlattened ? items : element(tag, items);
  }
  return element(tag, valueXml(schema, value));
}

function valueXml(schema: NormalizedSchema, value: unknown): string {
  if (schema.isStructSchema()) {
    const obj = value as Record<string, unknown>;
    return membersOf(schema)
      .filter((m) => m.binding.kind === "body" || m.binding.kind === "payload")
      .map((m) => memberXml(m.schema, m.name, obj[m.name]))
      .join("");
  }
  return scalarText(value);
}

export function encodeRestXmlResponse(
  op: OperationSchema,
  output: Record<string, unknown> | undefined,
  method: string,
): RawResponse {
  const res: RawResponse = { status: op.successCode, headers: {}, body: "" };
  const out = output ?? {};
  const { bodyMembers, payload } = writeHttpBindings(op.output, out, res);
  if (payload) {
    const v = out[payload.name];
    if (v instanceof Uint8Array) res.body = Buffer.from(v);
    else if (typeof v === "string") res.body = v;
    else if (v !== undefined && payload.schema.isStructSchema()) {
      const tag = traitsOf(payload.schema).xmlName ?? payload.name;
      res.headers["content-type"] = "application/xml";
      res.body = `<?xml version="1.0" encoding="UTF-8"?>\n${element(tag, valueXml(payload.schema, v), ` xmlns="${S3_XMLNS}"`)}`;
    }
  } else if (bodyMembers.length > 0 && method !== "HEAD") {
    const rootTag = traitsOf(op.output).xmlName ?? `${op.name}Result`;
    let inner: string;
    if (bodyMembers.length === 1 && bodyMembers[0].name === rootTag) {
      // Unwrapped single-value documents such as GetBucketLocation (S3P-3).
      const v = out[rootTag];
      inner = v === undefined || v === null ? "" : scalarText(v);
    } else {
      inner = bodyMembers.map((m) => memberXml(m.schema, m.name, out[m.name])).join("");
    }
    res.headers["content-type"] = "application/xml";
    res.body = `<?xml version="1.0" encoding="UTF-8"?>\n${element(rootTag, inner, ` xmlns="${S3_XMLNS}"`)}`;
  }
  return res;
}

export function encodeRestXmlError(
  err: ServiceError,
  status: number,
  method: string,
  requestId: string,
  hostId: string,
): RawResponse {
  const res: RawResponse = { status, headers: { ...err.headers }, body: "" };
  if (method === "HEAD") return res;
  let fields = "";
  for (const [k, v] of Object.entries(err.fields)) {
    if (v !== undefined && v !== null) fields += element(k, escapeXml(String(v)));
  }
  res.headers["content-type"] = "application/xml";
  res.body =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    element(
      "Error",
      element("Code", escapeXml(err.code)) +
        element("Message", escapeXml(err.message)) +
        fields +
        element("RequestId", requestId) +
        element("HostId", hostId),
    );
  return res;
}
