/**
 * The gateway: attributes a request to a service (signing name first, PROTO-2/3), checks
 * SigV4 (SIG-1), applies throttling and fault injection, routes to the operation, decodes
 * its input, validates it, runs the handler in one transaction and encodes the answer.
 * It knows protocols, not services: services are data (ServiceDefinition).
 */
import { createHash, randomUUID } from "node:crypto";
import { isServiceError, ServiceError } from "../errors.js";
import { type Admission, injectedFailure } from "../throttle.js";
import type { OperationContext, OperationDefinition, ServiceDefinition } from "../services/types.js";
import { decodeAwsChunked, decodedContentLength, isAwsChunked } from "./aws-chunked.js";
import type { RawRequest, RawResponse } from "./http-bindings.js";
import { decodeQueryRequest, encodeQueryError, encodeQueryResponse, invalidAction } from "./query.js";
import { decodeRestJsonRequest, encodeRestJsonError, encodeRestJsonResponse } from "./rest-json.js";
import { decodeRestXmlRequest, encodeRestXmlError, encodeRestXmlResponse } from "./rest-xml.js";
import { RouteTable } from "./routes.js";
import { type S3Address, s3Address } from "./s3-address.js";
import { type OperationSchema, readServiceSchemas, type ServiceSchemas } from "./schema.js";
import { readCredentialScope, verifySignature } from "./sigv4.js";
import { isAuthError } from "./sigv4-errors.js";
import { validateInput } from "./validate.js";

export interface IncomingRequest {
  method: string;
  /** Raw path, percent-encoded, without query. */
  rawPath: string;
  rawQuery: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

interface LoadedService {
  def: ServiceDefinition;
  schemas: ServiceSchemas;
  routes: RouteTable;
  handlers: Map<string, OperationDefinition>;
}

export interface GatewayHooks {
  /** Secret for an access key id, or undefined when unknown. */
  secretFor(accessKeyId: string): string | undefined;
  accountFor(accessKeyId: string | undefined): string;
  defaultRegion: string;
  auth(): boolean;
  now(): Date;
  /** Throttling / fault injection: run, answer throttling, or fail before or after running. */
  admit(service: string, operation: string, scope: string): Admission;
  /** Builds the operation context (store, clock, events...) for one request. */
  context(base: Pick<OperationContext, "scope" | "requestId" | "host" | "headers">): OperationContext;
  /** Runs fn atomically. */
  transaction<R>(fn: () => R): R;
  onInternalError(e: unknown, op: string): void;
  /** Sees every answer (conformance recording in tests); absent in normal runs. */
  record?(entry: RecordedExchange): void;
}

export interface RecordedExchange {
  service: string;
  operation: string;
  method: string;
  /** Throttled or failed on purpose (--throttle, --fail-rate): not the operation's own answer. */
  injected: boolean;
  response: RawResponse;
}

type DispatchState = Omit<RecordedExchange, "method" | "response">;

const S3_HOST_ID = Buffer.from("iotdm-sandbox").toString("base64");

export class Gateway {
  private readonly services: LoadedService[] = [];
  private readonly bySigningName = new Map<string, LoadedService>();

  constructor(
    defs: ServiceDefinition[],
    private readonly hooks: GatewayHooks,
  ) {
    for (const def of defs) {
      const schemas = readServiceSchemas(def.sdk);
      const loaded: LoadedService = {
        def,
        schemas,
        routes: new RouteTable(schemas.operations.values()),
        handlers: new Map(def.operations.map((o) => [o.name, o])),
      };
      for (const h of def.operations) {
        if (!schemas.operations.has(h.name))
          throw new Error(`${def.key}: ${h.name} is not a modelled operation`);
      }
      this.services.push(loaded);
      for (const n of def.signingNames) this.bySigningName.set(n, loaded);
    }
  }

  /** Operation names implemented per service (for status and conformance tests). */
  implemented(): Record<string, string[]> {
    return Object.fromEntries(this.services.map((s) => [s.def.key, [...s.handlers.keys()].sort()]));
  }

  handle(req: IncomingRequest): RawResponse {
    const state: DispatchState = { service: "?", operation: "?", injected: false };
    const res = this.dispatch(req, state);
    this.hooks.record?.({ ...state, method: req.method, response: res });
    return res;
  }

