import type { StartNextPendingJobExecutionRequest } from "@aws-sdk/client-iot-jobs-data-plane";
import { jobsTopicHandler, mqttExecution } from "./jobs-topic.js";
import { startNextPendingJobExecution } from "./start-next-pending-job-execution.js";
import { topicRequest } from "./topic-request.js";

/** JOB-30 `jobs/start-next`: StartNextPendingJobExecution → `{execution?, timestamp, clientToken?}`. */
export const jobsStartNextTopic = jobsTopicHandler("start-next", (ctx, req) => {
  const input = topicRequest<StartNextPendingJobExecutionRequest>(
    req.payload,
    { statusDetails: "stringMap", stepTimeoutInMinutes: "integer" },
    startNextPendingJobExecution.constraints,
  );
  const out = startNextPendingJobExecution.handler(
    { ...input, thingName: req.thingName } as StartNextPendingJobExecutionRequest,
    ctx,
  );
  return { execution: mqttExecution(out.execution) };
});
