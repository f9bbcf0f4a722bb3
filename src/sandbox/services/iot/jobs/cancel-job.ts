import type { CancelJobRequest, CancelJobResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { invalidRequest } from "../common.js";
import { comment, jobId, reasonCode } from "./constraints.js";
import { cancelJob as cancel } from "./effects.js";
import { jobArn, requireJob } from "./model.js";

/**
 * JOB-8: IN_PROGRESS or SCHEDULED → CANCELED at once, QUEUED executions canceled, IN_PROGRESS
 * ones only with `force`; COMPLETED or being deleted → 400; already CANCELED → 200 unchanged.
 */
export const cancelJob = defineOperation<CancelJobRequest, CancelJobResponse>({
  name: "CancelJob",
  constraints: { jobId, reasonCode, comment },
  handler: (input, ctx) => {
    const job = requireJob(ctx, input.jobId!);
    if (job.status === "COMPLETED" || job.status === "DELETION_IN_PROGRESS")
      throw invalidRequest(`Job ${job.jobId} is ${job.status} and cannot be canceled.`);
    if (job.status !== "CANCELED")
      cancel(ctx, job, { force: input.force ?? false, reasonCode: input.reasonCode, comment: input.comment });
    return { jobArn: jobArn(ctx, job.jobId), jobId: job.jobId, description: job.description };
  },
});
