/**
 * What passes between the HTTP front and the gateway: a request's head, the decision taken from it
 * (answer now, or read the body), and the outcome with what the request log records.
 */
import type { RawResponse } from "./http-bindings.js";

export type Headers = Record<string, string | string[] | undefined>;

/** A request as far as the gateway needs it before its body. `rawPath` is percent-encoded, without query. */
export interface RequestHead {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: Headers;
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

/** The first value of a header. */
export function headerString(h: string | string[] | undefined): string | undefined {
  return Array.isArray(h) ? h[0] : h;
}
