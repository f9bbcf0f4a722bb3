/**
 * The services the gateway serves, loaded once (schemas, routes, handlers, codec), how a request
 * is attributed to one (PROTO-2): signing name, else host name, else the awsQuery `Version`, and
 * the service's errors the gateway answers by itself (SigV2, internal failures, throttling).
 */
import { ServiceError } from "../errors.js";
import type { OperationDefinition, ServiceDefinition } from "../services/types.js";
import { CODECS, type ProtocolCodec } from "./codecs.js";
import { type Headers, headerString } from "./exchange.js";
import { RouteTable } from "./routes.js";
import { readServiceSchemas, type ServiceSchemas } from "./schema.js";

export interface LoadedService {
  def: ServiceDefinition;
  codec: ProtocolCodec;
  schemas: ServiceSchemas;
  routes: RouteTable;
  handlers: Map<string, OperationDefinition>;
}

/** PROTO-2 step 3: the signing name the real host names of each service stand for. */
const HOSTS: Array<[RegExp, string]> = [
  [/(^|\.)jobs\.iot\./, "iot-jobs-data"],
  [/-ats\.iot\.|^data-ats\.iot\.|^data\.iot\./, "iotdata"],
  [/^iot\./, "iot"],
  [/(^|\.)s3[.-]|^s3\./, "s3"],
  [/^iam\./, "iam"],
  [/^sts\./, "sts"],
];

export class ServiceDirectory {
  readonly all: LoadedService[] = [];
  private readonly bySigningName = new Map<string, LoadedService>();

  constructor(defs: ServiceDefinition[]) {
    for (const def of defs) {
      const schemas = readServiceSchemas(def.sdk);
      for (const h of def.operations) {
        if (!schemas.operations.has(h.name))
          throw new Error(`${def.key}: ${h.name} is not a modelled operation`);
      }
      const loaded: LoadedService = {
        def,
        codec: CODECS[def.protocol],
        schemas,
        routes: new RouteTable(schemas.operations.values()),
        handlers: new Map(def.operations.map((o) => [o.name, o])),
      };
      this.all.push(loaded);
      for (const n of def.signingNames) this.bySigningName.set(n, loaded);
    }
  }

  signedAs(signingName: string): LoadedService | undefined {
    return this.bySigningName.get(signingName);
  }

  /** PROTO-2 steps 1-3: the scope's signing name, else the host name. */
  byHead(signingName: string | undefined, host: string): LoadedService | undefined {
    const signed = signingName === undefined ? undefined : this.bySigningName.get(signingName);
    if (signed) return signed;
    const h = host.split(":")[0].toLowerCase();
    const named = HOSTS.find(([re]) => re.test(h))?.[1];
    return named === undefined ? undefined : this.bySigningName.get(named);
  }

  /** PROTO-2 step 4: the awsQuery `Version` of a form body or query string. */
  byVersion(params: URLSearchParams): LoadedService | undefined {
    const version = params.get("Version");
    return version ? this.all.find((s) => s.def.queryVersion === version) : undefined;
  }
}

/** S3's SigV2 forms: `Authorization: AWS AKID:signature` or a presigned `AWSAccessKeyId=&Signature=` URL. */
export function isSigV2(headers: Headers, query: URLSearchParams): boolean {
  const auth = headerString(headers.authorization);
  if (auth !== undefined && /^AWS \S+:\S*$/.test(auth.trim())) return true;
  return query.has("AWSAccessKeyId") && query.has("Signature") && !query.has("SignatureVersion");
}

/** What S3 answers a SigV2 request. */
export const sigV2Refused = () =>
  new ServiceError(
    "InvalidRequest",
    "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.",
    {},
    400,
  );

/** The service's internal error: 500, or the status its code carries (503 for ServiceUnavailable). */
export function internalError(def: ServiceDefinition, message: string): ServiceError {
  return new ServiceError(def.internalError, message, {}, def.internalErrorStatus ?? 500);
}

/** The internal error an injected failure answers (--fail-rate), before the operation ran or after it committed. */
export function injectedFailure(def: ServiceDefinition, committed: boolean): ServiceError {
  return internalError(
    def,
    committed
      ? "An internal failure was injected by the sandbox after the operation completed (--fail-mode after)"
      : "An internal failure was injected by the sandbox (--fail-rate)",
  );
}

/** PROTO-10: the service's throttling error. */
export function throttlingError(service: LoadedService): ServiceError {
  const { def, codec } = service;
  const status = def.throttlingStatus ?? codec.throttlingStatus;
  return new ServiceError(def.throttlingError, codec.throttlingMessage, {}, status);
}
