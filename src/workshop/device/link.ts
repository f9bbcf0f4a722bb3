/**
 * One simulated device's MQTT connection (mqtt.js over mutual TLS, client id = thing name, as the
 * device policy requires): publish, handlers by topic, and request/answer pairs of the reserved
 * topics (`<topic>` answered on `<topic>/accepted` or `<topic>/rejected`, matched by clientToken).
 */
import { randomUUID } from "node:crypto";
import { connect, type MqttClient } from "mqtt";
import type { MqttEndpoint } from "../../aws/mqtt-endpoint.js";
import type { DeviceCredentials } from "./credentials.js";

export interface Answer {
  accepted: boolean;
  body: Record<string, unknown>;
}

type Handler = (topic: string, payload: Buffer) => void;

/** A request nobody answers is given up after this long (the device then carries on). */
const ANSWER_TIMEOUT_MS = 30_000;

export class DeviceLink {
  private client?: MqttClient;
  private readonly handlers: Array<{ prefix: string; handle: Handler }> = [];
  private readonly waiting = new Map<string, (answer: Answer) => void>();

  constructor(readonly thingName: string) {}

  /** Connects once (no automatic reconnection: a refused device is reported, not retried forever). */
  connect(endpoint: MqttEndpoint, credentials: DeviceCredentials | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const client = connect(endpoint.url, {
        clientId: this.thingName,
        protocolVersion: 4,
        clean: true,
        keepalive: 60,
        reconnectPeriod: 0,
        connectTimeout: 30_000,
        ...(credentials ? { key: credentials.privateKeyPem, cert: credentials.certificatePem } : {}),
        ...(endpoint.caPem ? { ca: endpoint.caPem } : {}),
      });
      const fail = (e: Error) => {
        client.end(true);
        reject(e);
      };
      client.once("connect", () => {
        client.off("error", fail);
        client.off("close", closedEarly);
        this.client = client;
        resolve();
      });
      const closedEarly = () => fail(new Error(`the broker closed ${this.thingName}'s connection`));
      client.once("error", fail);
      client.once("close", closedEarly);
      client.on("message", (topic, payload) => this.dispatch(topic, payload));
    });
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  async subscribe(filters: string[]): Promise<void> {
    const granted = await this.need().subscribeAsync(filters, { qos: 1 });
    const refused = granted.filter((g) => g.qos === 128).map((g) => g.topic);
    if (refused.length > 0) throw new Error(`subscription refused: ${refused.join(", ")}`);
  }

  /** Messages on topics starting with `prefix` go to `handle`. */
  on(prefix: string, handle: Handler): void {
    this.handlers.push({ prefix, handle });
  }

  async publish(topic: string, body: unknown): Promise<void> {
    await this.need().publishAsync(topic, JSON.stringify(body), { qos: 1 });
  }

  /** Publishes a request with a new clientToken and waits for its accepted or rejected answer. */
  async request(topic: string, body: Record<string, unknown>): Promise<Answer | undefined> {
    const clientToken = randomUUID();
    const answered = new Promise<Answer | undefined>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(clientToken);
        resolve(undefined);
      }, ANSWER_TIMEOUT_MS);
      this.waiting.set(clientToken, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
    });
    await this.publish(topic, { ...body, clientToken });
    return answered;
  }

  async close(): Promise<void> {
    for (const resolve of this.waiting.values()) resolve({ accepted: false, body: { code: "Disconnected" } });
    this.waiting.clear();
    await this.client?.endAsync();
  }

  private dispatch(topic: string, payload: Buffer): void {
    const outcome = /\/(accepted|rejected)$/.exec(topic)?.[1];
    if (outcome) {
      const body = parseObject(payload);
      const token = typeof body.clientToken === "string" ? body.clientToken : undefined;
      const waiter = token === undefined ? undefined : this.waiting.get(token);
      if (waiter && token !== undefined) {
        this.waiting.delete(token);
        waiter({ accepted: outcome === "accepted", body });
        return;
      }
    }
    for (const h of this.handlers) if (topic.startsWith(h.prefix)) h.handle(topic, payload);
  }

  private need(): MqttClient {
    if (!this.client) throw new Error(`${this.thingName} is not connected`);
    return this.client;
  }
}

export function parseObject(payload: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(payload.toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
