/**
 * How the sandbox's device services answer on reserved MQTT topics (shadows SHD-20, jobs JOB-30):
 * one `mqtt.publish` event per message, which the broker delivers once the transaction commits
 * (events.ts). Shared by iot-data and iot-jobs-data so both speak to the broker one way.
 */
import { runtimeSlot, type ServiceRuntime } from "../runtime.js";
import type { MqttRequest, OperationContext } from "../types.js";

/**
 * Who could receive a message: the broker answers whether any subscription matches a topic, so
 * that a message nobody subscribed to is not built nor published (a 10,000-thing job queues 20,000
 * notifications; a fleet's shadow updates three messages each). Provided by the broker (mqtt/broker.ts).
 */
export interface MqttAudience {
  /** False only when no subscription can match `topic`. */
  reaches(topic: string): boolean;
}

export const MQTT_AUDIENCE = runtimeSlot<MqttAudience>("mqtt.audience");

const EVERYONE: MqttAudience = { reaches: () => true };

/**
 * The services' reserved-topic handlers, as the broker runs them for a client's publish: the HTTP
 * `Publish` hands them a message on `$aws/...` too (a shadow update or a command response sent over
 * HTTPS works as over MQTT). Provided by the broker (mqtt/broker.ts); absent without one.
 */
export interface ReservedTopicDispatch {
  /** Runs the handler of the topic in the current transaction; false when none answers it. */
  dispatch(request: MqttRequest): boolean;
}

export const RESERVED_TOPICS = runtimeSlot<ReservedTopicDispatch>("mqtt.reserved-topics");

/** The broker's audience; without a broker (a runtime built for a unit test), everyone. */
export function audienceOf(runtime: ServiceRuntime): MqttAudience {
  return runtime.has(MQTT_AUDIENCE) ? runtime.get(MQTT_AUDIENCE) : EVERYONE;
}

/** `<account>:<region>`, the scope of events and of the broker that delivers them. */
export const eventScope = (ctx: Pick<OperationContext, "scope">): string =>
  `${ctx.scope.accountId}:${ctx.scope.region}`;

/**
 * Publishes `body` as JSON on `topic`. QoS 1: the broker hands each subscriber the lower of this
 * and the QoS it subscribed with, so a QoS 0 subscriber gets QoS 0 and a QoS 1 one gets 1 (MQTT-2).
 * `requester`: the client the message answers, which gets it even without a subscription (JOB-30);
 * a message without one is dropped when no subscription matches its topic.
 */
export function publishJson(
  deps: Pick<OperationContext, "events" | "runtime">,
  scope: string,
  topic: string,
  body: object,
  requester?: string,
): void {
  if (requester === undefined && !audienceOf(deps.runtime).reaches(topic)) return;
  deps.events.emit({
    type: "mqtt.publish",
    scope,
    topic,
    payload: Buffer.from(JSON.stringify(body), "utf8"),
    qos: 1,
    retain: false,
    ...(requester === undefined ? {} : { requester }),
  });
}

export type JsonPayload = { ok: true; value: Record<string, unknown> } | { ok: false };

/** A request payload as a JSON object; an empty payload is `{}` (a `get` needs no body). */
export function parseJsonPayload(payload: Buffer): JsonPayload {
  if (payload.length === 0) return { ok: true, value: {} };
  try {
    const value: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(payload));
    if (typeof value === "object" && value !== null && !Array.isArray(value))
      return { ok: true, value: value as Record<string, unknown> };
  } catch {
    // not UTF-8 or not JSON: answered below as not a JSON object
  }
  return { ok: false };
}

/** The request's `clientToken`, echoed in every answer when it is a string. */
export const clientTokenOf = (request: Record<string, unknown> | undefined): string | undefined =>
  typeof request?.["clientToken"] === "string" ? request["clientToken"] : undefined;
