import { getPendingJobExecutions } from "./get-pending-job-executions.js";
import { jobsTopicHandler } from "./jobs-topic.js";

/** JOB-30 `jobs/get`: GetPendingJobExecutions → `{inProgressJobs, queuedJobs, timestamp, clientToken?}`. */
export const jobsGetTopic = jobsTopicHandler("get", (ctx, req) =>
  getPendingJobExecutions.handler({ thingName: req.thingName }, ctx),
);
