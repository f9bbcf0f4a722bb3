import type { DeleteJobRequest } from "@aws-sdk/client-iot";
import { ServiceError } from "../../../errors.js";
import { defineOperation } from "../../types.js";
import { jobId, namespaceId } from "./constraints.js";
import { invalidTransition, jobs, requireJob, saveJob } from "./model.js";
import { removeJob } from "./removal.js";
import { stopRollout } from "./rollout.js";
import { JOB_PURGE } from "./timer-kinds.js";

/** JOB-10: jobs that may be DELETION_IN_PROGRESS at once in an account and region [S13]. */
export const MAX_JOBS_BEING_DELETED = 10;

/**
 * JOB-10: COMPLETED or CANCELED jobs go; IN_PROGRESS or SCHEDULED ones only with `force` (else
 * 409). With no deletion delay (the emulator's default) the job, its executions and tags
 * disappear at once and the id is free again. With `--job-deletion-delay` the job is
 * DELETION_IN_PROGRESS for that long on the sandbox clock: devices no longer see its executions,
 * its rollout stops, deleting it again is 409, and an eleventh job being deleted is 410.
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
    const delaySeconds = ctx.settings.jobDeletionDelaySeconds ?? 0;
    if (delaySeconds <= 0) {
      removeJob(ctx, job.jobId);
      return {};
    }
    let beingDeleted = 0;
    for (const { doc } of jobs(ctx).iterate()) if (doc.status === "DELETION_IN_PROGRESS") beingDeleted++;
    if (beingDeleted >= MAX_JOBS_BEING_DELETED)
      throw new ServiceError(
        "LimitExceededException",
        `${beingDeleted} jobs are already being deleted; at most ${MAX_JOBS_BEING_DELETED} can be at once.`,
        {},
        410,
      );
    stopRollout(ctx, job);
    job.status = "DELETION_IN_PROGRESS";
    job.lastUpdatedAt = ctx.clock.nowMs();
    saveJob(ctx, job);
    const ref = { jobId: job.jobId, createdAt: job.createdAt };
    ctx.scheduler.at(ctx.scope, JOB_PURGE, job.jobId, job.lastUpdatedAt + delaySeconds * 1000, ref);
    return {};
  },
});