  private dispatch(req: IncomingRequest, state: DispatchState): RawResponse {
    const requestId = randomUUID();
    const host = headerString(req.headers.host) ?? "localhost";
    const signed = { method: req.method, path: req.rawPath, query: req.rawQuery, headers: req.headers };
    const scope = readCredentialScope(signed);
    const query = new URLSearchParams(req.rawQuery);
    const service = this.attribute(scope?.service, host, req, query);
    if (!service) {
      return withRequestId(
        encodeRestJsonError(
          new ServiceError(
            "UnknownOperationException",
            "The sandbox could not tell which AWS service this request is for",
            {},
            404,
          ),
          undefined,
        ),
        requestId,
        "restJson1",
      );
    }
    const protocol = service.def.protocol;
    state.service = service.def.key;
    let opName = "?";
    try {
      if (this.hooks.auth()) {
        const payloadHash =
          headerString(req.headers["x-amz-content-sha256"]) ??
          createHash("sha256").update(req.body).digest("hex");
        verifySignature(signed, (k) => this.hooks.secretFor(k), payloadHash, this.hooks.now());
      }
      const region = scope?.region ?? this.hooks.defaultRegion;
      const accountId = this.hooks.accountFor(scope?.accessKeyId);
      const s3 = protocol === "restXml" ? s3Address(req.rawPath, host) : undefined;
      const { op, labels, body, headers } = this.route(service, req, query, s3);
      opName = op.name;
      state.operation = op.name;
      const handler = service.handlers.get(op.name);
      if (!handler) {
        throw new ServiceError(
          protocol === "restXml" ? "NotImplemented" : "NotImplementedException",
          `The iotdm sandbox does not implement ${service.def.key}:${op.name} yet`,
          {},
          501,
        );
      }
      const admitted = this.hooks.admit(service.def.key, op.name, `${accountId}:${region}`);
      state.injected = admitted !== "ok";
      if (admitted === "throttle")
        throw new ServiceError(service.def.throttlingError, "Rate exceeded", {}, throttleStatus(service.def));
      if (admitted === "fail") throw injectedFailure(service.def, false);
      const raw: RawRequest = { labels, query, headers, body };
      const validationError = handler.validationError ?? service.def.validationError;
      let input: Record<string, unknown>;
      if (protocol === "awsQuery") input = decodeQueryRequest(op, queryParams(req, query), validationError);
      else if (protocol === "restXml") input = decodeRestXmlRequest(op, raw, validationError);
      else input = decodeRestJsonRequest(op, raw, validationError);
      validateInput(op.input, input, handler.constraints, validationError);
      const ctx = this.hooks.context({ scope: { accountId, region }, requestId, host, headers });
      const output = this.hooks.transaction(() => handler.handler(input, ctx)) as
        Record<string, unknown> | undefined;
      // --fail-mode after: the operation has committed; the client sees a failure and retries.
      if (admitted === "failAfter") throw injectedFailure(service.def, true);
      let res: RawResponse;
      if (protocol === "awsQuery")
        res = encodeQueryResponse(op, output, service.def.xmlNamespace ?? "", requestId);
      else if (protocol === "restXml") res = encodeRestXmlResponse(op, output, req.method);
      else res = encodeRestJsonResponse(op, output);
      const status = output ? handler.status?.(output) : undefined;
      if (status !== undefined) res.status = status;
      return withRequestId(res, requestId, protocol);
    } catch (e) {
      return withRequestId(this.renderError(e, service, req.method, requestId, opName), requestId, protocol);
    }
  }

  private renderError(
    e: unknown,
    service: LoadedService,
    method: string,
    requestId: string,
    op: string,
  ): RawResponse {
    const protocol = service.def.protocol;
    let err: ServiceError;
    if (isAuthError(e)) err = e.forProtocol(protocol);
    else if (isServiceError(e)) err = e;
    else {
      this.hooks.onInternalError(e, op);
      err = new ServiceError(
        service.def.internalError,
        "The sandbox failed while handling this request",
        {},
        500,
      );
    }
    const schema = service.schemas.errorsByCode.get(err.code);
    if (protocol === "awsQuery")
      return encodeQueryError(err, schema, service.def.xmlNamespace ?? "", requestId);
    if (protocol === "restXml")
      return encodeRestXmlError(err, err.status ?? schema?.status ?? 400, method, requestId, S3_HOST_ID);
    return encodeRestJsonError(err, schema);
  }

