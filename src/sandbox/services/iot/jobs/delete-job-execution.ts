import type { DeleteJobExecutionRequest } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { jobId, namespaceId, thingName } from "./constraints.js";
import { deleteExecution, invalidTransition, isTerminal, requireExecution, requireJob } from "./model.js";

/** Deletes one execution by number: terminal ones, others only with `force` (409 otherwise). */
export const deleteJobExecution = defineOperation<DeleteJobExecutionRequest, object>({
  name: "DeleteJobExecution",
  constraints: { jobId, thingName, namespaceId },
  handler: (input, ctx) => {
    const job = requireJob(ctx, input.jobId!);
    const exec = requireExecution(ctx, job.jobId, input.thingName!, input.executionNumber!);
    if (!isTerminal(exec.status) && !input.force)
      throw invalidTransition(
        `Job execution ${exec.executionNumber} of job ${job.jobId} on thing ${exec.thingName} is ${exec.status}; set force to delete it.`,
      );
    deleteExecution(ctx, job, exec);
    return {};
  },
});
