/**
 * The sandbox server: one HTTP port for every service (PROTO-1), admin endpoints under
 * `/_iotdm/` (admin.ts), and the state (SQLite) under the data directory. The HTTP front
 * (front.ts) reads bodies only for requests the gateway accepted from their head.
 */
import { appendFileSync, mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createTcpServer, type Server as NetServer, type Socket } from "node:net";
import { join } from "node:path";
import { AdminApi, MAX_CLOCK_OFFSET_SECONDS } from "./admin.js";
import { BodyBudget } from "./body-budget.js";
import { sandboxCa } from "./ca.js";
import { Clock } from "./clock.js";
import { type ContextRequest, createOperationContext } from "./context.js";
import { EventBus } from "./events.js";
import { HttpFront, type ObservedExchange } from "./front.js";
import { MqttBroker } from "./mqtt/broker.js";
import { onFirstByte } from "./mqtt/transport.js";
import { Gateway } from "./protocol/gateway.js";
import { RequestLog } from "./request-log.js";
import { Scheduler } from "./scheduler.js";
import { SERVICES } from "./services/index.js";
import { ServiceRuntime } from "./services/runtime.js";
import type { OperationContext, ServiceDeps } from "./services/types.js";
import {
  defaultMqttPort,
  ensureAdminToken,
  failModeOf,
  isLoopbackHost,
  type SandboxSettings,
} from "./settings.js";
import { Checkpointer } from "./storage/checkpointer.js";
import { openDatabase, Store } from "./storage/store.js";
import { Throttle } from "./throttle.js";

/** Bodies held in memory at once (beyond it requests wait, then get throttled); one larger body is read alone. */
const BODY_BUDGET_BYTES = 64 * 1024 * 1024;
const BODY_BUDGET_WAIT_MS = 2000;

export class Sandbox {
  readonly store: Store;
  readonly clock: Clock;
  readonly events = new EventBus();
  /** In-memory state of the services (the fleet index), set up by their start hooks. */
  readonly runtime = new ServiceRuntime();
  /** Time-driven behaviour on the sandbox clock (timers persisted in the store). */
  readonly scheduler: Scheduler;
  readonly gateway: Gateway;
  readonly requestLog = new RequestLog();
  private server?: Server;
  /** The HTTP port's listener, sharing connections between HTTP and the broker. */
  private port?: NetServer;
  /** Its open connections, closed with the sandbox (the HTTP server only knows those it was handed). */
  private readonly portSockets = new Set<Socket>();
  private readonly throttle: Throttle;
  private readonly checkpointer: Checkpointer;
  /** What every service's start hook and every operation context get. */
  private readonly deps: ServiceDeps;
  private readonly front: HttpFront;
  readonly broker: MqttBroker;

  constructor(readonly settings: SandboxSettings) {
    if (!settings.auth && !isLoopbackHost(settings.host))
      throw new Error(`authentication cannot be off while listening on ${settings.host}`);
    mkdirSync(settings.dataDir, { recursive: true });
    sandboxCa(settings.dataDir);
    const dbFile = join(settings.dataDir, "state.db");
    this.store = new Store(openDatabase(dbFile), {
      groupCommit: true,
      onError: (e) => process.stderr.write(`iotdm sandbox: internal error after a commit: ${errorText(e)}\n`),
    });
    this.checkpointer = new Checkpointer(dbFile, this.store.db);
    this.clock = new Clock(this.storedClockOffset());
    this.throttle = new Throttle(
      () => this.settings.throttle,
      () => this.settings.failRate,
      () => failModeOf(this.settings),
    );
    this.scheduler = new Scheduler({
      store: this.store,
      clock: this.clock,
      context: (req) => this.operationContext(req),
      log: (message) => process.stderr.write(`${message}\n`),
    });
    this.deps = {
      store: this.store,
      events: this.events,
      clock: this.clock,
      settings: this.settings,
      runtime: this.runtime,
      scheduler: this.scheduler,
    };
    for (const service of SERVICES) service.start?.(this.deps);
    this.gateway = new Gateway(SERVICES, {
      secretFor: (k) => (k === settings.accessKeyId ? settings.secretAccessKey : undefined),
      accountFor: () => settings.accountId,
      defaultRegion: settings.region,
      auth: () => this.settings.auth,
      now: () => new Date(),
      presignedNow: () => this.clock.now(),
      admit: (service, op, scope) => this.throttle.admit(service, op, scope),
      context: (req) => this.operationContext(req),
      transaction: (fn) => this.store.transaction(fn),
      onInternalError: (e, op) =>
        process.stderr.write(`iotdm sandbox: internal error in ${op}: ${errorText(e)}\n`),
    });
    const record = recorder();
    this.front = new HttpFront({
      gateway: this.gateway,
      admin: new AdminApi(this, ensureAdminToken(settings.dataDir)),
      budget: new BodyBudget(BODY_BUDGET_BYTES, BODY_BUDGET_WAIT_MS),
      observe: (x) => {
        this.requestLog.add(x);
        record?.(x);
      },
      onCrash: (e) => process.stderr.write(`iotdm sandbox: ${errorText(e)}\n`),
      durable: () => this.store.durable(),
    });
    this.broker = new MqttBroker({
      settings,
      context: (req) => this.operationContext(req),
      events: this.events,
      topics: SERVICES.flatMap((service) => service.mqttTopics ?? []),
      log: (message) => process.stderr.write(`${message}\n`),
    });
    this.scheduler.start();
  }

