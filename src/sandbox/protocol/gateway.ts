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
import type { OperationContext, ServiceDefinition } from "../services/types.js";
import type { AdmitVerdict } from "../throttle.js";
import { decodeAwsChunked, decodedContentLength, isAwsChunked } from "./aws-chunked.js";
import { CODECS, type EncodeContext } from "./codecs.js";
import { type Admission, type Exchange, headerString, type Outcome, type RequestHead } from "./exchange.js";
import type { RawRequest } from "./http-bindings.js";
import { bodySha256, checkS3Body, type S3Payload, s3Payload } from "./payload.js";
import { type Routed, routeQuery, routeRest } from "./routing.js";
import type { OperationSchema } from "./schema.js";
import {
  injectedFailure,
  internalError,
  isSigV2,
  type LoadedService,
  ServiceDirectory,
  sigV2Refused,
  throttlingError,
} from "./service-directory.js";
import { checkHead, type HeadCheck, isRegionName, readCredentialScope, type SignedRequest } from "./sigv4.js";
import { AuthError, isAuthError } from "./sigv4-errors.js";
import { validateInput } from "./validate.js";

export interface GatewayHooks {
  /** Secret for an access key id, or undefined when unknown. */
  secretFor(accessKeyId: string): string | undefined;
  accountFor(accessKeyId: string | undefined): string;
  defaultRegion: string;
  auth(): boolean;
  /** Real time: header-signed requests are checked against it (SIG-1 skew), as clients sign with it. */
  now(): Date;
  /** The sandbox clock: presigned URLs expire on it (SIG-3), so advancing it expires them. */
  presignedNow(): Date;
  /** Throttling / fault injection: run, answer throttling, or fail before or after running. */
  admit(service: string, operation: string, scope: string): AdmitVerdict;
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
  match?: Routed;
  /** Why no operation matched, thrown once the signature holds. */
  routeError?: unknown;
}

/**
 * A request's body limit: `max` content bytes, `wire` bytes as sent (the front holds Content-Length
 * and the bytes it reads to it), and for an aws-chunked body the content length it declares.
 */
interface BodyLimitOf {
  max: number;
  wire: number;
  chunked: boolean;
  decodedLength?: number;
  error(size: number): ServiceError;
}

/** PROTO-2 step 4: a form body read only to find its `Version` is at most this long. */
const ATTRIBUTION_BODY_BYTES = 1024 * 1024;

export class Gateway {
  private readonly services: ServiceDirectory;

  constructor(
    defs: ServiceDefinition[],
    private readonly hooks: GatewayHooks,
  ) {
    this.services = new ServiceDirectory(defs);
  }

