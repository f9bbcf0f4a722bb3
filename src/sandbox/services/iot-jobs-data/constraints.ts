/** Validation tables of the jobs data plane (VAL-1: aws-operations.json; JOB-21 limits). */
import { type Constraint, len, oneOf } from "../../protocol/validate.js";
import { EXECUTION_STATUSES } from "../iot/jobs/model.js";

export const THING_NAME = len(1, 128, "^[a-zA-Z0-9:_-]+$");
export const JOB_ID = len(1, 64, "^[a-zA-Z0-9_-]+$");
/** DescribeJobExecution also takes `$next` (JOB-22). */
export const JOB_ID_OR_NEXT: Constraint = { pattern: "^[a-zA-Z0-9_-]+|^\\$next$" };

/** JOB-21: statusDetails keys as the model says; values at most 1024 characters. */
export const STATUS_DETAILS: Record<string, Constraint> = {
  "statusDetails{}": len(1, 128, "^[a-zA-Z0-9:_-]+$"),
  "statusDetails{}=": len(1, 1024, "^[^\\p{C}]+$"),
};

export const EXECUTION_STATUS = oneOf(...EXECUTION_STATUSES);
