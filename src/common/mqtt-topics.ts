/**
 * AWS IoT's rules for MQTT topic names and filters (MQTT-1;
 * https://docs.aws.amazon.com/general/latest/gr/iot-core.html#message-broker-limits), shared by
 * the sandbox's broker and its HTTP `Publish` (and usable by device simulators): each function
 * says what is wrong, or undefined when nothing is.
 */

/** MQTT-1: largest message payload (128 KB). */
export const MAX_PUBLISH_PAYLOAD_BYTES = 128 * 1024;
/** AWS IoT topic names and filters are at most 256 bytes of UTF-8. */
export const MAX_TOPIC_BYTES = 256;
/** MQTT-1: at most 7 `/` in a non-reserved topic (Basic Ingest's `$aws/rules/<rule>/` prefix is exempt). */
export const MAX_TOPIC_SLASHES = 7;

const SEGMENT = "[^/]+";
/** Reserved topics a client may publish to (device shadow and jobs requests, Basic Ingest, commands). */
const PUBLISHABLE_RESERVED: RegExp[] = [
  new RegExp(`^\\$aws/things/${SEGMENT}/shadow(/name/${SEGMENT})?/(update|get|delete)$`),
  // Any jobs request topic (not the service's notify and answer topics): one that maps to no jobs
  // API is answered InvalidTopic (JOB-30), not refused.
  new RegExp(`^\\$aws/things/${SEGMENT}/jobs/(?!notify(-next)?$)(?!(.*/)?(accepted|rejected)$).+$`),
  new RegExp(`^\\$aws/rules/${SEGMENT}/.+$`),
  new RegExp(`^\\$aws/commands/(things|clients)/${SEGMENT}/executions/${SEGMENT}/response(/${SEGMENT})?$`),
];

/** MQTT topic-name rules plus AWS IoT's reserved-topic and size limits. */
export function topicNameProblem(topic: string, what = "topic"): string | undefined {
  if (topic.length === 0) return `The ${what} must not be empty`;
  if (topic.includes("+") || topic.includes("#") || topic.includes("\u0000"))
    return `The ${what} must not contain '+', '#' or NUL: '${topic}'`;
  return sizeProblem(topic, what) ?? reservedProblem(topic);
}

/** A SUBSCRIBE filter: AWS's size and level limits (MQTT's own wildcard rules are the broker's). */
export function topicFilterProblem(filter: string, what = "topic filter"): string | undefined {
  if (filter.length === 0) return `The ${what} must not be empty`;
  return sizeProblem(filter, what);
}

function sizeProblem(topic: string, what: string): string | undefined {
  if (Buffer.byteLength(topic, "utf8") > MAX_TOPIC_BYTES)
    return `The ${what} is longer than ${MAX_TOPIC_BYTES} bytes`;
  if (topic.startsWith("$aws/rules/")) return slashesProblem(topic.split("/").slice(3).join("/"), what);
  if (topic.startsWith("$")) return undefined;
  return slashesProblem(topic, what);
}

function reservedProblem(topic: string): string | undefined {
  if (topic.startsWith("$") && !PUBLISHABLE_RESERVED.some((re) => re.test(topic)))
    return `Publishing to the reserved topic '${topic}' is not allowed`;
  return undefined;
}

function slashesProblem(topic: string, what: string): string | undefined {
  const slashes = topic.split("/").length - 1;
  if (slashes > MAX_TOPIC_SLASHES)
    return `The ${what} has ${slashes} '/' but at most ${MAX_TOPIC_SLASHES} are allowed`;
  return undefined;
}
