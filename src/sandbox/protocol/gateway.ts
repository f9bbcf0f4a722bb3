/**
 * The gateway: attributes a request to a service (signing name first, PROTO-2/3), authenticates it
 * (SIG-1), routes it to an operation and runs it: decode, validate, handler in one transaction,
 * encode. It works in two steps so that the HTTP front never reads a body it will refuse:
 * `begin(head)` decides from the method, path, query and headers alone (authentication up to the
 * payload hash, regions, route, body limit); `finish(body)` binds the body to the signature
 * (payload.ts) and runs the operation. It knows protocols (the codec table, codecs.ts), not
 * services: services are data (ServiceDefinition).
 */
import { randomUUID } from "node:crypto";
import type { ContextRequest } from "../context.js";
import { isServiceError, ServiceError } from "../errors.js";
import type { OperationContext, OperationDefinition, ServiceDefinition } from "../services/types.js";
import { decodeAwsChunked, decodedContentLength, isAwsChunked } from "./aws-chunked.js";
import { CODECS, type EncodeContext, type ProtocolCodec } from "./codecs.js";
import type { RawRequest, RawResponse } from "./http-bindings.js";
import { bodySha256, checkS3Body, type S3Payload, s3Payload } from "./payload.js";
import { invalidAction } from "./query.js";
import { RouteTable } from "./routes.js";
import { s3Address } from "./s3-address.js";
import { type OperationSchema, readServiceSchemas, type ServiceSchemas } from "./schema.js";
import { checkHead, type HeadCheck, isRegionName, readCredentialScope, type SignedRequest } from "./sigv4.js";
import { AuthError, isAuthError } from "./sigv4-errors.js";
import { validateInput } from "./validate.js";

type Headers = Record<string, string | string[] | undefined>;

/** A request as far as the gateway needs it before its body. `rawPath` is percent-encoded, without query. */
export interface RequestHead {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: Headers;
}

export interface IncomingRequest extends RequestHead {
  body: Buffer;
}

/** What the gateway knows of one exchange (request log, conformance recording). */
export interface Exchange {
  /** Service key, `?` when the request could not be attributed. */
  service: string;
  /** Operation name, `?` until routed. */
  operation: string;
  requestId: string;
  /** Throttled, failed or refused for load on purpose (--throttle, --fail-rate): not the operation's own answer. */
  injected: boolean;
  /** The error code answered, if any. */
  errorCode?: string;
}

export interface Outcome {
  response: RawResponse;
  exchange: Exchange;
}

/** The decision from a request's head: an answer now, or a body to read and what to do with it. */
export type Admission =
  | { kind: "answer"; outcome: Outcome }
  | {
      kind: "read";
      /** Most bytes the body may have on the wire. */
      maxBytes: number;
      /** The service's answer to a body larger than `maxBytes` (declared or counted). */
      tooLarge(bytes: number): Outcome;
      /** The service's throttling answer (PROTO-10) when bodies in flight exceed the sandbox's budget. */
      overloaded(): Outcome;
      finish(body: Buffer): Outcome;
    };

interface LoadedService {
  def: ServiceDefinition;
  codec: ProtocolCodec;
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
  /** Throttling / fault injection; return an error code kind to answer instead of running. */
  admit(service: string, operation: string, scope: string): "ok" | "throttle" | "fail";
  /** Builds the operation context (context.ts). */
  context(req: ContextRequest): OperationContext;
  /** Runs fn atomically. */
  transaction<R>(fn: () => R): R;
  onInternalError(e: unknown, op: string): void;
}

/** One request on its way through the gateway. */
interface Flight {
  head: RequestHead;
  exchange: Exchange;
  host: string;
  query: URLSearchParams;
  signed: SignedRequest;
  scope: ReturnType<typeof readCredentialScope>;
  service?: LoadedService;
  /** Authentication from the head (strict mode), finished by the payload hash. */
  check?: HeadCheck;
  s3Payload?: S3Payload;
  match?: { op: OperationSchema; labels: Record<string, string> };
  /** Why no operation matched, thrown once the signature holds. */
  routeError?: unknown;
  limit?: BodyLimitOf;
}

/** A request's body limit: `max` content bytes, `wire` bytes as sent, the length it declared. */
interface BodyLimitOf {
  max: number;
  wire: number;
  declared?: number;
  error(size: number): ServiceError;
}

