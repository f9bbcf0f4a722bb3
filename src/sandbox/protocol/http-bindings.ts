/**
 * The HTTP binding half shared by restJson1 and restXml: labels, query strings, headers,
 * prefix headers and the response code, in both directions. The body codec (JSON or XML)
 * is passed in by the protocol module.
 */
import type { NormalizedSchema } from "@smithy/core/schema";
import { ServiceError } from "../errors.js";
import { type MemberInfo, membersOf, timestampFormat } from "./schema.js";

export interface RawRequest {
  labels: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** Converts a string from a label, query or header into the member's type. */
export function parseScalar(
  member: NormalizedSchema,
  raw: string,
  where: string,
  errorCode: string,
): unknown {
  if (member.isNumericSchema()) {
    const n = Number(raw);
    if (raw.trim() === "" || Number.isNaN(n))
      throw new ServiceError(errorCode, `Value '${raw}' at '${where}' is not a valid number`, {}, 400);
    return n;
  }
  if (member.isBooleanSchema()) {
    if (raw === "true") return true;
    if (raw === "false") return false;
    throw new ServiceError(errorCode, `Value '${raw}' at '${where}' is not a valid boolean`, {}, 400);
  }
  if (member.isTimestampSchema()) {
    const d = /^\d+(\.\d+)?$/.test(raw) ? new Date(Number(raw) * 1000) : new Date(raw);
    if (Number.isNaN(d.getTime()))
      throw new ServiceError(errorCode, `Value '${raw}' at '${where}' is not a valid timestamp`, {}, 400);
    return d;
  }
  return raw;
}

function headerValue(h: string | string[] | undefined): string | undefined {
  return Array.isArray(h) ? h.join(", ") : h;
}

/** Fills the members bound to labels, query, headers and prefix headers. */
export function readHttpBindings(
  inputSchema: NormalizedSchema,
  req: RawRequest,
  errorCode: string,
): { input: Record<string, unknown>; bodyMembers: MemberInfo[]; payload?: MemberInfo } {
  const input: Record<string, unknown> = {};
  const bodyMembers: MemberInfo[] = [];
  let payload: MemberInfo | undefined;
  for (const m of membersOf(inputSchema)) {
    const b = m.binding;
    switch (b.kind) {
      case "label": {
        const v = req.labels[m.name];
        if (v !== undefined) input[m.name] = parseScalar(m.schema, v, m.name, errorCode);
        break;
      }
      case "query": {
        if (!req.query.has(b.name)) break;
        if (m.schema.isListSchema()) {
          const inner = m.schema.getValueSchema();
          input[m.name] = req.query.getAll(b.name).map((v) => parseScalar(inner, v, m.name, errorCode));
        } else {
          input[m.name] = parseScalar(m.schema, req.query.get(b.name) ?? "", m.name, errorCode);
        }
        break;
      }
      case "queryParams": {
        const map: Record<string, string> = {};
        for (const [k, v] of req.query) map[k] = v;
        input[m.name] = map;
        break;
      }
      case "header": {
        const v = headerValue(req.headers[b.name]);
        if (v === undefined) break;
        if (m.schema.isListSchema()) input[m.name] = v.split(",").map((s) => s.trim());
        else input[m.name] = parseScalar(m.schema, v, m.name, errorCode);
        break;
      }
      case "prefixHeaders": {
        const map: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) {
          if (k.startsWith(b.prefix) && v !== undefined) map[k.slice(b.prefix.length)] = headerValue(v) ?? "";
        }
        if (Object.keys(map).length > 0) input[m.name] = map;
        break;
      }
      case "payload":
        payload = m;
        break;
      case "body":
        bodyMembers.push(m);
        break;
      default:
        break;
    }
  }
  return { input, bodyMembers, payload };
}

function formatHeaderValue(member: NormalizedSchema, value: unknown): string {
  if (value instanceof Date) {
    const fmt = timestampFormat(member);
    if (fmt === "date-time") return value.toISOString();
    if (fmt === "epoch-seconds") return String(value.getTime() / 1000);
    return value.toUTCString();
  }
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

/** Writes output members bound to headers / status; returns those left for the body. */
export function writeHttpBindings(
  outputSchema: NormalizedSchema,
  output: Record<string, unknown>,
  res: RawResponse,
): { bodyMembers: MemberInfo[]; payload?: MemberInfo } {
  const bodyMembers: MemberInfo[] = [];
  let payload: MemberInfo | undefined;
  for (const m of membersOf(outputSchema)) {
    const v = output[m.name];
    const b = m.binding;
    if (b.kind === "payload") {
      payload = m;
      continue;
    }
    if (b.kind === "body") {
      bodyMembers.push(m);
      continue;
    }
    if (v === undefined || v === null) continue;
    if (b.kind === "header") res.headers[b.name] = formatHeaderValue(m.schema, v);
    else if (b.kind === "prefixHeaders") {
      for (const [k, val] of Object.entries(v as Record<string, string>))
        res.headers[`${b.prefix}${k}`] = val;
    } else if (b.kind === "responseCode") res.status = Number(v);
  }
  return { bodyMembers, payload };
}
