/**
 * The statuses of a job execution (JOB-20), in the order a rollout moves through them: the
 * sandbox's jobs service and the workshop's job views both list them in this order.
 */
import type { JobExecutionStatus } from "@aws-sdk/client-iot";

export type ExecutionStatus = JobExecutionStatus;

export const EXECUTION_STATUSES: readonly ExecutionStatus[] = [
  "QUEUED",
  "IN_PROGRESS",
  "SUCCEEDED",
  "FAILED",
  "TIMED_OUT",
  "REJECTED",
  "REMOVED",
  "CANCELED",
];