  /**
   * The context an operation runs with, for any caller: the HTTP gateway uses it for every request,
   * and so will the MQTT broker (origin `mqtt`).
   */
  operationContext(req: ContextRequest): OperationContext {
    return createOperationContext(this.deps, req);
  }

  /** The persisted clock offset; one that is not a finite number of bounded size is repaired to 0. */
  private storedClockOffset(): number {
    const stored = this.store.getMeta("clockOffsetMs");
    if (stored === undefined) return 0;
    const offset = Number(stored);
    if (Number.isFinite(offset) && Math.abs(offset) <= MAX_CLOCK_OFFSET_SECONDS * 1000) return offset;
    process.stderr.write(
      `iotdm sandbox: the stored clock offset ${stored} is invalid; the clock starts at real time\n`,
    );
    this.store.setMeta("clockOffsetMs", "0");
    return 0;
  }

  /** Moves the sandbox clock; what is then due runs before this returns (so before the admin call answers). */
  advanceClock(seconds: number): void {
    this.clock.advance(seconds * 1000);
    this.store.setMeta("clockOffsetMs", String(this.clock.offset));
    this.scheduler.clockChanged();
  }

  clockReport(): { now: string; offsetSeconds: number } {
    return { now: this.clock.now().toISOString(), offsetSeconds: this.clock.offset / 1000 };
  }

  reset(): void {
    this.store.clear();
    this.clock.set(0);
    this.scheduler.clockChanged();
  }

  shutdown(): void {
    process.emit("SIGTERM");
  }

  /** Serves HTTP, then the MQTT broker; answers the HTTP port. */
  async listen(): Promise<number> {
    const port = await this.listenHttp();
    await this.listenMqtt(port);
    return port;
  }

  /** The broker's port: the one asked for, else the HTTP port + 1 when free, else any free one. */
  private async listenMqtt(httpPort: number): Promise<void> {
    const { mqttPort, host } = this.settings;
    if (mqttPort !== undefined) {
      await this.broker.listen(mqttPort, host);
      return;
    }
    try {
      await this.broker.listen(defaultMqttPort(httpPort), host);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EADDRINUSE") throw e;
      await this.broker.listen(0, host);
    }
  }

  /**
   * The HTTP port also takes the broker's connections, as AWS's data endpoint serves HTTPS and
   * MQTT on one port (PROTO-20/21: DescribeEndpoint's address reaches the broker): a connection
   * opening with a TLS ClientHello or an MQTT CONNECT goes to the broker, any other is HTTP.
   */
  private listenHttp(): Promise<number> {
    const http = createServer((req, res) => void this.front.serve(req, res));
    this.server = http;
    // Authentication and limits are checked before a client is told to send its body.
    http.on("checkContinue", (req, res) => void this.front.serve(req, res, true));
    http.keepAliveTimeout = 65_000;
    const port = createTcpServer((socket) => {
      this.portSockets.add(socket);
      socket.once("close", () => this.portSockets.delete(socket));
      onFirstByte(socket, (first) => {
        if (this.broker.adopt(socket, first)) return;
        http.emit("connection", socket);
        socket.resume();
      });
    });
    this.port = port;
    return new Promise((resolve, reject) => {
      port.once("error", reject);
      port.listen(this.settings.port, this.settings.host, () => {
        const addr = port.address();
        resolve(typeof addr === "object" && addr ? addr.port : this.settings.port);
      });
    });
  }

  async close(): Promise<void> {
    this.scheduler.stop();
    await this.broker.close();
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    await new Promise<void>((resolve) => {
      if (!this.port) return resolve();
      this.port.close(() => resolve());
      for (const socket of this.portSockets) socket.destroy();
    });
    await this.checkpointer.stop();
    this.store.flush();
    this.store.db.pragma("wal_checkpoint(TRUNCATE)");
    this.store.close();
  }

  /** The broker's URL and, with mutual TLS, the CA file clients trust (IOTDM_MQTT_URL, IOTDM_CA_FILE). */
  mqttStatus(): { port: number; url: string; caFile?: string } | undefined {
    const { port, url } = this.broker;
    if (port === undefined || url === undefined) return undefined;
    return this.settings.auth
      ? { port, url, caFile: sandboxCa(this.settings.dataDir).certificateFile }
      : { port, url };
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
      failMode: failModeOf(this.settings),
      clockOffsetSeconds: this.clock.offset / 1000,
      mqtt: this.mqttStatus(),
      implemented: this.gateway.implemented(),
    };
  }
}

const errorText = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e));

/** IOTDM_RECORD_DIR: tests record every answer for the conformance check against the AWS models. */
function recorder(): ((x: ObservedExchange) => void) | undefined {
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
