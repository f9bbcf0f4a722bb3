import * as sdk from "@aws-sdk/client-iam";
import type { OperationDefinition, ServiceDefinition } from "../types.js";

const operations: OperationDefinition[] = [];

export const iam: ServiceDefinition = {
  key: "iam",
  signingNames: ["iam"],
  protocol: "awsQuery",
  sdk,
  queryVersion: "2010-05-08",
  xmlNamespace: "https://iam.amazonaws.com/doc/2010-05-08/",
  validationError: "ValidationError",
  throttlingError: "Throttling",
  internalError: "ServiceFailure",
  global: true,
  operations,
};
