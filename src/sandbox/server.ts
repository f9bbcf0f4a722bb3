/**
 * The sandbox server: one HTTP port for every service (PROTO-1), admin endpoints under
 * `/_iotdm/`, and the state (SQLite) under the data directory.
 */
import { randomUUID } from "node:crypto";
import { appendFileSync, mkdirSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join } from "node:path";
import { Clock } from "./clock.js";
import { EventBus } from "./events.js";
import { Gateway, type GatewayHooks } from "./protocol/gateway.js";
import type { RawResponse } from "./protocol/http-bindings.js";
import { SERVICES } from "./services/index.js";
import { ServiceRuntime } from "./services/runtime.js";
import type { OperationContext, ServiceDeps } from "./services/types.js";
import { isFailMode, type SandboxSettings } from "./settings.js";
import { Checkpointer } from "./storage/checkpointer.js";
import { openDatabase, Store } from "./storage/store.js";
import { Throttle } from "./throttle.js";

/** Largest request body accepted (S3 single PUT is 5 GB on AWS; the sandbox keeps objects in SQLite). */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

export class Sandbox {
  readonly store: Store;
  readonly clock: Clock;
  readonly events = new EventBus();
  /** In-memory state of the services (the fleet index), set up by their start hooks. */
  readonly runtime = new ServiceRuntime();
  readonly gateway: Gateway;
  private server?: Server;
  private readonly throttle: Throttle;
  private readonly checkpointer: Checkpointer;
  /** What every service's start hook and every operation context get. */
  private readonly deps: ServiceDeps;

