/**
 * restJson1 (iot, iot-data, iot-jobs-data): request decoding and response/error encoding
 * driven by the SDK schemas (JSON-1 .. JSON-5).
 */
import type { NormalizedSchema } from "@smithy/core/schema";
import { ServiceError } from "../errors.js";
import { type RawRequest, type RawResponse, readHttpBindings, writeHttpBindings } from "./http-bindings.js";
import type { ErrorSchema, OperationSchema } from "./schema.js";
import { membersOf } from "./schema.js";

/** JSON value -> typed value per schema (timestamps from epoch seconds, blobs from base64). */
export function fromJson(schema: NormalizedSchema, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (schema.isStructSchema() && typeof value === "object" && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const m of membersOf(schema)) {
      const key = m.binding.kind === "body" ? m.binding.name : m.name;
      if (obj[key] !== undefined) out[m.name] = fromJson(m.schema, obj[key]);
    }
    return out;
  }
  if (schema.isListSchema() && Array.isArray(value)) {
    const inner = schema.getValueSchema();
    return value.map((v) => fromJson(inner, v));
  }
  if (schema.isMapSchema() && typeof value === "object" && !Array.isArray(value)) {
    const inner = schema.getValueSchema();
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as object)) out[k] = fromJson(inner, v);
    return out;
  }
  if (schema.isTimestampSchema()) {
    if (typeof value === "number") return new Date(value * 1000);
    if (typeof value === "string") return new Date(value);
  }
  if (schema.isBlobSchema() && typeof value === "string") return Buffer.from(value, "base64");
  return value;
}

/** Typed value -> JSON value (Date -> epoch seconds, bytes -> base64, undefined dropped). */
export function toJson(schema: NormalizedSchema, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (schema.isStructSchema() && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const m of membersOf(schema)) {
      const v = toJson(m.schema, obj[m.name]);
      if (v !== undefined) out[m.binding.kind === "body" ? m.binding.name : m.name] = v;
    }
    return out;
  }
  if (schema.isListSchema() && Array.isArray(value)) {
    const inner = schema.getValueSchema();
    return value.map((v) => toJson(inner, v));
  }
  if (schema.isMapSchema() && typeof value === "object") {
    const inner = schema.getValueSchema();
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as object)) out[k] = toJson(inner, v);
    return out;
  }
  return value;
}

export function decodeRestJsonRequest(
  op: OperationSchema,
  req: RawRequest,
  errorCode: string,
): Record<string, unknown> {
  const { input, bodyMembers, payload } = readHttpBindings(op.input, req, errorCode);
  if (payload) {
    if (payload.schema.isBlobSchema()) input[payload.name] = req.body;
    else if (payload.schema.isStringSchema()) input[payload.name] = req.body.toString("utf8");
    else if (req.body.length > 0)
      input[payload.name] = fromJson(payload.schema, parseJsonBody(req.body, errorCode));
    return input;
  }
  if (bodyMembers.length === 0 || req.body.length === 0) return input;
  const body = parseJsonBody(req.body, errorCode);
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new ServiceError(errorCode, "The request body must be a JSON object", {}, 400);
  const obj = body as Record<string, unknown>;
  for (const m of bodyMembers) {
    const key = m.binding.kind === "body" ? m.binding.name : m.name;
    if (obj[key] !== undefined && obj[key] !== null) input[m.name] = fromJson(m.schema, obj[key]);
  }
  return input;
}

function parseJsonBody(body: Buffer, errorCode: string): unknown {
  const text = body.toString("utf8").trim();
  if (text === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ServiceError(errorCode, "Could not parse the request body as JSON", {}, 400);
  }
}

export function encodeRestJsonResponse(
  op: OperationSchema,
  output: Record<string, unknown> | undefined,
): RawResponse {
  const res: RawResponse = {
    status: op.successCode,
    headers: { "content-type": "application/json" },
    body: "",
  };
  const out = output ?? {};
  const { bodyMembers, payload } = writeHttpBindings(op.output, out, res);
  if (payload) {
    const v = out[payload.name];
    if (v instanceof Uint8Array) res.body = Buffer.from(v);
    else if (typeof v === "string") res.body = v;
    else if (v !== undefined) res.body = JSON.stringify(toJson(payload.schema, v));
    return res;
  }
  const body: Record<string, unknown> = {};
  for (const m of bodyMembers) {
    const v = toJson(m.schema, out[m.name]);
    if (v !== undefined) body[m.binding.kind === "body" ? m.binding.name : m.name] = v;
  }
  res.body = JSON.stringify(body);
  return res;
}

export function encodeRestJsonError(err: ServiceError, schema: ErrorSchema | undefined): RawResponse {
  const status = err.status ?? schema?.status ?? 400;
  const body: Record<string, unknown> = { message: err.message, ...err.fields };
  body.__type = err.code;
  return {
    status,
    headers: { "content-type": "application/json", "x-amzn-errortype": err.code, ...err.headers },
    body: JSON.stringify(body),
  };
}
