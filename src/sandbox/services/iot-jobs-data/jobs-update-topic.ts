import type { UpdateJobExecutionRequest } from "@aws-sdk/client-iot-jobs-data-plane";
import { documentAsObject, jobsTopicHandler } from "./jobs-topic.js";
import { topicRequest } from "./topic-request.js";
import { updateJobExecution } from "./update-job-execution.js";

/**
 * JOB-30 `jobs/<jobId>/update`: UpdateJobExecution → `{executionState?, jobDocument?, timestamp,
 * clientToken?}`; a stale expectedVersion is `VersionMismatch`, a terminal execution
 * `InvalidStateTransition`, both with the execution's current state.
 */
export const jobsUpdateTopic = jobsTopicHandler("([^/]+)/update", (ctx, req) => {
  const input = topicRequest<UpdateJobExecutionRequest>(
    { ...req.payload, jobId: req.jobId },
    {
      jobId: "string",
      status: "string",
      statusDetails: "stringMap",
      expectedVersion: "integer",
      executionNumber: "integer",
      includeJobExecutionState: "boolean",
      includeJobDocument: "boolean",
      stepTimeoutInMinutes: "integer",
    },
    updateJobExecution.constraints,
    ["status"],
  );
  return documentAsObject(
    updateJobExecution.handler({ ...input, thingName: req.thingName } as UpdateJobExecutionRequest, ctx),
  );
});
