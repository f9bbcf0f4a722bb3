/**
 * restXml (S3): HTTP bindings plus XML payloads in the S3 namespace, with `xmlName` and
 * `xmlFlattened` from the SDK schemas (S3P-3), and S3's unwrapped error documents (S3P-5).
 */
import type { NormalizedSchema } from "@smithy/core/schema";
import { XMLValidator } from "fast-xml-parser";
import { ServiceError } from "../errors.js";
import { strictUtf8 } from "../utf8.js";
import { type RawRequest, type RawResponse, readHttpBindings, writeHttpBindings } from "./http-bindings.js";
import { childPath, InputProblems } from "./input-problems.js";
import { mustBe, scalarFromText } from "./member-kinds.js";
import type { OperationSchema } from "./schema.js";
import { membersOf } from "./schema.js";
import { element, escapeXml, parseXml, scalarText } from "./xml.js";

export const S3_XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

type Traits = { xmlName?: string; xmlFlattened?: number };
const traitsOf = (s: NormalizedSchema): Traits => s.getMergedTraits() as Traits;

const MALFORMED_XML =
  "The XML you provided was not well-formed or did not validate against our published schema";
const malformedXml = () => new ServiceError("MalformedXML", MALFORMED_XML, {}, 400);

type XmlNode = string | Record<string, unknown[]>;
const isElementNode = (node: unknown): node is Record<string, unknown[]> =>
  typeof node === "object" && node !== null;

/** Text of a scalar element; undefined when it holds child elements (it does not fit a scalar). */
function textOf(node: unknown): string | undefined {
  if (typeof node === "string") return node;
  if (isElementNode(node)) {
    const keys = Object.keys(node);
    if (keys.length === 1 && keys[0] === "#text") return String(node["#text"]);
  }
  return undefined;
}

/** Elements of a structure: an element with text only (other than blanks) does not fit one. */
function childrenOf(node: unknown): Record<string, unknown[]> | undefined {
  if (isElementNode(node)) return node;
  return typeof node === "string" && node.trim() === "" ? {} : undefined;
}

/** XML element -> typed value, type problems collected with their paths (S3: MalformedXML). */
function fromXml(schema: NormalizedSchema, node: unknown, path: string, problems: InputProblems): unknown {
  if (schema.isStructSchema()) {
    const obj = childrenOf(node);
    if (!obj) {
      problems.add(path, textOf(node), mustBe(schema));
      return undefined;
    }
    const out: Record<string, unknown> = {};
    for (const m of membersOf(schema)) {
      const t = traitsOf(m.schema);
      const elements = obj[t.xmlName ?? m.name];
      const at = childPath(path, m.name);
      let value: unknown;
      if (m.schema.isListSchema())
        value = listFromXml(m.schema, t.xmlFlattened ? elements : elements?.[0], t, at, problems);
      else if (elements?.[0] !== undefined) value = fromXml(m.schema, elements[0], at, problems);
      if (value !== undefined) out[m.name] = value;
    }
    return out;
  }
  const text = textOf(node);
  if (text === undefined) {
    problems.add(path, undefined, mustBe(schema));
    return undefined;
  }
  const scalar = schema.isStringSchema() ? text : text.trim();
  return scalarFromText(schema, scalar, path, problems);
}

/**
 * A list member: flattened, `found` holds the repeated elements themselves; wrapped, it is the
 * wrapper element whose children are the items (`member` or the item's xmlName).
 */
function listFromXml(
  schema: NormalizedSchema,
  found: unknown,
  traits: Traits,
  path: string,
  problems: InputProblems,
): unknown[] | undefined {
  if (found === undefined) return undefined;
  const inner = schema.getValueSchema();
  let items = found as unknown[];
  if (!traits.xmlFlattened) {
    const wrapper = childrenOf(found);
    if (!wrapper) {
      problems.add(path, textOf(found), mustBe(schema));
      return undefined;
    }
    items = wrapper[traitsOf(inner).xmlName ?? "member"] ?? [];
  }
  return items.map((n, i) => fromXml(inner, n, childPath(path, i + 1), problems));
}

/** Parses an XML payload: not well-formed, not UTF-8 or another root element is MalformedXML. */
function parsePayloadXml(body: Buffer, rootName: string): XmlNode {
  const text = strictUtf8(body);
  if (text === undefined) throw malformedXml();
  let doc: Record<string, unknown[]>;
  try {
    // The parser reads `<a><b>x` as `<a><b/></a>`: well-formedness is checked first.
    if (XMLValidator.validate(text) !== true) throw malformedXml();
    doc = parseXml(text);
  } catch {
    throw malformedXml();
  }
  const root = doc[rootName]?.[0];
  if (root === undefined) throw malformedXml();
  return root as XmlNode;
}

export function decodeRestXmlRequest(
  op: OperationSchema,
  req: RawRequest,
  errorCode: string,
): Record<string, unknown> {
  const problems = new InputProblems();
  const { input, payload } = readHttpBindings(op.input, req, problems);
  problems.throwIfAny(errorCode);
  if (!payload) return input;
  if (payload.schema.isBlobSchema() || payload.schema.isStreaming()) {
    input[payload.name] = req.body;
  } else if (payload.schema.isStringSchema()) {
    input[payload.name] = req.body.toString("utf8");
  } else if (payload.schema.isStructSchema() && req.body.length > 0) {
    const rootName = traitsOf(payload.schema).xmlName ?? payload.schema.getName() ?? payload.name;
    const root = parsePayloadXml(req.body, rootName);
    const bodyProblems = new InputProblems();
    const value = fromXml(payload.schema, root, payload.name, bodyProblems);
    // S3 answers a document that does not fit its schema with MalformedXML, whatever the member.
    if (!bodyProblems.empty) throw malformedXml();
    input[payload.name] = value;
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
