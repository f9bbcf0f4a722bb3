import * as sdk from "@aws-sdk/client-iot-jobs-data-plane";
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
  operations,
};
