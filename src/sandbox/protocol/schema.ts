/**
 * Reads the operation schemas that the AWS SDK v3 client packages export (`CreateThing$`,
 * `CreateThingRequest$`, ...) into the catalog the gateway routes with. The SDK is the
 * source of method, URI, bindings and error statuses; nothing here is hand-written per
 * operation, so every modelled operation is known, implemented or not (JSON-7).
 */
import { NormalizedSchema } from "@smithy/core/schema";

type StaticOperation = [
  9,
  string,
  string,
  { http?: [string, string, number] } | 0,
  () => unknown,
  () => unknown,
];
type StaticError = [
  -3,
  string,
  string,
  { error?: string; httpError?: number; awsQueryError?: [string, number] },
];

export interface OperationSchema {
  name: string;
  method?: string;
  /** URI path template without the query part, e.g. `/things/{thingName}` or `/{Key+}`. */
  pathTemplate?: string;
  /** Literal query keys of the URI template, e.g. `versions` for `/?versions` (`x-id` dropped). */
  queryLiterals: Record<string, string>;
  successCode: number;
  input: NormalizedSchema;
  output: NormalizedSchema;
}

export interface ErrorSchema {
  name: string;
  status: number;
  fault: "client" | "server";
  /** awsQuery code (e.g. `NoSuchEntity` for `NoSuchEntityException`). */
  queryCode?: string;
  members: string[];
}

export interface ServiceSchemas {
  operations: Map<string, OperationSchema>;
  errors: Map<string, ErrorSchema>;
  /** awsQuery code or modelled name -> error. */
  errorsByCode: Map<string, ErrorSchema>;
}

const isStaticOperation = (v: unknown): v is StaticOperation =>
  Array.isArray(v) && v[0] === 9 && v.length >= 6;
const isStaticError = (v: unknown): v is StaticError => Array.isArray(v) && v[0] === -3;

/** Builds the catalog of one service from its SDK client module namespace. */
export function readServiceSchemas(sdkModule: Record<string, unknown>): ServiceSchemas {
  const operations = new Map<string, OperationSchema>();
  const errors = new Map<string, ErrorSchema>();
  const errorsByCode = new Map<string, ErrorSchema>();
  for (const [exportName, value] of Object.entries(sdkModule)) {
    if (!exportName.endsWith("$")) continue;
    if (isStaticOperation(value)) {
      const op = value;
      const traits = op[3] === 0 ? {} : op[3];
      const [method, uri, code] = traits.http ?? [undefined, undefined, 200];
      const [path, query] = uri ? splitUri(uri) : [undefined, {}];
      operations.set(op[2], {
        name: op[2],
        method,
        pathTemplate: path,
        queryLiterals: query,
        successCode: code,
        input: NormalizedSchema.of(op[4]() as never),
        output: NormalizedSchema.of(op[5]() as never),
      });
    } else if (isStaticError(value)) {
      const traits = value[3] ?? {};
      const raw = value as unknown as unknown[];
      const members = Array.isArray(raw[4]) ? (raw[4] as string[]) : [];
      const err: ErrorSchema = {
        name: value[2],
        status: traits.httpError ?? traits.awsQueryError?.[1] ?? (traits.error === "server" ? 500 : 400),
        fault: traits.error === "server" ? "server" : "client",
        queryCode: traits.awsQueryError?.[0],
        members,
      };
      errors.set(err.name, err);
      errorsByCode.set(err.name, err);
      if (err.queryCode) errorsByCode.set(err.queryCode, err);
    }
  }
  return { operations, errors, errorsByCode };
}

function splitUri(uri: string): [string, Record<string, string>] {
  const q = uri.indexOf("?");
  if (q < 0) return [uri, {}];
  const literals: Record<string, string> = {};
  for (const part of uri.slice(q + 1).split("&")) {
    if (!part) continue;
    const [k, v = ""] = part.split("=");
    if (k === "x-id") continue; // added by the SDK only; other clients do not send it
    literals[k] = v;
  }
  return [uri.slice(0, q), literals];
}

/** Number of leading members of a structure that are required (the SDK sorts them first). */
export function requiredMemberCount(schema: NormalizedSchema): number {
  const raw = schema.getSchema() as unknown;
  if (Array.isArray(raw) && raw[0] === 3 && typeof raw[6] === "number") return raw[6];
  return 0;
}

/**
 * Required members of structures whose SDK schema predates the required-member count (raw[6]):
 * @aws-sdk/client-iot-jobs-data-plane 3.956 carries none, so its operations' required members
 * are listed here from the model (aws-operations.json). Remove once that client is upgraded.
 */
