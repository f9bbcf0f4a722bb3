import * as sdk from "@aws-sdk/client-iot";
import type { ServiceDefinition } from "../types.js";
import { commandsOperations, commandsTopics, startCommandTimers } from "./commands/index.js";
import { startConnectivity } from "./index/connectivity.js";
import { startFleetIndex } from "./index/fleet.js";
import { indexOperations } from "./index/index.js";
import { jobsOperations, startJobs } from "./jobs/index.js";
import { packagesOperations } from "./packages/index.js";
import { registryOperations } from "./registry/index.js";
import { rulesOperations } from "./rules/index.js";
import { securityOperations } from "./security/index.js";

export const iot: ServiceDefinition = {
  key: "iot",
  signingNames: ["iot"],
  protocol: "restJson1",
  sdk,
  validationError: "InvalidRequestException",
  throttlingError: "ThrottlingException",
  internalError: "InternalFailureException",
  // AWS documents no request size for the IoT control plane; its largest modelled members
  // (certificate PEMs of 65,536 characters, 32 KB job documents) fit many times in 1 MiB.
  bodyLimit: { bytes: 1024 * 1024 },
  operations: [
    ...registryOperations,
    ...securityOperations,
    ...packagesOperations,
    ...indexOperations,
    ...rulesOperations,
    ...jobsOperations,
    ...commandsOperations,
  ],
  mqttTopics: [...commandsTopics],
  // Connectivity is stored before fleet indexing follows the same event (IDX-5, DYN-2); jobs
  // follow after fleet indexing, whose dynamic membership changes they act on (JOB-9).
  start: (deps) => {
    startConnectivity(deps);
    startFleetIndex(deps);
    startJobs(deps);
    startCommandTimers(deps);
  },
};
