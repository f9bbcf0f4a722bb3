/**
 * What the broker lets a connected client do: AWS IoT's message broker limits
 * (https://docs.aws.amazon.com/general/latest/gr/iot-core.html#message-broker-limits, MQTT-1)
 * for every client, and, with authentication on, the connection's IoT policies
 * (https://docs.aws.amazon.com/iot/latest/developerguide/iot-policy-actions.html) through
 * `decide`. Refusals as AWS IoT makes them over MQTT 3.1.1, which has no failure code for a
 * PUBLISH: a refused PUBLISH closes the connection; a refused SUBSCRIBE filter gets the SUBACK
 * failure code 0x80 and the connection stays; a message the client may not receive is dropped
 * for that client only.
 */
import type { AedesOptions, Client } from "aedes";
import { MAX_PUBLISH_PAYLOAD_BYTES, topicFilterProblem, topicNameProblem } from "../../common/mqtt-topics.js";
import type { MqttAction, MqttPrincipal } from "../services/iot/security/mqtt-authorization.js";
import type { Decision } from "../services/iot/security/policy-engine.js";
import type { DisconnectReason } from "./presence.js";

/** AWS IoT: at most 8 filters in one SUBSCRIBE; the sandbox closes a connection that sends more (assumption, see report). */
export const MAX_FILTERS_PER_SUBSCRIBE = 8;
/** AWS IoT: at most 50 subscriptions per connection; a filter past it gets SUBACK 0x80. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 50;
/** AWS IoT: client ids are at most 128 bytes. */
export const MAX_CLIENT_ID_BYTES = 128;
/** AWS IoT's keep-alive bounds, in seconds (message broker limits). */
export const KEEP_ALIVE_SECONDS = { min: 30, max: 1200 } as const;

/**
 * The keep-alive AWS IoT applies for the one a CONNECT asks (message broker limits): less than
 * 30 s counts as 30, more than 1,200 as 1,200, and 0 (none) as the default 1,200, so a silent
 * client is dropped after 1.5 times that either way.
 */
export function keepAliveApplied(requested: number): number {
  if (requested === 0) return KEEP_ALIVE_SECONDS.max;
  return Math.min(KEEP_ALIVE_SECONDS.max, Math.max(KEEP_ALIVE_SECONDS.min, requested));
}

export interface GuardDeps {
  /** Whether policies are enforced (false in `--no-auth` mode: limits only). */
  auth: boolean;
  decide(principal: MqttPrincipal, action: MqttAction, name: string): Decision;
  /** Records why the broker is about to close a client's connection. */
  closing(client: Client, reason: DisconnectReason): void;
}

type Packet = { cmd: string; subscriptions?: unknown[] };
type Hook<K extends keyof AedesOptions> = NonNullable<AedesOptions[K]>;

export class ClientGuard {
  private readonly principals = new WeakMap<Client, MqttPrincipal>();
  /** Filters granted per client (the 50-per-connection quota). */
  private readonly granted = new WeakMap<Client, Set<string>>();
  /** Clients being closed for a protocol violation: nothing more of theirs is authorized. */
  private readonly refused = new WeakSet<Client>();

  constructor(private readonly deps: GuardDeps) {}

  /**
   * Called before the CONNECT is handled: remembers the principal, and watches the client's
   * packets for an oversized SUBSCRIBE (aedes authorizes filters one by one, never the packet).
   */
  admit(client: Client, principal: MqttPrincipal | undefined): void {
    if (principal) this.principals.set(client, principal);
    const parser = (client as unknown as { _parser?: NodeJS.EventEmitter })._parser;
    parser?.prependListener("packet", (packet: Packet) => {
      if (packet.cmd === "subscribe" && (packet.subscriptions?.length ?? 0) > MAX_FILTERS_PER_SUBSCRIBE)
        this.refuse(client, "CLIENT_ERROR");
    });
  }

  principalOf(client: Client): MqttPrincipal | undefined {
    return this.principals.get(client);
  }

  /** Policies decide for authenticated connections only; without a principal nothing is allowed. */
  private allows(client: Client, action: MqttAction, name: string): boolean {
    if (!this.deps.auth) return true;
    const principal = this.principals.get(client);
    return principal !== undefined && this.deps.decide(principal, action, name) === "Allow";
  }

  private refuse(client: Client, reason: DisconnectReason): void {
    this.refused.add(client);
    this.deps.closing(client, reason);
    client.conn.destroy();
  }

  readonly authorizePublish: Hook<"authorizePublish"> = (client, packet, done) => {
    // The broker's own publications (no client) are the services' answers: not a device's request.
    if (!client) return done(null);
    if (this.refused.has(client)) return done(new Error("connection refused"));
    // Payload over the quota: CLIENT_ERROR, life-cycle-events.html's own example.
    const problem =
      packet.payload.length > MAX_PUBLISH_PAYLOAD_BYTES
        ? `payload larger than ${MAX_PUBLISH_PAYLOAD_BYTES} bytes`
        : topicNameProblem(packet.topic);
    if (problem) {
      this.deps.closing(client, "CLIENT_ERROR");
      return done(new Error(problem));
    }
    if (!this.allows(client, "iot:Publish", packet.topic)) {
      this.deps.closing(client, "AUTH_ERROR");
      return done(new Error(`iot:Publish denied on ${packet.topic}`));
    }
    done(null);
  };

  readonly authorizeSubscribe: Hook<"authorizeSubscribe"> = (client, sub, done) => {
    if (this.refused.has(client)) return done(new Error("connection refused"));
    const granted = this.granted.get(client) ?? new Set<string>();
    const fails =
      topicFilterProblem(sub.topic) !== undefined ||
      (!granted.has(sub.topic) && granted.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION) ||
      !this.allows(client, "iot:Subscribe", sub.topic);
    // aedes answers a null subscription with SUBACK 0x80 for that filter (MQTT 3.1.1 section 3.9.3).
    if (fails) return done(null, null);
    granted.add(sub.topic);
    this.granted.set(client, granted);
    done(null, sub);
  };

  readonly authorizeForward: Hook<"authorizeForward"> = (client, packet) =>
    this.allows(client, "iot:Receive", packet.topic) ? packet : null;

  unsubscribed(client: Client, filters: string[]): void {
    const granted = this.granted.get(client);
    for (const filter of filters) granted?.delete(filter);
  }
}