const LEGACY_REQUIRED: Record<string, readonly string[]> = {
  "com.amazonaws.iotjobsdataplane#GetPendingJobExecutionsRequest": ["thingName"],
  "com.amazonaws.iotjobsdataplane#StartNextPendingJobExecutionRequest": ["thingName"],
  "com.amazonaws.iotjobsdataplane#DescribeJobExecutionRequest": ["jobId", "thingName"],
  "com.amazonaws.iotjobsdataplane#UpdateJobExecutionRequest": ["jobId", "thingName", "status"],
  "com.amazonaws.iotjobsdataplane#StartCommandExecutionRequest": ["targetArn", "commandArn"],
};

function legacyRequired(schema: NormalizedSchema): readonly string[] | undefined {
  const raw = schema.getSchema() as unknown;
  if (!Array.isArray(raw) || raw[0] !== 3 || raw.length > 6) return undefined;
  return LEGACY_REQUIRED[`${String(raw[1])}#${String(raw[2])}`];
}

const requiredCache = new WeakMap<object, ReadonlySet<string>>();

/** Names of the required members of a structure, cached per schema. */
export function requiredMembers(schema: NormalizedSchema): ReadonlySet<string> {
  const key = schema.getSchema() as unknown;
  const cacheable = typeof key === "object" && key !== null;
  const cached = cacheable ? requiredCache.get(key) : undefined;
  if (cached) return cached;
  const out = new Set<string>();
  const legacy = schema.isStructSchema() ? legacyRequired(schema) : undefined;
  if (legacy) for (const name of legacy) out.add(name);
  else if (schema.isStructSchema()) {
    const n = requiredMemberCount(schema);
    let i = 0;
    for (const [name] of schema.structIterator()) {
      if (i++ >= n) break;
      out.add(name);
    }
  }
  if (cacheable) requiredCache.set(key, out);
  return out;
}

export type Binding =
  | { kind: "label"; name: string; greedy: boolean }
  | { kind: "query"; name: string }
  | { kind: "queryParams" }
  | { kind: "header"; name: string }
  | { kind: "prefixHeaders"; prefix: string }
  | { kind: "payload" }
  | { kind: "responseCode" }
  | { kind: "body"; name: string };

/** Where a member travels on the wire (restJson1 / restXml HTTP bindings). */
export function bindingOf(memberName: string, member: NormalizedSchema): Binding {
  const t = member.getMergedTraits() as Record<string, unknown>;
  if (t.httpLabel) return { kind: "label", name: memberName, greedy: false };
  if (typeof t.httpQuery === "string") return { kind: "query", name: t.httpQuery };
  if (t.httpQueryParams) return { kind: "queryParams" };
  if (typeof t.httpHeader === "string") return { kind: "header", name: t.httpHeader.toLowerCase() };
  if (typeof t.httpPrefixHeaders === "string")
    return { kind: "prefixHeaders", prefix: t.httpPrefixHeaders.toLowerCase() };
  if (t.httpPayload) return { kind: "payload" };
  if (t.httpResponseCode) return { kind: "responseCode" };
  const xmlName = typeof t.xmlName === "string" ? t.xmlName : undefined;
  const jsonName = typeof t.jsonName === "string" ? t.jsonName : undefined;
  return { kind: "body", name: jsonName ?? xmlName ?? memberName };
}

export interface MemberInfo {
  name: string;
  schema: NormalizedSchema;
  binding: Binding;
}

const membersCache = new WeakMap<object, MemberInfo[]>();

/** The members of a structure with their bindings, cached per schema. */
export function membersOf(schema: NormalizedSchema): MemberInfo[] {
  const key = schema.getSchema() as object;
  let cached = typeof key === "object" && key !== null ? membersCache.get(key) : undefined;
  if (cached) return cached;
  cached = [];
  if (schema.isStructSchema()) {
    for (const [name, member] of schema.structIterator()) {
      cached.push({ name, schema: member, binding: bindingOf(name, member) });
    }
  }
  if (typeof key === "object" && key !== null) membersCache.set(key, cached);
  return cached;
}

/** The SDK's numeric timestamp format codes: 5 date-time, 6 http-date, 7 epoch-seconds. */
export function timestampFormat(
  schema: NormalizedSchema,
): "date-time" | "http-date" | "epoch-seconds" | undefined {
  const raw = schema.getSchema() as unknown;
  if (raw === 5) return "date-time";
  if (raw === 6) return "http-date";
  if (raw === 7) return "epoch-seconds";
  const t = schema.getMergedTraits() as Record<string, unknown>;
  if (typeof t.timestampFormat === "string") return t.timestampFormat as "date-time";
  return undefined;
}
