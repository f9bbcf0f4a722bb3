import type { DescribeJobExecutionRequest } from "@aws-sdk/client-iot-jobs-data-plane";
import { describeJobExecution } from "./describe-job-execution.js";
import { jobsTopicHandler, mqttExecution } from "./jobs-topic.js";
import { topicRequest } from "./topic-request.js";

/**
 * JOB-30 `jobs/<jobId>/get` (`$next` too): DescribeJobExecution → `{execution?, timestamp,
 * clientToken?}`; a terminal execution is `TerminalStateReached`.
 */
export const jobsDescribeTopic = jobsTopicHandler("([^/]+)/get", (ctx, req) => {
  const input = topicRequest<DescribeJobExecutionRequest>(
    { ...req.payload, jobId: req.jobId },
    { jobId: "string", executionNumber: "integer", includeJobDocument: "boolean" },
    describeJobExecution.constraints,
  );
  const out = describeJobExecution.handler(
    { ...input, thingName: req.thingName } as DescribeJobExecutionRequest,
    ctx,
  );
  return { execution: mqttExecution(out.execution) };
});