  /** Operation names implemented per service (for status and conformance tests). */
  implemented(): Record<string, string[]> {
    return Object.fromEntries(this.services.all.map((s) => [s.def.key, [...s.handlers.keys()].sort()]));
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
    const s3 = this.services.signedAs("s3");
    if (s3 && isSigV2(head.headers, f.query)) return answer(this.fail(f, s3, sigV2Refused()));
    const service = this.services.byHead(f.scope?.service, f.host) ?? this.services.byVersion(f.query);
    if (service) return this.prepare(f, service);
    if (head.method !== "POST") return answer(unattributed(f));
    return {
      kind: "read",
      maxBytes: ATTRIBUTION_BODY_BYTES,
      tooLarge: () => unattributed(f),
      overloaded: () => unattributed(f),
      finish: (body) => {
        const byBody = this.services.byVersion(new URLSearchParams(body.toString("utf8")));
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
      if (this.hooks.auth())
        f.check = checkHead(
          f.signed,
          (k) => this.hooks.secretFor(k),
          this.hooks.now(),
          this.hooks.presignedNow(),
        );
      if (service.codec.routesFromHead) {
        const routed = routeRest(service, f.head, f.host, f.query);
        if (routed instanceof ServiceError) f.routeError = routed;
        else {
          f.match = routed;
          f.exchange.operation = routed.op.name;
        }
      }
      this.checkRegionName(f, service);
      if (f.check && service.codec.payloadHashInHead) {
        // SIG-4: S3's payload hash is declared in the head, so its signature is checked before the body.
        f.s3Payload = s3Payload(
          headerString(f.head.headers["x-amz-content-sha256"]),
          f.check.presignedPayload,
        );
        this.signatureHeld(f, f.s3Payload.value);
      } else if (!f.check) this.afterSignature(f);
      const limit = this.bodyLimit(f, service);
      if (limit.decodedLength !== undefined && limit.decodedLength > limit.max)
        return answer(this.fail(f, service, limit.error(limit.decodedLength)));
      return {
        kind: "read",
        maxBytes: limit.wire,
        tooLarge: (bytes) => this.fail(f, service, limit.error(bytes)),
        overloaded: () => this.overloaded(f, service),
        finish: (body) => this.finish(f, service, limit, body),
      };
    } catch (e) {
      return answer(this.fail(f, service, e));
    }
  }

  /** Step 2: the body binds to the signature, then the operation runs. */
  private finish(f: Flight, service: LoadedService, limit: BodyLimitOf, body: Buffer): Outcome {
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
      if (admitted === "throttle") throw throttlingError(service);
      if (admitted === "fail") throw injectedFailure(def, false);
      if (limit.chunked) this.decodeChunked(f, raw, limit);
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
      // --fail-mode after: the operation has committed; the client sees a failure and retries.
      if (admitted === "failAfter") throw injectedFailure(def, true);
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
    if (!f.scope) return;
    const expected = this.resourceRegion(f, f.service!);
    if (expected !== undefined && expected !== f.scope.region)
      throw new AuthError("BadRegion", {
        region: f.scope.region,
        validRegion: true,
        expectedRegion: expected,
        presigned: f.scope.presigned,
      });
  }

  /** PROTO-4: a scope region that is no AWS region never becomes a partition. */
  private checkRegionName(f: Flight, service: LoadedService): void {
    if (!f.scope || isRegionName(f.scope.region)) return;
    throw new AuthError("BadRegion", {
      region: f.scope.region,
      validRegion: false,
      expectedRegion: this.resourceRegion(f, service) ?? this.hooks.defaultRegion,
      presigned: f.scope.presigned,
    });
  }

  private requestScope(f: Flight) {
    return {
      accountId: this.hooks.accountFor(f.scope?.accessKeyId),
      region: f.scope?.region ?? this.hooks.defaultRegion,
    };
  }

  /** PROTO-4: the region the routed operation's resource lives in, where the service checks it. */
  private resourceRegion(f: Flight, service: LoadedService): string | undefined {
    if (!f.match || !service.def.resourceRegion) return undefined;
    const origin = { kind: "http" as const, host: f.host, headers: f.head.headers };
    const ctx = this.hooks.context({ scope: this.requestScope(f), requestId: f.exchange.requestId, origin });
    return service.def.resourceRegion(f.match.op.name, f.match.labels, ctx);
  }

  /** The service's limit for this request: on the wire, and for the content (aws-chunked frames it). */
  private bodyLimit(f: Flight, service: LoadedService): BodyLimitOf {
    const limit = service.def.bodyLimit;
    const op = f.match?.op.name;
    const max = (op !== undefined ? limit.operations?.[op] : undefined) ?? limit.bytes;
    const error = (size: number) => limit.tooLarge?.(op, size, max) ?? service.codec.tooLarge(size, max);
    const headers = f.head.headers;
    const chunked = service.codec.awsChunked && isAwsChunked(headers);
    // SIG-4 framing: chunk headers (~90 bytes per chunk of 8 KiB or more) and trailers.
    const wire = chunked ? max + Math.ceil(max / 64) + 64 * 1024 : max;
    return { max, wire, chunked, decodedLength: chunked ? decodedContentLength(headers) : undefined, error };
  }

  private overloaded(f: Flight, service: LoadedService): Outcome {
    f.exchange.injected = true;
    return this.fail(f, service, throttlingError(service));
  }

  /** SIG-4: aws-chunked bodies decode in place; signed chunks are checked under strict SigV4. */
  private decodeChunked(f: Flight, raw: RawRequest, limit: BodyLimitOf): void {
    const signer =
      f.check && f.s3Payload?.kind === "signed-chunks"
        ? { seed: f.check.signature, sign: f.check.signString }
        : undefined;
    const decoded = decodeAwsChunked(raw.body, limit.decodedLength, signer);
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
      err = internalError(def, "The sandbox failed while handling this request");
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

  /** The routed operation; awsQuery reads its `Action` from query and form body (QRY-1). */
  private routeBody(f: Flight, service: LoadedService, raw: RawRequest): OperationSchema {
    if (service.codec.routesFromHead) {
      raw.labels = f.match!.labels;
      return f.match!.op;
    }
    const { op, params } = routeQuery(service, f.head.method, f.query, raw.body);
    raw.query = params;
    f.exchange.operation = op.name;
    return op;
  }
}

function answer(outcome: Outcome): Admission {
  return { kind: "answer", outcome };
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
