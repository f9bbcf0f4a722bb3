/**
 * What a service module gives the gateway: its SDK schemas, its protocol, and one handler
 * per implemented operation. Handlers are plain synchronous functions over the SDK's own
 * input/output types; they run inside one storage transaction and throw ServiceError.
 */
import type { Clock } from "../clock.js";
import type { ServiceError } from "../errors.js";
import type { EventBus } from "../events.js";
import type { Constraint } from "../protocol/validate.js";
import type { Scheduler } from "../scheduler.js";
import type { SandboxSettings } from "../settings.js";
import type { Store } from "../storage/store.js";
import type { ServiceRuntime } from "./runtime.js";

export type Protocol = "restJson1" | "restXml" | "awsQuery";

export interface RequestScope {
  accountId: string;
  region: string;
}

/**
 * Who called an operation, independent of the transport: an HTTP request today; next, an MQTT
 * client of the sandbox broker (which will build its contexts with the same builder, context.ts);
 * or the sandbox itself (`internal`: the fleet index, timers), named for logs.
 */
export type RequestOrigin =
  | { kind: "http"; host: string; headers: Record<string, string | string[] | undefined> }
  | { kind: "mqtt"; clientId: string }
  | { kind: "internal"; name: string };

export interface OperationContext {
  store: Store;
  scope: RequestScope;
  clock: Clock;
  settings: SandboxSettings;
  requestId: string;
  events: EventBus;
  /** The caller: HTTP request or MQTT client. */
  origin: RequestOrigin;
  /**
   * Host the caller reached the sandbox by (for URLs the sandbox hands out, e.g. presigned or
   * endpoints): the HTTP Host header, or the sandbox's own address for other origins.
   */
  host: string;
  /** Raw HTTP request headers, lower-case names (for the few operations that read unmodelled headers); `{}` for other origins. */
  headers: Record<string, string | string[] | undefined>;
  /** The services' in-memory state for this sandbox, set up by their `start` hooks. */
  runtime: ServiceRuntime;
  /** Timers on the sandbox clock (scheduler.ts): handlers set them, start hooks register their kinds. */
  scheduler: Scheduler;
}

/** What a service's `start` hook gets: the sandbox's parts, without a request. */
export type ServiceDeps = Pick<
  OperationContext,
  "store" | "events" | "clock" | "settings" | "runtime" | "scheduler"
>;

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

/** A message a client of the sandbox broker published to a reserved topic. */
export interface MqttRequest {
  /** The publishing client's id (the thing it acts as when it is a thing's name). */
  clientId: string;
  topic: string;
  payload: Buffer;
}

/**
 * How a service answers a reserved topic (shadow, jobs, commands), the MQTT counterpart of an
 * OperationDefinition: the broker runs `handle` inside one storage transaction, with a context whose
 * origin is the client (`mqtt`), for every publish whose topic `topic` matches. A handler answers
 * by emitting `mqtt.publish` events with `requester` set to the client; the broker delivers them
 * once the transaction has committed. A handler must not throw for a bad request: it answers it on
 * the topic's `rejected` topic, as AWS does.
 */
export interface ReservedTopicHandler {
  /** e.g. `/^\$aws\/things\/([^/]+)\/shadow\/get$/`; its groups reach `handle`. */
  topic: RegExp;
  handle: (match: RegExpExecArray, request: MqttRequest, ctx: OperationContext) => void;
}

/**
 * Request body limits of a service: `bytes` for every operation unless `operations` names its own,
 * and the error when a body is larger (`tooLarge`, else or when it answers undefined: the protocol's,
 * codecs.ts). `operation` is undefined when the request matched none.
 */
export interface BodyLimit {
  bytes: number;
  operations?: Record<string, number>;
  tooLarge?: (operation: string | undefined, size: number, max: number) => ServiceError | undefined;
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
  /** PROTO-10 status of the throttling error when it is not the protocol's (iot-data, jobs data: 429). */
  throttlingStatus?: number;
  /** Status of the internal error (default 500; 503 for ServiceUnavailable codes). */
  internalErrorStatus?: number;
  /** JSON-7: the answer to a known path with a method it does not serve, when not the protocol's unknown route. */
  wrongMethodError?: { code: string; status: number };
  /** Largest request body the service accepts, checked before the body is read (see BodyLimit). */
  bodyLimit: BodyLimit;
  /**
   * PROTO-4: the region the addressed resource lives in, where AWS checks that the credential scope
   * names it (S3: bucket operations on an existing bucket); undefined where AWS does not check.
   */
  resourceRegion?: (
    operation: string,
    labels: Record<string, string>,
    ctx: OperationContext,
  ) => string | undefined;
  /** Whether resources are regional (partitioned by region) or account-global (IAM). */
  global?: boolean;
  operations: OperationDefinition[];
  /** The reserved MQTT topics (`$aws/...`) the service answers when a client publishes to them. */
  mqttTopics?: ReservedTopicHandler[];
  /**
   * Called once when the sandbox starts, before it serves a request: where a service subscribes
   * to events and provides its in-memory state (ServiceRuntime).
   */
  start?: (deps: ServiceDeps) => void;
}
