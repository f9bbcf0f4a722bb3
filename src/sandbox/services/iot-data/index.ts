import * as sdk from "@aws-sdk/client-iot-data-plane";
import type { OperationDefinition, ServiceDefinition } from "../types.js";
import { deleteThingShadow } from "./delete-thing-shadow.js";
import { getThingShadow } from "./get-thing-shadow.js";
import { listNamedShadowsForThing } from "./list-named-shadows-for-thing.js";
import { eventScope, RESERVED_TOPICS } from "./mqtt-answer.js";
import { definePublish, MAX_PUBLISH_PAYLOAD_BYTES } from "./publish.js";
import { shadowDeleteTopic } from "./shadow-delete-topic.js";
import { shadowGetTopic } from "./shadow-get-topic.js";
import { startShadowPublications } from "./shadow-publications.js";
import { shadowUpdateTopic } from "./shadow-update-topic.js";
import { updateThingShadow } from "./update-thing-shadow.js";

const operations: OperationDefinition[] = [
  updateThingShadow,
  getThingShadow,
  deleteThingShadow,
  listNamedShadowsForThing,
  // Publish over HTTP injects into the sandbox's MQTT side (MQTT-1): listeners of mqtt.publish deliver
  // it, and a reserved topic's handler (shadow update, command response...) runs as for a client's.
  definePublish((ctx, m) => {
    ctx.events.emit({ type: "mqtt.publish", scope: eventScope(ctx), ...m });
    if (m.topic.startsWith("$aws/") && ctx.runtime.has(RESERVED_TOPICS))
      ctx.runtime.get(RESERVED_TOPICS).dispatch({ clientId: "", topic: m.topic, payload: m.payload });
  }),
];

export const iotData: ServiceDefinition = {
  key: "iot-data",
  signingNames: ["iotdata"],
  protocol: "restJson1",
  sdk,
  validationError: "InvalidRequestException",
  throttlingError: "ThrottlingException",
  internalError: "InternalFailureException",
  throttlingStatus: 429,
  wrongMethodError: { code: "MethodNotAllowedException", status: 405 },
  // MQTT-1: a message payload is at most 128 KB; shadow documents are far smaller (SHD-6).
  bodyLimit: { bytes: MAX_PUBLISH_PAYLOAD_BYTES },
  operations,
  // SHD-20: the shadow topics, through the same shadow service as the REST operations.
  mqttTopics: [shadowUpdateTopic, shadowGetTopic, shadowDeleteTopic],
  start: startShadowPublications,
};
