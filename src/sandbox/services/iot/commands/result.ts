/**
 * The device's response document (CMD-11), read and checked: a status it may report, an optional
 * statusReason and result as the model constrains them; other keys are ignored. Problems are
 * returned as text for the `response/rejected` answer, never thrown.
 */
import type { CommandExecutionStatus, StatusReason } from "@aws-sdk/client-iot";
import { REPORTABLE, type Report } from "./executions.js";
import type { StoredResult } from "./model.js";

const REASON_CODE = /^[A-Z0-9_-]{1,64}$/;
const RESULT_NAME = /^[a-zA-Z0-9_-]{1,32}$/;
const MAX_REASON_DESCRIPTION = 1024;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function readReport(body: unknown): Report | string {
  if (!isObject(body)) return "The response must be a JSON object.";
  const status = body.status;
  if (typeof status !== "string" || !REPORTABLE.has(status))
    return "status must be one of IN_PROGRESS, SUCCEEDED, FAILED, REJECTED or TIMED_OUT.";
  const report: Report = { status: status as CommandExecutionStatus };
  if (body.statusReason !== undefined) {
    const reason = readReason(body.statusReason);
    if (typeof reason === "string") return reason;
    report.statusReason = reason;
  }
  if (body.result !== undefined) {
    const result = readResult(body.result);
    if (typeof result === "string") return result;
    report.result = result;
  }
  return report;
}

function readReason(v: unknown): StatusReason | string {
  if (!isObject(v) || typeof v.reasonCode !== "string" || !REASON_CODE.test(v.reasonCode))
    return "statusReason.reasonCode must be 1 to 64 of A-Z, 0-9, '_' and '-'.";
  const d = v.reasonDescription;
  if (d !== undefined && (typeof d !== "string" || d.length > MAX_REASON_DESCRIPTION || /\p{C}/u.test(d)))
    return `statusReason.reasonDescription must be text of at most ${MAX_REASON_DESCRIPTION} characters.`;
  return d === undefined ? { reasonCode: v.reasonCode } : { reasonCode: v.reasonCode, reasonDescription: d };
}

/** `{"<name>": {"s": "..."} | {"b": true} | {"bin": "<base64>"}}` (upper-case keys accepted too). */
function readResult(v: unknown): Record<string, StoredResult> | string {
  if (!isObject(v) || Object.keys(v).length === 0) return "result must be a non-empty JSON object.";
  const out: Record<string, StoredResult> = {};
  for (const [name, value] of Object.entries(v)) {
    if (!RESULT_NAME.test(name))
      return `result name '${name}' must be 1 to 32 of a-z, A-Z, 0-9, '_' and '-'.`;
    const one = isObject(value) ? readResultValue(value) : undefined;
    if (one === undefined)
      return `result '${name}' must be one of {"s": text}, {"b": boolean} or {"bin": base64}.`;
    out[name] = one;
  }
  return out;
}

function readResultValue(value: Record<string, unknown>): StoredResult | undefined {
  const entries = Object.entries(value);
  if (entries.length !== 1) return undefined;
  const [key, v] = entries[0];
  switch (key.toLowerCase()) {
    case "s":
      return typeof v === "string" && v.length > 0 ? { S: v } : undefined;
    case "b":
      return typeof v === "boolean" ? { B: v } : undefined;
    case "bin":
      return typeof v === "string" && v.length > 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(v)
        ? { BIN: v }
        : undefined;
    default:
      return undefined;
  }
}
