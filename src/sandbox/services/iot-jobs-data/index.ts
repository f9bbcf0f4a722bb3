import * as sdk from "@aws-sdk/client-iot-jobs-data-plane";
import { MAX_PUBLISH_PAYLOAD_BYTES } from "../iot-data/publish.js";
import type { OperationDefinition, ServiceDefinition } from "../types.js";
import { describeJobExecution } from "./describe-job-execution.js";
import { getPendingJobExecutions } from "./get-pending-job-executions.js";
import { jobsDescribeTopic } from "./jobs-describe-topic.js";
import { jobsGetTopic } from "./jobs-get-topic.js";
import { jobsInvalidTopic } from "./jobs-invalid-topic.js";
import { jobsStartNextTopic } from "./jobs-start-next-topic.js";
import { jobsUpdateTopic } from "./jobs-update-topic.js";
import { startJobNotifications } from "./notifications.js";
import { startCommandExecution } from "./start-command-execution.js";
import { startNextPendingJobExecution } from "./start-next-pending-job-execution.js";
import { startJobTimers } from "./timers.js";
import { updateJobExecution } from "./update-job-execution.js";

/** Jobs data plane (devices' view of jobs, JOB-22): routed by signing name (PROTO-3). */
const operations: OperationDefinition[] = [
  getPendingJobExecutions,
  startNextPendingJobExecution,
  describeJobExecution,
  updateJobExecution,
  startCommandExecution,
];

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
  // JOB-30: the jobs topics run the operations above; InvalidTopic answers any other jobs topic (last).
  mqttTopics: [jobsGetTopic, jobsStartNextTopic, jobsDescribeTopic, jobsUpdateTopic, jobsInvalidTopic],
  start: (deps) => {
    startJobTimers(deps);
    startJobNotifications(deps);
  },
};
