/**
 * AWS IoT's lifecycle events for every client of the broker
 * (https://docs.aws.amazon.com/iot/latest/developerguide/life-cycle-events.html): a message on
 * `$aws/events/presence/connected/<clientId>` when a session opens and on
 * `.../disconnected/<clientId>` when it closes (with the reason), and
 * `$aws/events/subscriptions/subscribed|unsubscribed/<clientId>` for (un)subscriptions; and,
 * for a client whose id is a thing's name, the `thing.connected` / `thing.disconnected` events
 * that connectivity.ts stores and fleet indexing follows (IDX-5).
 */
import { randomUUID } from "node:crypto";
import type { Client } from "aedes";
import type { EventBus } from "../events.js";

/** AWS's disconnect reasons the sandbox broker produces (DisconnectReasonValue in the IoT model). */
export type DisconnectReason =
  | "AUTH_ERROR"
  | "CLIENT_INITIATED_DISCONNECT"
  | "CLIENT_ERROR"
  | "CONNECTION_LOST"
  | "DUPLICATE_CLIENTID"
  | "MQTT_KEEP_ALIVE_TIMEOUT"
  | "SERVER_INITIATED_DISCONNECT";

export interface PresenceDeps {
  events: EventBus;
  /** `<account>:<region>` of the broker. */
  scope: string;
  /** Epoch milliseconds on the sandbox clock. */
  now: () => number;
  /** Whether a thing has this name (its connectivity is then indexed). */
  isThing: (name: string) => boolean;
}

interface Session {
  sessionIdentifier: string;
  principalIdentifier: string;
  ipAddress?: string;
  versionNumber: number;
  reason?: DisconnectReason;
}

export class Presence {
  private readonly sessions = new WeakMap<Client, Session>();
  /** Per client id, the version of its last connection (monotonic, as AWS's `versionNumber`). */
  private readonly versions = new Map<string, number>();

  constructor(private readonly deps: PresenceDeps) {}

  connected(client: Client, principalIdentifier: string, ipAddress: string | undefined): void {
    const versionNumber = (this.versions.get(client.id) ?? -1) + 1;
    this.versions.set(client.id, versionNumber);
    const session: Session = {
      sessionIdentifier: randomUUID().replaceAll("-", ""),
      principalIdentifier,
      versionNumber,
    };
    if (ipAddress !== undefined) session.ipAddress = ipAddress;
    this.sessions.set(client, session);
    const timestamp = this.deps.now();
    this.publish(`$aws/events/presence/connected/${client.id}`, {
      clientId: client.id,
      timestamp,
      eventType: "connected",
      sessionIdentifier: session.sessionIdentifier,
      principalIdentifier,
      ipAddress: session.ipAddress,
      versionNumber,
    });
    if (this.deps.isThing(client.id))
      this.deps.events.emit({
        type: "thing.connected",
        scope: this.deps.scope,
        thingName: client.id,
        timestamp,
      });
  }

  /** Why the broker is about to close the client's connection (the first reason given wins). */
  closing(client: Client, reason: DisconnectReason): void {
    const session = this.sessions.get(client);
    if (session && session.reason === undefined) session.reason = reason;
  }

  disconnected(client: Client): void {
    const session = this.sessions.get(client);
    if (!session) return;
    this.sessions.delete(client);
    // aedes marks a client that sent DISCONNECT ([MQTT-3.14.4]); any other close the broker did not cause is a lost connection.
    const clientInitiated = (client as unknown as { _disconnected?: boolean })._disconnected === true;
    const disconnectReason =
      session.reason ?? (clientInitiated ? "CLIENT_INITIATED_DISCONNECT" : "CONNECTION_LOST");
    const timestamp = this.deps.now();
    this.publish(`$aws/events/presence/disconnected/${client.id}`, {
      clientId: client.id,
      timestamp,
      eventType: "disconnected",
      clientInitiatedDisconnect: disconnectReason === "CLIENT_INITIATED_DISCONNECT",
      sessionIdentifier: session.sessionIdentifier,
      principalIdentifier: session.principalIdentifier,
      disconnectReason,
      versionNumber: session.versionNumber,
    });
    if (this.deps.isThing(client.id))
      this.deps.events.emit({
        type: "thing.disconnected",
        scope: this.deps.scope,
        thingName: client.id,
        timestamp,
        disconnectReason,
      });
  }

  /** `subscribed` / `unsubscribed` events with the filters concerned. */
  subscriptions(client: Client, eventType: "subscribed" | "unsubscribed", topics: string[]): void {
    const session = this.sessions.get(client);
    if (!session || topics.length === 0) return;
    this.publish(`$aws/events/subscriptions/${eventType}/${client.id}`, {
      clientId: client.id,
      timestamp: this.deps.now(),
      eventType,
      sessionIdentifier: session.sessionIdentifier,
      principalIdentifier: session.principalIdentifier,
      topics,
    });
  }

  private publish(topic: string, event: object): void {
    this.deps.events.emit({
      type: "mqtt.publish",
      scope: this.deps.scope,
      topic,
      payload: Buffer.from(JSON.stringify(event)),
      qos: 0,
      retain: false,
    });
  }
}
