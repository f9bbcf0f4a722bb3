/**
 * For the reserved-topic tests (mqtt-shadow*, mqtt-jobs*): a client whose every message is kept in
 * arrival order, so a test takes the next one on a topic filter whether it came before or after the
 * test asked, and can tell that a message did NOT come by taking a later one first (the broker
 * delivers one client's messages in order: a sync point, not a sleep).
 */
import type { IClientOptions, MqttClient } from "mqtt";
import { connectMqtt, matches } from "../helpers/mqtt.js";

export interface Message {
  topic: string;
  /** The payload parsed as JSON. */
  body: Record<string, unknown>;
  qos: number;
}

/** Service messages are JSON; anything else (a client's own request echoed back) is kept as `{raw}`. */
function parseBody(payload: Buffer): Record<string, unknown> {
  try {
    return JSON.parse(payload.toString("utf8")) as Record<string, unknown>;
  } catch {
    return { raw: payload.toString("utf8") };
  }
}

interface Waiter {
  filters: string[];
  resolve: (m: Message) => void;
}

export class Device {
  private readonly inbox: Message[] = [];
  private readonly waiters: Waiter[] = [];

  private constructor(readonly client: MqttClient) {
    client.on("message", (topic, payload, packet) => {
      const m: Message = { topic, body: parseBody(payload), qos: packet.qos };
      const i = this.waiters.findIndex((w) => w.filters.some((f) => matches(f, topic)));
      if (i >= 0) this.waiters.splice(i, 1)[0].resolve(m);
      else this.inbox.push(m);
    });
  }

  static async connect(url: string, clientId: string, options: IClientOptions = {}): Promise<Device> {
    return new Device(await connectMqtt(url, { ...options, clientId }));
  }

  async subscribe(...filters: string[]): Promise<void> {
    await this.client.subscribeAsync(filters, { qos: 1 });
  }

  /** The next unread message on one of `filter`; a guard (not a timing assertion) fails the test if none comes. */
  next(filter: string | string[]): Promise<Message> {
    const filters = typeof filter === "string" ? [filter] : filter;
    const i = this.inbox.findIndex((m) => filters.some((f) => matches(f, m.topic)));
    if (i >= 0) return Promise.resolve(this.inbox.splice(i, 1)[0]);
    return new Promise((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`no message on ${filters.join(" or ")}`)), 15_000);
      this.waiters.push({
        filters,
        resolve: (m) => {
          clearTimeout(guard);
          resolve(m);
        },
      });
    });
  }

  /** Unread messages on `filter` (after a sync point: everything sent before it has arrived). */
  unread(filter: string): Message[] {
    return this.inbox.filter((m) => matches(filter, m.topic));
  }

  /** Publishes `payload` (JSON-encoded unless a string or Buffer) on `topic`, QoS 1. */
  async publish(topic: string, payload: unknown = ""): Promise<void> {
    const raw = typeof payload === "string" || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);
    await this.client.publishAsync(topic, raw, { qos: 1 });
  }

  /** Publishes and answers the first message on `<topic>/accepted` or `<topic>/rejected`. */
  async request(topic: string, payload: unknown = ""): Promise<Message> {
    await this.publish(topic, payload);
    return this.next([`${topic}/accepted`, `${topic}/rejected`]);
  }

  end(): Promise<void> {
    return this.client.endAsync();
  }
}
