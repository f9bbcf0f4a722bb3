/**
 * The HTTP front of the sandbox: reads a request's body only once the gateway has accepted its
 * head (authentication, route, size), within the service's limit and the budget for bodies in
 * flight, into one buffer sized from Content-Length. Requests refused from their head are answered
 * at once; what the client still sends is discarded, and past a few megabytes the connection is
 * closed, so a refused body never costs memory.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { AdminApi } from "./admin.js";
import type { BodyBudget } from "./body-budget.js";
import type { Admission, Exchange, Outcome } from "./protocol/exchange.js";
import type { Gateway } from "./protocol/gateway.js";
import type { RawResponse } from "./protocol/http-bindings.js";

/** One answered API exchange, as the request log and the conformance recording see it. */
export interface ObservedExchange extends Exchange {
  time: Date;
  method: string;
  status: number;
  latencyMs: number;
  response: RawResponse;
}

export interface FrontDeps {
  gateway: Gateway;
  admin: AdminApi;
  budget: BodyBudget;
  observe(entry: ObservedExchange): void;
  onCrash(e: unknown): void;
  /** Settles once the changes made so far are committed (Store.durable): no answer comes before. */
  durable(): Promise<void> | undefined;
}

/** Bytes of a refused body read and discarded before the connection is closed. */
const DISCARD_BYTES = 4 * 1024 * 1024;
/** How long a connection whose body was refused stays open for its answer to be read. */
const LINGER_MS = 2000;

type BodyRead =
  { kind: "body"; body: Buffer } | { kind: "too-large"; bytes: number } | { kind: "overloaded" };

export class HttpFront {
  constructor(private readonly deps: FrontDeps) {}

  /** `expectContinue`: the client waits for `100 Continue` before it sends the body. */
  async serve(req: IncomingMessage, res: ServerResponse, expectContinue = false): Promise<void> {
    const started = performance.now();
    const time = new Date();
    req.on("error", () => res.destroy());
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const rawPath = q < 0 ? url : url.slice(0, q);
    const rawQuery = q < 0 ? "" : url.slice(q + 1);
    const method = req.method ?? "GET";
    try {
      if (rawPath.startsWith("/_iotdm/")) {
        await this.serveAdmin(req, res, method, rawPath, rawQuery, expectContinue);
        return;
      }
      const admission = this.deps.gateway.begin({ method, rawPath, rawQuery, headers: req.headers });
      const outcome = await this.run(req, res, admission, expectContinue);
      if (!outcome) return;
      const { response, exchange } = outcome;
      await this.deps.durable();
      res.once("finish", () =>
        this.deps.observe({
          ...exchange,
          time,
          method,
          status: response.status,
          latencyMs: performance.now() - started,
          response,
        }),
      );
      send(res, response, method);
    } catch (e) {
      this.deps.onCrash(e);
      if (!res.headersSent) {
        const body = JSON.stringify({ message: "internal error" });
        send(res, { status: 500, headers: { "content-type": "application/json" }, body }, method);
      } else res.destroy();
    }
  }

  /** The outcome to send; undefined when the client went away. */
  private async run(
    req: IncomingMessage,
    res: ServerResponse,
    admission: Admission,
    expectContinue: boolean,
  ): Promise<Outcome | undefined> {
    if (admission.kind === "answer") return refuse(req, res, admission.outcome, expectContinue);
    const declared = declaredLength(req);
    if (declared === 0) return admission.finish(EMPTY);
    if (declared !== undefined && declared > admission.maxBytes)
      return refuse(req, res, admission.tooLarge(declared), expectContinue);
    const budget = this.deps.budget;
    let closed = false;
    let held: number | undefined;
    res.once("close", () => {
      closed = true;
      if (held !== undefined) budget.release(held);
    });
    if (!(await budget.reserve(declared ?? 0)))
      return refuse(req, res, admission.overloaded(), expectContinue);
    if (closed) {
      budget.release(declared ?? 0);
      return undefined;
    }
    held = declared ?? 0;
    if (expectContinue) res.writeContinue();
    const read = await readBody(req, declared, admission.maxBytes, (n) => {
      if (!budget.grow(n)) return false;
      held = (held ?? 0) + n;
      return true;
    });
    if (read === undefined) return undefined;
    if (read.kind === "too-large") return refuse(req, res, admission.tooLarge(read.bytes), false);
    if (read.kind === "overloaded") return refuse(req, res, admission.overloaded(), false);
    return admission.finish(read.body);
  }

