import type { DeleteJobRequest } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { deleteTags } from "../common.js";
import { jobId, namespaceId } from "./constraints.js";
import { invalidTransition, jobArn, purgeJob, requireJob } from "./model.js";

/**
 * JOB-10: COMPLETED or CANCELED jobs go; IN_PROGRESS or SCHEDULED ones only with `force` (else
 * 409). The deletion delay is 0 (emulator default), so DELETION_IN_PROGRESS is never observed:
 * the job, its executions and tags disappear at once and the id is free again.
 */
export const deleteJob = defineOperation<DeleteJobRequest, object>({
  name: "DeleteJob",
  constraints: { jobId, namespaceId },
  handler: (input, ctx) => {
    const job = requireJob(ctx, input.jobId!);
    if (job.status === "DELETION_IN_PROGRESS")
      throw invalidTransition(`Job ${job.jobId} is already being deleted.`);
    if ((job.status === "IN_PROGRESS" || job.status === "SCHEDULED") && !input.force)
      throw invalidTransition(`Job ${job.jobId} is ${job.status}; set force to delete it.`);
    purgeJob(ctx, job.jobId);
    deleteTags(ctx, jobArn(ctx, job.jobId));
    return {};
  },
});