  private attribute(
    signingName: string | undefined,
    host: string,
    req: IncomingRequest,
    query: URLSearchParams,
  ): LoadedService | undefined {
    if (signingName) {
      const s = this.bySigningName.get(signingName);
      if (s) return s;
    }
    const h = host.split(":")[0].toLowerCase();
    const byName = (n: string) => this.bySigningName.get(n);
    if (/(^|\.)jobs\.iot\./.test(h)) return byName("iot-jobs-data");
    if (/-ats\.iot\.|^data-ats\.iot\.|^data\.iot\./.test(h)) return byName("iotdata");
    if (/^iot\./.test(h)) return byName("iot");
    if (/(^|\.)s3[.-]/.test(h) || /^s3\./.test(h)) return byName("s3");
    if (/^iam\./.test(h)) return byName("iam");
    if (/^sts\./.test(h)) return byName("sts");
    const params = req.method === "POST" ? new URLSearchParams(req.body.toString("utf8")) : query;
    const version = params.get("Version") ?? query.get("Version");
    if (version) return this.services.find((s) => s.def.queryVersion === version);
    return undefined;
  }

  private route(
    service: LoadedService,
    req: IncomingRequest,
    query: URLSearchParams,
    s3?: S3Address,
  ): {
    op: OperationSchema;
    labels: Record<string, string>;
    body: Buffer;
    headers: IncomingRequest["headers"];
  } {
    if (service.def.protocol === "awsQuery") {
      const action = queryParams(req, query).get("Action") ?? "";
      const op = service.schemas.operations.get(action);
      if (!op) throw invalidAction(action);
      return { op, labels: {}, body: req.body, headers: req.headers };
    }
    let segments: string[];
    if (s3) segments = s3.key !== undefined ? [s3.key] : [];
    else
      segments = req.rawPath
        .split("/")
        .filter((s) => s.length > 0)
        .map(safeDecode);
    const addressLabels = s3 ? (s3.bucket !== undefined ? ["Bucket"] : []) : undefined;
    const match = service.routes.match({
      method: req.method,
      segments,
      query,
      headers: req.headers,
      addressLabels,
    });
    if (!match) {
      const allowed = service.routes.methodsForPath(segments);
      if (allowed.length > 0 && service.def.key === "iot-data")
        throw new ServiceError(
          "MethodNotAllowedException",
          `Method ${req.method} is not allowed on this resource`,
          {},
          405,
        );
      throw new ServiceError(
        service.def.protocol === "restXml" ? "MethodNotAllowed" : "UnknownOperationException",
        `No ${service.def.key} operation matches ${req.method} ${req.rawPath}`,
        {},
        service.def.protocol === "restXml" ? 405 : 404,
      );
    }
    const labels = match.labels;
    let body = req.body;
    let headers = req.headers;
    if (s3) {
      const needsBucket = service.schemas.operations.get(match.op.name)?.input;
      if (s3.bucket !== undefined) labels.Bucket = s3.bucket;
      else if (needsBucket && hasMember(needsBucket, "Bucket"))
        throw new ServiceError("InvalidBucketName", "The specified bucket is not valid.", {}, 400);
      if (isAwsChunked(req.headers)) {
        const decoded = decodeAwsChunked(req.body, decodedContentLength(req.headers));
        body = decoded.data;
        // SIG-4: trailing checksums (x-amz-checksum-*) bind like the headers they stand for.
        headers = { ...req.headers, ...decoded.trailers };
      }
    }
    return { op: match.op, labels, body, headers };
  }
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

function queryParams(req: IncomingRequest, query: URLSearchParams): URLSearchParams {
  if (req.method === "POST" && req.body.length > 0) {
    const merged = new URLSearchParams(query);
    for (const [k, v] of new URLSearchParams(req.body.toString("utf8"))) merged.append(k, v);
    return merged;
  }
  return query;
}

function headerString(h: string | string[] | undefined): string | undefined {
  return Array.isArray(h) ? h[0] : h;
}

function throttleStatus(def: ServiceDefinition): number {
  if (def.protocol === "restXml") return 503;
  if (def.key === "iot-data" || def.key === "iot-jobs-data") return 429;
  return 400;
}

function withRequestId(
  res: RawResponse,
  requestId: string,
  protocol: ServiceDefinition["protocol"],
): RawResponse {
  if (protocol === "restXml") {
    res.headers["x-amz-request-id"] = requestId;
    res.headers["x-amz-id-2"] = S3_HOST_ID;
  } else {
    res.headers["x-amzn-requestid"] = requestId;
  }
  return res;
}
