import * as sdk from "@aws-sdk/client-iot";
import type { ServiceDefinition } from "../types.js";
import { packagesOperations } from "./packages/index.js";
import { registryOperations } from "./registry/index.js";
import { securityOperations } from "./security/index.js";

export const iot: ServiceDefinition = {
  key: "iot",
  signingNames: ["iot"],
  protocol: "restJson1",
  sdk,
  validationError: "InvalidRequestException",
  throttlingError: "ThrottlingException",
  internalError: "InternalFailureException",
  operations: [...registryOperations, ...securityOperations, ...packagesOperations],
};
