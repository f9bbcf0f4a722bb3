import * as sdk from "@aws-sdk/client-iot-jobs-data-plane";
import { MAX_PUBLISH_PAYLOAD_BYTES } from "../iot-data/publish.js";
import type { OperationDefinition, ServiceDefinition } from "../types.js";

/** Jobs data plane (devices' view of jobs): routed by signing name (PROTO-3); handlers arrive with the jobs issue. */
const operations: OperationDefinition[] = [];

export const iotJobsData: ServiceDefinition = {
  key: "iot-jobs-data",
  signingNames: ["iot-jobs-data"],
  protocol: "restJson1",
  sdk,
  validationError: "InvalidRequestException",
  throttlingError: "ThrottlingException",
  internalError: "ServiceUnavailableException",
  internalErrorStatus: 503,
  throttlingStatus: 429,
  // Job execution updates travel like MQTT messages (MQTT-1: 128 KB).
  bodyLimit: { bytes: MAX_PUBLISH_PAYLOAD_BYTES },
  operations,
};
