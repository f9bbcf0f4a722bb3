/**
 * restJson1 (iot, iot-data, iot-jobs-data): request decoding and response/error encoding
 * driven by the SDK schemas (JSON-1 .. JSON-5).
 */
import type { NormalizedSchema } from "@smithy/core/schema";
import type { ServiceError } from "../errors.js";
import { newRecord } from "../records.js";
import { type RawRequest, type RawResponse, readHttpBindings, writeHttpBindings } from "./http-bindings.js";
import { InputProblems } from "./input-problems.js";
import { decodeJsonMembers, decodeJsonValue, parseJsonBody } from "./json-decode.js";
import type { ErrorSchema, OperationSchema } from "./schema.js";
import { membersOf } from "./schema.js";

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
    const out = newRecord<unknown>();
    for (const [k, v] of Object.entries(value as object)) out[k] = toJson(inner, v);
    return out;
  }
  return value;
}

/** The restJson1 code for a request that cannot be read at all (AWS's JSON services answer malformed requests with it). */
export const SERIALIZATION_EXCEPTION = "SerializationException";

/**
 * Decodes a restJson1 request into the SDK's input shape. A body that is not a JSON object is
 * a 400 SerializationException; every member of the wrong type is collected with its path and
 * thrown as `errorCode` (VAL-1).
 */
export function decodeRestJsonRequest(
  op: OperationSchema,
  req: RawRequest,
  errorCode: string,
): Record<string, unknown> {
  const problems = new InputProblems();
  const malformed = new InputProblems();
  const { input, bodyMembers, payload } = readHttpBindings(op.input, req, problems);
  if (payload) {
    if (payload.schema.isBlobSchema()) input[payload.name] = req.body;
    else if (payload.schema.isStringSchema()) input[payload.name] = req.body.toString("utf8");
    else if (req.body.length > 0) {
      const json = parseJsonBody(req.body, malformed);
      const value =
        json === undefined ? undefined : decodeJsonValue(payload.schema, json, payload.name, problems);
      if (value !== undefined) input[payload.name] = value;
    }
  } else if (bodyMembers.length > 0 && req.body.length > 0) {
    const body = parseJsonBody(req.body, malformed);
    if (body !== undefined && (typeof body !== "object" || body === null || Array.isArray(body)))
      malformed.addGeneral("The request body must be a JSON object");
    else if (body !== undefined)
      decodeJsonMembers(bodyMembers, body as Record<string, unknown>, "", problems, 0, input);
  }
  malformed.throwIfAny(SERIALIZATION_EXCEPTION);
  problems.throwIfAny(errorCode);
  return input;
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