  private async serveAdmin(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    path: string,
    rawQuery: string,
    expectContinue: boolean,
  ): Promise<void> {
    const admin = this.deps.admin;
    const refused = admin.refuse(method, path, req.headers);
    if (refused) {
      send(res, refuse(req, res, { response: refused }, expectContinue).response, method);
      return;
    }
    if (expectContinue) res.writeContinue();
    const declared = declaredLength(req);
    const read =
      declared === 0
        ? { kind: "body" as const, body: EMPTY }
        : await readBody(req, declared, admin.maxBodyBytes);
    if (read === undefined) return;
    if (read.kind !== "body") {
      send(res, refuse(req, res, { response: admin.tooLarge() }, false).response, method);
      return;
    }
    const answer = await admin.handle(method, path, new URLSearchParams(rawQuery), read.body);
    await this.deps.durable();
    send(res, answer, method);
  }
}

const EMPTY = Buffer.alloc(0);

/** Content-Length, 0 for a request without body, undefined when the length is not known (chunked). */
function declaredLength(req: IncomingMessage): number | undefined {
  const length = req.headers["content-length"];
  if (length !== undefined) return Number(length);
  return req.headers["transfer-encoding"] === undefined ? 0 : undefined;
}

/**
 * Reads the body into one buffer (sized from Content-Length when declared). `grow` asks the budget
 * for each chunk of a body of unknown length. Undefined when the client went away.
 */
function readBody(
  req: IncomingMessage,
  declared: number | undefined,
  max: number,
  grow: (bytes: number) => boolean = () => true,
): Promise<BodyRead | undefined> {
  return new Promise((resolve) => {
    const buffer = declared !== undefined ? Buffer.allocUnsafe(declared) : undefined;
    const parts: Buffer[] = [];
    let size = 0;
    const done = (result: BodyRead | undefined) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("close", onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      const next = size + chunk.length;
      if (next > max || (buffer && next > buffer.length)) return done({ kind: "too-large", bytes: next });
      if (buffer) chunk.copy(buffer, size);
      else if (grow(chunk.length)) parts.push(chunk);
      else return done({ kind: "overloaded" });
      size = next;
    };
    const onEnd = () =>
      done({ kind: "body", body: buffer ? buffer.subarray(0, size) : Buffer.concat(parts, size) });
    const onClose = () => done(undefined);
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("close", onClose);
  });
}

/**
 * An answer given before (or instead of) reading the body. What the client still sends is read and
 * discarded; past DISCARD_BYTES, or when Node closes the connection itself (`Connection: close`),
 * the connection lingers: our side ends after the answer, and it is closed once the client has
 * closed too or LINGER_MS passed. Closing at once, with unread data, would reset the connection
 * and could destroy the answer before the client reads it.
 * A client that waits for `100 Continue` gets `Connection: close` (it will not send the body).
 */
function refuse<T extends { response: RawResponse }>(
  req: IncomingMessage,
  res: ServerResponse,
  outcome: T,
  expectContinue: boolean,
): T {
  if (req.complete) return outcome;
  if (expectContinue) {
    outcome.response.headers.connection = "close";
    return outcome;
  }
  const socket = req.socket;
  const linger = () => lingerThenClose(socket);
  socket.destroySoon = linger;
  let discarded = 0;
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded <= DISCARD_BYTES) return;
    if (res.writableFinished) linger();
    else res.once("finish", linger);
  });
  req.resume();
  return outcome;
}

const lingering = new WeakSet<Socket>();

function lingerThenClose(socket: Socket): void {
  if (lingering.has(socket)) return;
  lingering.add(socket);
  if (socket.writable) socket.end();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("end", () => socket.destroy());
  socket.once("close", () => clearTimeout(timer));
}

function send(res: ServerResponse, out: RawResponse, method?: string): void {
  if (res.headersSent || res.destroyed) return;
  const body = typeof out.body === "string" ? Buffer.from(out.body, "utf8") : out.body;
  const headers: Record<string, string | number> = { ...out.headers };
  if (headers["content-length"] === undefined) headers["content-length"] = body.length;
  res.writeHead(out.status, headers);
  res.end(method === "HEAD" ? undefined : body);
}
