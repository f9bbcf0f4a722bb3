/**
 * The HTTP binding half shared by restJson1 and restXml: labels, query strings, headers,
 * prefix headers and the response code, in both directions. The body codec (JSON or XML)
 * is passed in by the protocol module.
 */
import type { NormalizedSchema } from "@smithy/core/schema";
import { newRecord } from "../records.js";
import { childPath, type InputProblems } from "./input-problems.js";
import { scalarFromText } from "./member-kinds.js";
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

function headerValue(h: string | string[] | undefined): string | undefined {
  return Array.isArray(h) ? h.join(", ") : h;
}

/** Fills the members bound to labels, query, headers and prefix headers; type problems go to `problems`. */
export function readHttpBindings(
  inputSchema: NormalizedSchema,
  req: RawRequest,
  problems: InputProblems,
): { input: Record<string, unknown>; bodyMembers: MemberInfo[]; payload?: MemberInfo } {
  const input: Record<string, unknown> = {};
  const bodyMembers: MemberInfo[] = [];
  let payload: MemberInfo | undefined;
  const set = (m: MemberInfo, value: unknown) => {
    if (value !== undefined) input[m.name] = value;
  };
  for (const m of membersOf(inputSchema)) {
    const b = m.binding;
    switch (b.kind) {
      case "label": {
        const v = req.labels[m.name];
        if (v !== undefined) set(m, scalarFromText(m.schema, v, m.name, problems));
        break;
      }
      case "query": {
        if (!req.query.has(b.name)) break;
        if (m.schema.isListSchema()) set(m, textList(m, req.query.getAll(b.name), problems));
        else set(m, scalarFromText(m.schema, req.query.get(b.name) ?? "", m.name, problems));
        break;
      }
      case "queryParams": {
        const map = newRecord<string>();
        for (const [k, v] of req.query) map[k] = v;
        input[m.name] = map;
        break;
      }
      case "header": {
        const v = headerValue(req.headers[b.name]);
        if (v === undefined) break;
        if (m.schema.isListSchema())
          set(
            m,
            textList(
              m,
              v.split(",").map((s) => s.trim()),
              problems,
            ),
          );
        else set(m, scalarFromText(m.schema, v, m.name, problems));
        break;
      }
      case "prefixHeaders": {
        const map = newRecord<string>();
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

/** A list member from repeated query keys or a comma-separated header. */
function textList(m: MemberInfo, values: string[], problems: InputProblems): unknown[] {
  const inner = m.schema.getValueSchema();
  return values.map((v, i) => scalarFromText(inner, v, childPath(m.name, i + 1), problems));
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
