/**
 * `Publish` (POST /topics/{topic}, MQTT-1): validates the topic, payload and MQTT 5 properties
 * and hands the message to the sandbox broker. Not registered yet: the event bus has no
 * `mqtt.publish` event, so the operation is built by `definePublish(deliver)` once it has one.
 */
import { MAX_PUBLISH_PAYLOAD_BYTES, topicNameProblem } from "../../../common/mqtt-topics.js";
import type { SandboxEvent } from "../../events.js";
import type { PublishRequest } from "@aws-sdk/client-iot-data-plane";
import { ServiceError } from "../../errors.js";
import { oneOf, range } from "../../protocol/validate.js";
import { defineOperation, type OperationContext, type OperationDefinition } from "../types.js";

export { MAX_PUBLISH_PAYLOAD_BYTES };

/** What the broker receives: the `mqtt.publish` event without its `type` and `scope`. */
export type PublishedMessage = Omit<Extract<SandboxEvent, { type: "mqtt.publish" }>, "type" | "scope">;

/** Publish has no output members. */
type PublishResponse = Record<string, never>;

const invalid = (message: string) => new ServiceError("InvalidRequestException", message, {}, 400);

/** MQTT topic-name rules plus AWS IoT's reserved-topic and size limits. Throws 400. */
export function checkTopicName(topic: string, what = "topic"): void {
  const problem = topicNameProblem(topic, what);
  if (problem) throw invalid(problem);
}

/** `x-amz-mqtt5-user-properties`: base64 of a JSON array of one-key objects (JSON-2 header media type). */
function parseUserProperties(raw: string): Array<[string, string]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64").toString("utf8"));
  } catch {
    throw invalid("userProperties must be a base64-encoded JSON array");
  }
  if (!Array.isArray(parsed)) throw invalid("userProperties must be a JSON array of objects");
  const out: Array<[string, string]> = [];
  for (const entry of parsed) {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry))
      throw invalid("userProperties must be a JSON array of objects");
    for (const [k, v] of Object.entries(entry as Record<string, unknown>)) {
      if (typeof v !== "string") throw invalid(`userProperties value for '${k}' must be a string`);
      out.push([k, v]);
    }
  }
  return out;
}

/** Validates a Publish request (MQTT-1) and returns the message the broker receives. */
export function toPublishedMessage(input: PublishRequest): PublishedMessage {
  const topic = input.topic ?? "";
  checkTopicName(topic);
  const payload = Buffer.from(input.payload ?? new Uint8Array());
  if (payload.length > MAX_PUBLISH_PAYLOAD_BYTES)
    throw new ServiceError(
      "RequestEntityTooLargeException",
      `The payload exceeds the maximum size allowed (${MAX_PUBLISH_PAYLOAD_BYTES} bytes)`,
      {},
      413,
    );
  const message: PublishedMessage = {
    topic,
    payload,
    qos: input.qos === 1 ? 1 : 0,
    retain: input.retain === true,
  };
  if (typeof input.userProperties === "string")
    message.userProperties = parseUserProperties(input.userProperties);
  if (input.payloadFormatIndicator !== undefined)
    message.payloadFormatIndicator = input.payloadFormatIndicator;
  if (input.contentType !== undefined) message.contentType = input.contentType;
  if (input.responseTopic !== undefined) {
    checkTopicName(input.responseTopic, "responseTopic");
    message.responseTopic = input.responseTopic;
  }
  if (input.correlationData !== undefined) message.correlationData = input.correlationData;
  if (input.messageExpiry !== undefined && input.messageExpiry !== 0) {
    if (input.messageExpiry < 0) throw invalid("messageExpiry must not be negative");
    message.messageExpirySeconds = input.messageExpiry;
  }
  return message;
}

/**
 * The Publish operation, delivering each accepted message with `deliver` (e.g.
 * `(ctx, m) => ctx.events.emit({ type: "mqtt.publish", scope: "<account>:<region>", ...m })`).
 */
export function definePublish(
  deliver: (ctx: OperationContext, message: PublishedMessage) => void,
): OperationDefinition<PublishRequest, PublishResponse> {
  return defineOperation<PublishRequest, PublishResponse>({
    name: "Publish",
    constraints: {
      qos: range(0, 1),
      payloadFormatIndicator: oneOf("UNSPECIFIED_BYTES", "UTF8_DATA"),
    },
    handler: (input, ctx) => {
      deliver(ctx, toPublishedMessage(input));
      return {};
    },
  });
}
