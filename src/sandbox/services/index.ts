/** Every service the sandbox serves. Adding an operation = one handler file + one line in its area index. */
import { iam } from "./iam/index.js";
import { iot } from "./iot/index.js";
import { iotData } from "./iot-data/index.js";
import { iotJobsData } from "./iot-jobs-data/index.js";
import { s3 } from "./s3/index.js";
import { sts } from "./sts/index.js";
import type { ServiceDefinition } from "./types.js";

export const SERVICES: ServiceDefinition[] = [iot, iotData, iotJobsData, s3, iam, sts];
