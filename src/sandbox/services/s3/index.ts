import * as sdk from "@aws-sdk/client-s3";
import type { OperationDefinition, ServiceDefinition } from "../types.js";

const operations: OperationDefinition[] = [];

export const s3: ServiceDefinition = {
  key: "s3",
  signingNames: ["s3"],
  protocol: "restXml",
  sdk,
  validationError: "InvalidArgument",
  throttlingError: "SlowDown",
  internalError: "InternalError",
  global: true,
  operations,
};
