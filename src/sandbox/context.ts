/**
 * The one way to build an operation context: what every handler receives (OperationContext). The
 * HTTP gateway builds one per request; the MQTT broker, next, builds them the same way for its
 * clients (origin `mqtt`), so services never know which transport called them.
 */
import { randomUUID } from "node:crypto";
import type { OperationContext, RequestOrigin, RequestScope, ServiceDeps } from "./services/types.js";

/** What identifies one call: the (account, region) partition, the caller, and its request id. */
export interface ContextRequest {
  scope: RequestScope;
  origin: RequestOrigin;
  /** Default: a new UUID. */
  requestId?: string;
}

/** The host URLs should name when the caller did not come over HTTP: the sandbox's own address. */
function ownHost(settings: ServiceDeps["settings"]): string {
  const host = settings.host === "0.0.0.0" || settings.host === "::" ? "127.0.0.1" : settings.host;
  return `${host.includes(":") ? `[${host}]` : host}:${settings.port}`;
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
    scope: req.scope,
    requestId: req.requestId ?? randomUUID(),
    origin: req.origin,
    host: http?.host ?? ownHost(deps.settings),
    headers: http?.headers ?? {},
  };
}
