/**
 * The one way to build an operation context: what every handler receives (OperationContext). The
 * HTTP gateway builds one per request; the MQTT broker, next, builds them the same way for its
 * clients (origin `mqtt`), so services never know which transport called them.
 */
import { randomUUID } from "node:crypto";
import type { OperationContext, RequestOrigin, RequestScope, ServiceDeps } from "./services/types.js";
import { reachableAddress } from "./settings.js";

/** What identifies one call: the (account, region) partition, the caller, and its request id. */
export interface ContextRequest {
  scope: RequestScope;
  origin: RequestOrigin;
  /** Default: a new UUID. */
  requestId?: string;
}

/** `deps`: the sandbox's parts every context shares (what services' start hooks get too). */
export function createOperationContext(deps: ServiceDeps, req: ContextRequest): OperationContext {
  const http = req.origin.kind === "http" ? req.origin : undefined;
  return {
    store: deps.store,
    clock: deps.clock,
    settings: deps.settings,
    events: deps.events,
    runtime: deps.runtime,
    scheduler: deps.scheduler,
    scope: req.scope,
    requestId: req.requestId ?? randomUUID(),
    origin: req.origin,
    // A caller that did not come over HTTP gets the sandbox's own address in the URLs it is given.
    host: http?.host ?? reachableAddress(deps.settings.host, deps.settings.port),
    headers: http?.headers ?? {},
  };
}
