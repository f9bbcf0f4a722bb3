import { clientTokenOf, eventScope, parseJsonPayload, publishJson } from "../iot-data/mqtt-answer.js";
import type { ReservedTopicHandler } from "../types.js";
import { jobsTopic } from "./jobs-topic.js";

/** The jobs MQTT API's description of the code, used as its message (JOB-30). */
const INVALID_TOPIC =
  "The request was sent to a topic in the AWS IoT Jobs namespace that does not map to any API.";

/**
 * JOB-30 `InvalidTopic`: a publish under `$aws/things/<thing>/jobs/` that names no request
 * (listed after the request topics). The service's own topics (answers, notifications) are not
 * requests and are left alone.
 */
export const jobsInvalidTopic: ReservedTopicHandler = {
  topic: jobsTopic("(?!.*/(?:accepted|rejected)$)(?!notify(?:-next)?$).+"),
  handle: (_match, request, ctx) => {
    const parsed = parseJsonPayload(request.payload);
    const clientToken = parsed.ok ? clientTokenOf(parsed.value) : undefined;
    publishJson(
      ctx,
      eventScope(ctx),
      `${request.topic}/rejected`,
      { code: "InvalidTopic", message: INVALID_TOPIC, timestamp: ctx.clock.nowMs(), clientToken },
      request.clientId,
    );
  },
};