/** PROTO-2 step 4: a form body read only to find its `Version` is at most this long. */
const ATTRIBUTION_BODY_BYTES = 1024 * 1024;
const SIGV2_REFUSED =
  "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.";

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
        codec: CODECS[def.protocol],
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

  /** Both steps at once, for a caller that holds the whole request. */
  handle(req: IncomingRequest): Outcome {
    const admission = this.begin(req);
    if (admission.kind === "answer") return admission.outcome;
    if (req.body.length > admission.maxBytes) return admission.tooLarge(req.body.length);
    return admission.finish(req.body);
  }

  /** Step 1: everything that can be decided before the body is read. */
  begin(head: RequestHead): Admission {
    const signed = { method: head.method, path: head.rawPath, query: head.rawQuery, headers: head.headers };
    const f: Flight = {
      head,
      exchange: { service: "?", operation: "?", requestId: randomUUID(), injected: false },
      host: headerString(head.headers.host) ?? "localhost",
      query: new URLSearchParams(head.rawQuery),
      signed,
      scope: readCredentialScope(signed),
    };
    const s3 = this.bySigningName.get("s3");
    if (s3 && isSigV2(head.headers, f.query))
      return answer(this.fail(f, s3, new ServiceError("InvalidRequest", SIGV2_REFUSED, {}, 400)));
    const service = this.attributeByHead(f.scope?.service, f.host) ?? this.attributeByVersion(f.query);
    if (service) return this.prepare(f, service);
    if (head.method !== "POST") return answer(unattributed(f));
    return {
      kind: "read",
      maxBytes: ATTRIBUTION_BODY_BYTES,
      tooLarge: () => unattributed(f),
      overloaded: () => unattributed(f),
      finish: (body) => {
        const byBody = this.attributeByVersion(new URLSearchParams(body.toString("utf8")));
        if (!byBody) return unattributed(f);
        const next = this.prepare(f, byBody);
        if (next.kind === "answer") return next.outcome;
        return body.length > next.maxBytes ? next.tooLarge(body.length) : next.finish(body);
      },
    };
  }

  private prepare(f: Flight, service: LoadedService): Admission {
    f.service = service;
    f.exchange.service = service.def.key;
    try {
      if (this.hooks.auth()) f.check = checkHead(f.signed, (k) => this.hooks.secretFor(k), this.hooks.now());
      this.routeHead(f, service);
      this.checkRegionName(f, service);
      if (f.check && service.def.protocol === "restXml") {
        // SIG-4: S3's payload hash is declared in the head, so its signature is checked before the body.
        f.s3Payload = s3Payload(
          headerString(f.head.headers["x-amz-content-sha256"]),
          f.check.presignedPayload,
        );
        this.signatureHeld(f, f.s3Payload.value);
      } else if (!f.check) this.afterSignature(f);
      const limit = this.bodyLimit(f, service);
      f.limit = limit;
      if (limit.declared !== undefined && limit.declared > limit.max)
        return answer(this.fail(f, service, limit.error(limit.declared)));
      return {
        kind: "read",
        maxBytes: limit.wire,
        tooLarge: (bytes) => this.fail(f, service, limit.error(bytes)),
        overloaded: () => this.overloaded(f, service),
        finish: (body) => this.finish(f, service, body),
      };
    } catch (e) {
      return answer(this.fail(f, service, e));
    }
  }

  /** Step 2: the body binds to the signature, then the operation runs. */
  private finish(f: Flight, service: LoadedService, body: Buffer): Outcome {
    const { def, codec } = service;
    let opName = "?";
    try {
      if (f.s3Payload) checkS3Body(f.s3Payload, body);
      else if (f.check) this.signatureHeld(f, bodySha256(body));
      const raw: RawRequest = { labels: {}, query: f.query, headers: f.head.headers, body };
      const op = this.routeBody(f, service, raw);
      opName = op.name;
      const handler = service.handlers.get(op.name);
      if (!handler)
        throw new ServiceError(
          codec.notImplementedCode,
          `The iotdm sandbox does not implement ${def.key}:${op.name} yet`,
          {},
          501,
        );
      const scope = this.requestScope(f);
      const admitted = this.hooks.admit(def.key, op.name, `${scope.accountId}:${scope.region}`);
      f.exchange.injected = admitted !== "ok";
      if (admitted === "throttle") throw throttling(service);
      if (admitted === "fail")
        throw new ServiceError(
          def.internalError,
          "An internal failure was injected by the sandbox (--fail-rate)",
          {},
          def.internalErrorStatus ?? 500,
        );
      if (def.protocol === "restXml" && isAwsChunked(raw.headers)) this.decodeChunked(f, raw);
      const validationError = handler.validationError ?? def.validationError;
      const input = codec.decode(op, raw, validationError);
      validateInput(op.input, input, handler.constraints, validationError);
      const ctx = this.hooks.context({
        scope,
        requestId: f.exchange.requestId,
        origin: { kind: "http", host: f.host, headers: raw.headers },
      });
      const output = this.hooks.transaction(() => handler.handler(input, ctx)) as
        Record<string, unknown> | undefined;
      const res = codec.encode(op, output, this.encodeContext(f, service));
      const status = output ? handler.status?.(output) : undefined;
      if (status !== undefined) res.status = status;
      return { response: codec.stamp(res, f.exchange.requestId), exchange: f.exchange };
    } catch (e) {
      return this.fail(f, service, e, opName);
    }
  }

  /** The signature holds for this payload hash: what waited for it may now be answered. */
  private signatureHeld(f: Flight, payloadHash: string): void {
    f.check!.verify(payloadHash);
    this.afterSignature(f);
  }

  /** Once the caller is authenticated (or auth is off): route errors, then the resource's region (PROTO-4). */
  private afterSignature(f: Flight): void {
    if (f.routeError !== undefined) throw f.routeError;
    const service = f.service!;
    if (!f.match || !f.scope || !service.def.resourceRegion) return;
    const expected = service.def.resourceRegion(f.match.op.name, f.match.labels, this.headContext(f));
    if (expected !== undefined && expected !== f.scope.region)
      throw new AuthError("BadRegion", {
        region: f.scope.region,
        expectedRegion: expected,
        presigned: f.scope.presigned,
      });
  }

  /** PROTO-4: a scope region that is no AWS region never becomes a partition. */
  private checkRegionName(f: Flight, service: LoadedService): void {
    if (!f.scope || isRegionName(f.scope.region)) return;
    const s3 = service.def.protocol === "restXml";
    const bucketRegion =
      s3 && f.match
        ? service.def.resourceRegion?.(f.match.op.name, f.match.labels, this.headContext(f))
        : undefined;
    throw new AuthError("BadRegion", {
      region: f.scope.region,
      expectedRegion: s3 ? (bucketRegion ?? this.hooks.defaultRegion) : undefined,
      presigned: f.scope.presigned,
    });
  }

  private requestScope(f: Flight) {
    return {
      accountId: this.hooks.accountFor(f.scope?.accessKeyId),
      region: f.scope?.region ?? this.hooks.defaultRegion,
    };
  }

  private headContext(f: Flight): OperationContext {
    const origin = { kind: "http" as const, host: f.host, headers: f.head.headers };
    return this.hooks.context({ scope: this.requestScope(f), requestId: f.exchange.requestId, origin });
  }

  /** The service's limit for this request: on the wire, and for the content (aws-chunked frames it). */
  private bodyLimit(f: Flight, service: LoadedService): BodyLimitOf {
    const limit = service.def.bodyLimit;
    const op = f.match?.op.name;
    const max = (op !== undefined ? limit.operations?.[op] : undefined) ?? limit.bytes;
    const error = (size: number) => limit.tooLarge?.(op, size, max) ?? service.codec.tooLarge(size, max);
    const headers = f.head.headers;
    const chunked = service.def.protocol === "restXml" && isAwsChunked(headers);
    const length = Number(headerString(headers["content-length"]) ?? Number.NaN);
    const declared = chunked
      ? decodedContentLength(headers)
      : Number.isSafeInteger(length)
        ? length
        : undefined;
    // SIG-4 framing: chunk headers (~90 bytes per chunk of 8 KiB or more) and trailers.
    const wire = chunked ? max + Math.ceil(max / 64) + 64 * 1024 : max;
    return { max, wire, declared, error };
  }

  private overloaded(f: Flight, service: LoadedService): Outcome {
    f.exchange.injected = true;
    return this.fail(f, service, throttling(service));
  }

  /** SIG-4: aws-chunked bodies decode in place; signed chunks are checked under strict SigV4. */
  private decodeChunked(f: Flight, raw: RawRequest): void {
    const signer =
      f.check && f.s3Payload?.kind === "signed-chunks"
        ? { seed: f.check.signature, sign: f.check.signString }
        : undefined;
    const decoded = decodeAwsChunked(raw.body, decodedContentLength(raw.headers), signer);
    const limit = f.limit!;
    if (decoded.data.length > limit.max) throw limit.error(decoded.data.length);
    raw.body = decoded.data;
    // SIG-4: trailing checksums (x-amz-checksum-*) bind like the headers they stand for.
    raw.headers = { ...raw.headers, ...decoded.trailers };
  }

  private encodeContext(f: Flight, service: LoadedService): EncodeContext {
    return {
      method: f.head.method,
      requestId: f.exchange.requestId,
      xmlNamespace: service.def.xmlNamespace ?? "",
    };
  }

  private fail(f: Flight, service: LoadedService, e: unknown, op = "?"): Outcome {
    const { def, codec } = service;
    let err: ServiceError;
    if (isAuthError(e)) err = e.forProtocol(def.protocol);
    else if (isServiceError(e)) err = e;
    else {
      this.hooks.onInternalError(e, op);
      err = new ServiceError(
        def.internalError,
        "The sandbox failed while handling this request",
        {},
        def.internalErrorStatus ?? 500,
      );
    }
    f.exchange.service = def.key;
    f.exchange.errorCode = err.code;
    const res = codec.encodeError(
      err,
      service.schemas.errorsByCode.get(err.code),
      this.encodeContext(f, service),
    );
    return { response: codec.stamp(res, f.exchange.requestId), exchange: f.exchange };
  }

  private attributeByHead(signingName: string | undefined, host: string): LoadedService | undefined {
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
    return undefined;
  }

  /** PROTO-2 step 4: the awsQuery `Version` of a form body or query string. */
  private attributeByVersion(params: URLSearchParams): LoadedService | undefined {
    const version = params.get("Version");
    return version ? this.services.find((s) => s.def.queryVersion === version) : undefined;
  }

  /** restJson1 / restXml: the operation from method, path, query and headers (PROTO-3, S3P-1/2). */
  private routeHead(f: Flight, service: LoadedService): void {
    if (service.def.protocol === "awsQuery") return;
    const { method, rawPath, headers } = f.head;
    const s3 = service.def.protocol === "restXml" ? s3Address(rawPath, f.host) : undefined;
    let segments: string[];
    if (s3) segments = s3.key !== undefined ? [s3.key] : [];
    else
      segments = rawPath
        .split("/")
        .filter((s) => s.length > 0)
        .map(safeDecode);
    const match = service.routes.match({ method, segments, query: f.query, headers });
    if (!match) {
      const wrongMethod =
        service.routes.methodsForPath(segments).length > 0 ? service.def.wrongMethodError : undefined;
      const { code, status } = wrongMethod ?? service.codec.unknownRoute;
      const message =
        wrongMethod !== undefined
          ? `Method ${method} is not allowed on this resource`
          : `No ${service.def.key} operation matches ${method} ${rawPath}`;
      f.routeError = new ServiceError(code, message, {}, status);
      return;
    }
    if (s3) {
      if (s3.bucket !== undefined) match.labels.Bucket = s3.bucket;
      else if (hasMember(match.op.input, "Bucket"))
        f.routeError = new ServiceError("InvalidBucketName", "The specified bucket is not valid.", {}, 400);
    }
    f.match = { op: match.op, labels: match.labels };
    f.exchange.operation = match.op.name;
  }

  /** The routed operation; awsQuery reads its `Action` from query and form body (QRY-1). */
  private routeBody(f: Flight, service: LoadedService, raw: RawRequest): OperationSchema {
    if (service.def.protocol !== "awsQuery") {
      raw.labels = f.match!.labels;
      return f.match!.op;
    }
    raw.query = formParams(f.head.method, f.query, raw.body);
    const action = raw.query.get("Action") ?? "";
    const op = service.schemas.operations.get(action);
    if (!op) throw invalidAction(action);
    f.exchange.operation = op.name;
    return op;
  }
}

