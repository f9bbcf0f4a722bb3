import type {
  StartNextPendingJobExecutionRequest,
  StartNextPendingJobExecutionResponse,
} from "@aws-sdk/client-iot-jobs-data-plane";
import { requireJob, setExecutionStatus } from "../iot/jobs/model.js";
import { defineOperation } from "../types.js";
import { STATUS_DETAILS, THING_NAME } from "./constraints.js";
import { executionOf, nextExecution } from "./executions.js";
import { STEP_TIMEOUT, checkStepTimeout } from "./step-timeout.js";

/**
 * JOB-22: the `$next` execution; a QUEUED one starts (IN_PROGRESS, version + 1, startedAt,
 * statusDetails, JOB-23 timers), an IN_PROGRESS one is returned as it is; `{}` when none is pending.
 */
export const startNextPendingJobExecution = defineOperation<
  StartNextPendingJobExecutionRequest,
  StartNextPendingJobExecutionResponse
>({
  name: "StartNextPendingJobExecution",
  constraints: { thingName: THING_NAME, stepTimeoutInMinutes: STEP_TIMEOUT, ...STATUS_DETAILS },
  handler: (input, ctx) => {
    checkStepTimeout(input.stepTimeoutInMinutes, false);
    const exec = nextExecution(ctx, input.thingName!);
    if (!exec) return {};
    const job = requireJob(ctx, exec.jobId);
    if (exec.status === "QUEUED")
      setExecutionStatus(ctx, job, exec, "IN_PROGRESS", {
        statusDetails: input.statusDetails,
        stepTimeoutInMinutes: input.stepTimeoutInMinutes,
      });
    return { execution: executionOf(ctx, job, exec, true) };
  },
});
