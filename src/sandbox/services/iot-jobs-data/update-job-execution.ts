import type {
  JobExecutionStatus,
  UpdateJobExecutionRequest,
  UpdateJobExecutionResponse,
} from "@aws-sdk/client-iot-jobs-data-plane";
import { ServiceError } from "../../errors.js";
import { invalidRequest } from "../iot/common.js";
import { invalidTransition, isTerminal, setExecutionStatus } from "../iot/jobs/model.js";
import { defineOperation } from "../types.js";
import { EXECUTION_STATUS, JOB_ID, STATUS_DETAILS, THING_NAME } from "./constraints.js";
import { requireDeviceExecution } from "./executions.js";
import { deviceDocument } from "./document.js";
import { checkStepTimeout, STEP_TIMEOUT } from "./step-timeout.js";

/**
 * JOB-21: `expectedVersion` differs from the execution's versionNumber. HTTP has no such error
 * (409 InvalidStateTransitionException); the jobs MQTT API names it `VersionMismatch` (JOB-30).
 */
export class VersionMismatch extends ServiceError {
  constructor(message: string) {
    super("InvalidStateTransitionException", message, {}, 409);
  }
}

/** JOB-20: the statuses a device may report. */
const DEVICE_STATUSES: readonly JobExecutionStatus[] = ["IN_PROGRESS", "SUCCEEDED", "FAILED", "REJECTED"];

/**
 * JOB-21: a device reports progress. 404 for an unknown execution; `expectedVersion` other than
 * the current versionNumber → 409 (version mismatch); JOB-20 transitions (terminal → 409); the
 * status change itself (counters, completion, PKG-7, retry and abort) is the model's.
 */
export const updateJobExecution = defineOperation<UpdateJobExecutionRequest, UpdateJobExecutionResponse>({
  name: "UpdateJobExecution",
  constraints: {
    jobId: JOB_ID,
    thingName: THING_NAME,
    status: EXECUTION_STATUS,
    stepTimeoutInMinutes: STEP_TIMEOUT,
    ...STATUS_DETAILS,
  },
  handler: (input, ctx) => {
    const status = input.status as JobExecutionStatus;
    if (!DEVICE_STATUSES.includes(status))
      throw invalidRequest(
        `Status ${status} cannot be set by a device; use one of ${DEVICE_STATUSES.join(", ")}.`,
      );
    checkStepTimeout(input.stepTimeoutInMinutes, true);
    const executionNumber = input.executionNumber === undefined ? undefined : Number(input.executionNumber);
    const { job, exec } = requireDeviceExecution(ctx, input.jobId!, input.thingName!, executionNumber);
    if (input.expectedVersion !== undefined && Number(input.expectedVersion) !== exec.versionNumber)
      throw new VersionMismatch(
        `Version mismatch: expectedVersion ${input.expectedVersion} but the job execution of job ${exec.jobId} on thing ${exec.thingName} is at version ${exec.versionNumber}.`,
      );
    if (isTerminal(exec.status))
      throw invalidTransition(
        `Job execution of job ${exec.jobId} on thing ${exec.thingName} is in terminal state ${exec.status} and cannot be updated.`,
      );
    setExecutionStatus(ctx, job, exec, status, {
      statusDetails: input.statusDetails,
      stepTimeoutInMinutes: status === "IN_PROGRESS" ? input.stepTimeoutInMinutes : undefined,
    });
    return {
      executionState: input.includeJobExecutionState
        ? { status: exec.status, statusDetails: exec.statusDetails, versionNumber: exec.versionNumber }
        : undefined,
      jobDocument: input.includeJobDocument ? deviceDocument(ctx, job) : undefined,
    };
  },
});
