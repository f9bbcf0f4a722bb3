/**
 * Which operation a request is for: restJson1 and restXml from method, path, query and headers
 * (PROTO-3, S3P-1/2), before the body; awsQuery from the `Action` of query and form body (QRY-1).
 */
import { ServiceError } from "../errors.js";
import type { RequestHead } from "./exchange.js";
import { invalidAction } from "./query.js";
import { s3Address } from "./s3-address.js";
import type { OperationSchema } from "./schema.js";
import type { LoadedService } from "./service-directory.js";

export interface Routed {
  op: OperationSchema;
  labels: Record<string, string>;
}

/** The operation of a restJson1 / restXml request, or why none matches (JSON-7, S3's 405, InvalidBucketName). */
export function routeRest(
  service: LoadedService,
  head: RequestHead,
  host: string,
  query: URLSearchParams,
): Routed | ServiceError {
  const { method, rawPath, headers } = head;
  const s3 = service.codec.bucketAddressing ? s3Address(rawPath, host) : undefined;
  let segments: string[];
  if (s3) segments = s3.key !== undefined ? [s3.key] : [];
  else
    segments = rawPath
      .split("/")
      .filter((s) => s.length > 0)
      .map(safeDecode);
  // The bucket an S3 address names is a label the route must take (a bucket is never ListBuckets).
  const addressLabels = s3 ? (s3.bucket !== undefined ? ["Bucket"] : []) : undefined;
  const match = service.routes.match({ method, segments, query, headers, addressLabels });
  if (!match) {
    const wrongMethod =
      service.routes.methodsForPath(segments).length > 0 ? service.def.wrongMethodError : undefined;
    const { code, status } = wrongMethod ?? service.codec.unknownRoute;
    const message =
      wrongMethod !== undefined
        ? `Method ${method} is not allowed on this resource`
        : `No ${service.def.key} operation matches ${method} ${rawPath}`;
    return new ServiceError(code, message, {}, status);
  }
  if (s3) {
    if (s3.bucket !== undefined) match.labels.Bucket = s3.bucket;
    else if (hasMember(match.op.input, "Bucket"))
      return new ServiceError("InvalidBucketName", "The specified bucket is not valid.", {}, 400);
  }
  return { op: match.op, labels: match.labels };
}

/** An awsQuery request's operation and parameters (query string plus POSTed form body). */
export function routeQuery(
  service: LoadedService,
  method: string,
  query: URLSearchParams,
  body: Buffer,
): { op: OperationSchema; params: URLSearchParams } {
  let params = query;
  if (method === "POST" && body.length > 0) {
    params = new URLSearchParams(query);
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params.append(k, v);
  }
  const action = params.get("Action") ?? "";
  const op = service.schemas.operations.get(action);
  if (!op) throw invalidAction(action);
  return { op, params };
}

function hasMember(schema: OperationSchema["input"], name: string): boolean {
  return schema.isStructSchema() && [...schema.structIterator()].some(([n]) => n === name);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
