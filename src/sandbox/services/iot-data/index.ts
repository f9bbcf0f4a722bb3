import * as sdk from "@aws-sdk/client-iot-data-plane";
import type { OperationDefinition, ServiceDefinition } from "../types.js";

const operations: OperationDefinition[] = [];

export const iotData: ServiceDefinition = {
  key: "iot-data",
  signingNames: ["iotdata"],
  protocol: "restJson1",
  sdk,
  validationError: "InvalidRequestException",
  throttlingError: "ThrottlingException",
  internalError: "InternalFailureException",
  operations,
};
