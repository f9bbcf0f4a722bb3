import type { CancelJobExecutionRequest } from "@aws-sdk/client-iot";
import { ServiceError } from "../../../errors.js";
import { defineOperation } from "../../types.js";
import { detailsMapConstraints, jobId, thingName } from "./constraints.js";
import { invalidTransition, requireExecution, requireJob, setExecutionStatus } from "./model.js";

/**
 * Cancels the latest execution: QUEUED at once, IN_PROGRESS only with `force` (then
 * forceCanceled), terminal → 409 InvalidStateTransitionException (JOB-20); `expectedVersion`
 * other than the execution's versionNumber → 409 VersionConflictException.
 */
export const cancelJobExecution = defineOperation<CancelJobExecutionRequest, object>({
  name: "CancelJobExecution",
  constraints: { jobId, thingName, ...detailsMapConstraints("statusDetails") },
  handler: (input, ctx) => {
    const job = requireJob(ctx, input.jobId!);
    const exec = requireExecution(ctx, job.jobId, input.thingName!);
    if (input.expectedVersion !== undefined && input.expectedVersion !== exec.versionNumber)
      throw new ServiceError(
        "VersionConflictException",
        `The job execution's version is ${exec.versionNumber}, not the expected ${input.expectedVersion}.`,
        {},
        409,
      );
    if (exec.status === "IN_PROGRESS" && !input.force)
      throw invalidTransition(
        `Job execution of job ${job.jobId} on thing ${exec.thingName} is IN_PROGRESS; set force to cancel it.`,
      );
    setExecutionStatus(ctx, job, exec, "CANCELED", {
      statusDetails: input.statusDetails,
      forceCanceled: exec.status === "IN_PROGRESS",
    });
    return {};
  },
});
