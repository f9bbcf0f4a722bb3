import * as sdk from "@aws-sdk/client-sts";
import type { ServiceDefinition } from "../types.js";
import { getCallerIdentity } from "./get-caller-identity.js";

export const sts: ServiceDefinition = {
  key: "sts",
  signingNames: ["sts"],
  protocol: "awsQuery",
  sdk,
  queryVersion: "2011-06-15",
  xmlNamespace: "https://sts.amazonaws.com/doc/2011-06-15/",
  validationError: "ValidationError",
  throttlingError: "Throttling",
  internalError: "InternalFailure",
  global: true,
  // Sandbox limit, as IAM's (GetCallerIdentity takes no input).
  bodyLimit: { bytes: 1024 * 1024 },
  operations: [getCallerIdentity],
};