function answer(outcome: Outcome): Admission {
  return { kind: "answer", outcome };
}

function throttling(service: LoadedService): ServiceError {
  const { def, codec } = service;
  const message = def.protocol === "restXml" ? "Please reduce your request rate." : "Rate exceeded";
  return new ServiceError(def.throttlingError, message, {}, def.throttlingStatus ?? codec.throttlingStatus);
}

/** PROTO-2: nothing names a service; answered as restJson1. */
function unattributed(f: Flight): Outcome {
  const codec = CODECS.restJson1;
  const err = new ServiceError(
    "UnknownOperationException",
    "The sandbox could not tell which AWS service this request is for",
    {},
    404,
  );
  f.exchange.errorCode = err.code;
  const context = { method: f.head.method, requestId: f.exchange.requestId, xmlNamespace: "" };
  const response = codec.stamp(codec.encodeError(err, undefined, context), f.exchange.requestId);
  return { response, exchange: f.exchange };
}

/** S3's SigV2 forms: `Authorization: AWS AKID:signature` or a presigned `AWSAccessKeyId=&Signature=` URL. */
function isSigV2(headers: Headers, query: URLSearchParams): boolean {
  const auth = headerString(headers.authorization);
  if (auth !== undefined && /^AWS \S+:\S*$/.test(auth.trim())) return true;
  return query.has("AWSAccessKeyId") && query.has("Signature") && !query.has("SignatureVersion");
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

/** Query string plus a POSTed form body (awsQuery). */
function formParams(method: string, query: URLSearchParams, body: Buffer): URLSearchParams {
  if (method !== "POST" || body.length === 0) return query;
  const merged = new URLSearchParams(query);
  for (const [k, v] of new URLSearchParams(body.toString("utf8"))) merged.append(k, v);
  return merged;
}

function headerString(h: string | string[] | undefined): string | undefined {
  return Array.isArray(h) ? h[0] : h;
}