  constructor(readonly settings: SandboxSettings) {
    mkdirSync(settings.dataDir, { recursive: true });
    const dbFile = join(settings.dataDir, "state.db");
    this.store = new Store(openDatabase(dbFile));
    this.checkpointer = new Checkpointer(dbFile, this.store.db);
    this.clock = new Clock(Number(this.store.getMeta("clockOffsetMs") ?? 0));
    this.throttle = new Throttle(
      () => this.settings.throttle,
      () => this.settings.failRate,
      () => this.settings.failMode ?? "before",
    );
    this.deps = {
      store: this.store,
      events: this.events,
      clock: this.clock,
      settings: this.settings,
      runtime: this.runtime,
    };
    for (const service of SERVICES) service.start?.(this.deps);
    this.gateway = new Gateway(SERVICES, {
      secretFor: (k) => (k === settings.accessKeyId ? settings.secretAccessKey : undefined),
      accountFor: () => settings.accountId,
      defaultRegion: settings.region,
      auth: () => this.settings.auth,
      now: () => new Date(),
      admit: (service, op, scope) => this.throttle.admit(service, op, scope),
      context: (base) => this.context(base),
      transaction: (fn) => this.store.transaction(fn),
      record: recorder(),
      onInternalError: (e, op) => {
        process.stderr.write(
          `iotdm sandbox: internal error in ${op}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
        );
      },
    });
  }

  private context(
    base: Pick<OperationContext, "scope" | "requestId" | "host" | "headers">,
  ): OperationContext {
    return { ...base, ...this.deps };
  }

  advanceClock(seconds: number): void {
    this.clock.advance(seconds * 1000);
    this.store.setMeta("clockOffsetMs", String(this.clock.offset));
  }

  reset(): void {
    this.store.transaction(() => {
      for (const t of ["docs", "links", "blobs", "meta"]) this.store.db.exec(`DELETE FROM ${t}`);
    });
    this.clock.set(0);
  }

  listen(): Promise<number> {
    this.server = createServer((req, res) => this.onRequest(req, res));
    this.server.keepAliveTimeout = 65_000;
    return new Promise((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(this.settings.port, this.settings.host, () => {
        const addr = this.server!.address();
        resolve(typeof addr === "object" && addr ? addr.port : this.settings.port);
      });
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    await this.checkpointer.stop();
    this.store.db.pragma("wal_checkpoint(TRUNCATE)");
    this.store.close();
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(c);
    });
    req.on("end", () => {
      if (tooLarge)
        return send(
          res,
          { status: 413, headers: { "content-type": "text/plain" }, body: "Request body too large" },
          req.method,
        );
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      const rawPath = q < 0 ? url : url.slice(0, q);
      const rawQuery = q < 0 ? "" : url.slice(q + 1);
      const body = Buffer.concat(chunks);
      let out: RawResponse;
      try {
        out = rawPath.startsWith("/_iotdm/")
          ? this.admin(req.method ?? "GET", rawPath, body)
          : this.gateway.handle({
              method: req.method ?? "GET",
              rawPath,
              rawQuery,
              headers: req.headers,
              body,
            });
      } catch (e) {
        process.stderr.write(`iotdm sandbox: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        out = {
          status: 500,
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ message: "internal error" }),
        };
      }
      send(res, out, req.method);
    });
    req.on("error", () => res.destroy());
  }

  private admin(method: string, path: string, body: Buffer): RawResponse {
    const json = (status: number, value: unknown): RawResponse => ({
      status,
      headers: { "content-type": "application/json", "x-amzn-requestid": randomUUID() },
      body: JSON.stringify(value),
    });
    let payload: Record<string, unknown> = {};
    try {
      payload = body.length > 0 ? (JSON.parse(body.toString("utf8")) as Record<string, unknown>) : {};
    } catch {
      return json(400, { message: "admin requests take a JSON body" });
    }
    if (path === "/_iotdm/health" && method === "GET") return json(200, this.status());
    if (path === "/_iotdm/clock" && method === "POST") {
      if (typeof payload.advanceSeconds === "number") this.advanceClock(payload.advanceSeconds);
      return json(200, { now: this.clock.now().toISOString(), offsetSeconds: this.clock.offset / 1000 });
    }
    if (path === "/_iotdm/config" && method === "POST") {
      if (payload.throttle === "aws" || payload.throttle === "off") this.settings.throttle = payload.throttle;
      if (typeof payload.failRate === "number" && payload.failRate >= 0 && payload.failRate <= 1)
        this.settings.failRate = payload.failRate;
      if (isFailMode(payload.failMode)) this.settings.failMode = payload.failMode;
      if (typeof payload.auth === "boolean") this.settings.auth = payload.auth;
      return json(200, this.status());
    }
    if (path === "/_iotdm/reset" && method === "POST") {
      this.reset();
      return json(200, { reset: true });
    }
    if (path === "/_iotdm/shutdown" && method === "POST") {
      setImmediate(() => process.emit("SIGTERM"));
      return json(200, { stopping: true });
    }
    return json(404, { message: `unknown admin endpoint ${method} ${path}` });
  }

  status() {
    return {
      status: "running",
      pid: process.pid,
      port: this.settings.port,
      host: this.settings.host,
      dataDir: this.settings.dataDir,
      accountId: this.settings.accountId,
      region: this.settings.region,
      auth: this.settings.auth,
      throttle: this.settings.throttle,
      failRate: this.settings.failRate,
      failMode: this.settings.failMode ?? "before",
      clockOffsetSeconds: this.clock.offset / 1000,
      implemented: this.gateway.implemented(),
    };
  }
}

/** IOTDM_RECORD_DIR: tests record every answer for the conformance check against the AWS models. */
function recorder(): GatewayHooks["record"] {
  const dir = process.env.IOTDM_RECORD_DIR;
  if (!dir) return undefined;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${process.pid}-${Date.now()}.jsonl`);
  return ({ service, operation, method, injected, response }) => {
    const type = response.headers["content-type"] ?? "";
    const textual = /json|xml/.test(type);
    const body = textual
      ? typeof response.body === "string"
        ? response.body
        : response.body.toString("utf8")
      : undefined;
    const entry = {
      service,
      operation,
      method,
      injected,
      status: response.status,
      headers: response.headers,
      body,
    };
    appendFileSync(file, `${JSON.stringify(entry)}\n`);
  };
}

function send(res: ServerResponse, out: RawResponse, method?: string): void {
  const body = typeof out.body === "string" ? Buffer.from(out.body, "utf8") : out.body;
  const headers: Record<string, string | number> = { ...out.headers };
  if (headers["content-length"] === undefined) headers["content-length"] = body.length;
  res.writeHead(out.status, headers);
  res.end(method === "HEAD" ? undefined : body);
}
