/**
 * How the sandbox's device services answer on reserved MQTT topics (shadows SHD-20, jobs JOB-30):
 * one `mqtt.publish` event per message, which the broker delivers once the transaction commits
 * (events.ts). Shared by iot-data and iot-jobs-data so both speak to the broker one way.
 */
import type { EventBus } from "../../events.js";
import type { OperationContext } from "../types.js";

/** `<account>:<region>`, the scope of events and of the broker that delivers them. */
export const eventScope = (ctx: Pick<OperationContext, "scope">): string =>
  `${ctx.scope.accountId}:${ctx.scope.region}`;

/**
 * Publishes `body` as JSON on `topic`. QoS 1: the broker hands each subscriber the lower of this
 * and the QoS it subscribed with, so a QoS 0 subscriber gets QoS 0 and a QoS 1 one gets 1 (MQTT-2).
 * `requester`: the client the message answers, which gets it even without a subscription (JOB-30).
 */
export function publishJson(
  events: EventBus,
  scope: string,
  topic: string,
  body: object,
  requester?: string,
): void {
  events.emit({
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
