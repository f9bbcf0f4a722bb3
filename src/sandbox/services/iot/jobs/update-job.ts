import type { UpdateJobRequest } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { invalidRequest } from "../common.js";
import { configConstraints, description, jobId, namespaceId } from "./constraints.js";
import { checkConfigs } from "./job-config.js";
import { requireJob, saveJob } from "./model.js";

const UPDATABLE = [
  "description",
  "presignedUrlConfig",
  "jobExecutionsRolloutConfig",
  "abortConfig",
  "timeoutConfig",
  "jobExecutionsRetryConfig",
] as const;

/** Replaces the members given (JOB-2 checks as at creation); a job being deleted → 400. */
export const updateJob = defineOperation<UpdateJobRequest, object>({
  name: "UpdateJob",
  constraints: { jobId, description, namespaceId, ...configConstraints },
  handler: (input, ctx) => {
    const job = requireJob(ctx, input.jobId!);
    if (job.status === "DELETION_IN_PROGRESS")
      throw invalidRequest(`Job ${job.jobId} is being deleted and cannot be updated.`);
    checkConfigs(input);
    for (const member of UPDATABLE)
      if (input[member] !== undefined) Object.assign(job, { [member]: input[member] });
    job.lastUpdatedAt = ctx.clock.nowMs();
    saveJob(ctx, job);
    return {};
  },
});
