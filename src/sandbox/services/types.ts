/**
 * What a service module gives the gateway: its SDK schemas, its protocol, and one handler
 * per implemented operation. Handlers are plain synchronous functions over the SDK's own
 * input/output types; they run inside one storage transaction and throw ServiceError.
 */
import type { Clock } from "../clock.js";
import type { EventBus } from "../events.js";
import type { Constraint } from "../protocol/validate.js";
import type { SandboxSettings } from "../settings.js";
import type { Store } from "../storage/store.js";
import type { ServiceRuntime } from "./runtime.js";

export type Protocol = "restJson1" | "restXml" | "awsQuery";

export interface RequestScope {
  accountId: string;
  region: string;
}

export interface OperationContext {
  store: Store;
  scope: RequestScope;
  clock: Clock;
  settings: SandboxSettings;
  requestId: string;
  events: EventBus;
  /** Host header of the request (for URLs the sandbox hands out, e.g. presigned or endpoints). */
  host: string;
  /** Raw request headers, lower-case names (for the few operations that read unmodelled headers). */
  headers: Record<string, string | string[] | undefined>;
  /** The services' in-memory state for this sandbox, set up by their `start` hooks. */
  runtime: ServiceRuntime;
}

/** What a service's `start` hook gets: the sandbox's parts, without a request. */
export type ServiceDeps = Pick<OperationContext, "store" | "events" | "clock" | "settings" | "runtime">;

// Handler lists mix every operation's input/output types; each handler is typed where it is defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyInput = any;

export interface OperationDefinition<I = AnyInput, O = AnyInput> {
  /** Modelled operation name, e.g. `CreateThing`. */
  name: string;
  /**
   * Validation as data: constraint per input member path (`thingName`, `tags[].Key`,
   * `attributePayload.attributes{}` for map keys, `attributePayload.attributes{}=` for values).
   * Applied after the schema's required-member check.
   */
  constraints?: Record<string, Constraint>;
  /** The error code this operation uses for validation failures (default: the service's). */
  validationError?: string;
  handler: (input: I, ctx: OperationContext) => O;
  /** A success status other than the modelled one, decided by the output (e.g. S3's 206 for a byte range). */
  status?: (output: O) => number | undefined;
}

export function defineOperation<I, O>(def: OperationDefinition<I, O>): OperationDefinition<I, O> {
  return def;
}

export interface ServiceDefinition {
  /** Service key: `iot`, `iot-data`, `iot-jobs-data`, `s3`, `iam`, `sts`. */
  key: string;
  /** SigV4 signing names attributed to this service (PROTO-2). */
  signingNames: string[];
  protocol: Protocol;
  sdk: Record<string, unknown>;
  /** awsQuery API version and XML namespace. */
  queryVersion?: string;
  xmlNamespace?: string;
  /** Default validation error code (VAL-1). */
  validationError: string;
  /** Throttling error code (PROTO-10) and internal failure code for fault injection. */
  throttlingError: string;
  internalError: string;
  /** Whether resources are regional (partitioned by region) or account-global (IAM). */
  global?: boolean;
  operations: OperationDefinition[];
  /**
   * Called once when the sandbox starts, before it serves a request: where a service subscribes
   * to events and provides its in-memory state (ServiceRuntime).
   */
  start?: (deps: ServiceDeps) => void;
}
