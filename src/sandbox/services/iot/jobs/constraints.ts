/**
 * Constraint values of the jobs input shapes (aws-operations.json, VAL-1), named once so every
 * operation's table uses the same values; ranges the model leaves open come from JOB-2.
 */
import { type Constraint, fractional, items, len, oneOf, range } from "../../../protocol/validate.js";
import { resourceName, tagListConstraints } from "../registry/constraints.js";
import { EXECUTION_STATUSES } from "./model.js";

type Table = Record<string, Constraint>;

const ID = "^[a-zA-Z0-9_-]+$";
export const jobId = len(1, 64, ID);
export const jobTemplateId = len(1, 64, ID);
export const thingName = resourceName;
export const comment = len(0, 2028, "^[^\\p{C}]+$");
export const description = comment;
export const reasonCode = len(0, 128, "^[\\p{Upper}\\p{Digit}_]+$");
export const namespaceId: Constraint = { pattern: ID };
/** LaserMaxResults */
export const maxResults = range(1, 250);
export const executionStatus = oneOf(...EXECUTION_STATUSES);
export const jobStatus = oneOf("IN_PROGRESS", "CANCELED", "COMPLETED", "DELETION_IN_PROGRESS", "SCHEDULED");
export const targetSelection = oneOf("CONTINUOUS", "SNAPSHOT");
const arn = len(1, 1600, "^arn:[!-~]+$");

/** JobTargets */
export const targetsConstraints = (path: string): Table => ({
  [path]: { min: 1, minMaxOf: "items" },
  [`${path}[]`]: len(0, 2048),
});

/** DetailsMap (CancelJobExecution's statusDetails). */
export const detailsMapConstraints = (path: string): Table => ({
  [`${path}{}`]: len(1, 128, "^[a-zA-Z0-9:_-]+$"),
  [`${path}{}=`]: { min: 1, minMaxOf: "length", pattern: "^[^\\p{C}]+$" },
});

/** The configurations CreateJob, UpdateJob and CreateJobTemplate share (JOB-2). */
export const configConstraints: Table = {
  "presignedUrlConfig.roleArn": len(20, 2048),
  "presignedUrlConfig.expiresInSec": range(60, 3600),
  "jobExecutionsRolloutConfig.maximumPerMinute": range(1, 1000),
  "jobExecutionsRolloutConfig.exponentialRate.baseRatePerMinute": range(1, 1000),
  "jobExecutionsRolloutConfig.exponentialRate.incrementFactor": fractional(range(1.1, 5)),
  "jobExecutionsRolloutConfig.exponentialRate.rateIncreaseCriteria.numberOfNotifiedThings": {
    min: 1,
    minMaxOf: "value",
  },
  "jobExecutionsRolloutConfig.exponentialRate.rateIncreaseCriteria.numberOfSucceededThings": {
    min: 1,
    minMaxOf: "value",
  },
  "abortConfig.criteriaList": { min: 1, minMaxOf: "items" },
  "abortConfig.criteriaList[].failureType": oneOf("FAILED", "REJECTED", "TIMED_OUT", "ALL"),
  "abortConfig.criteriaList[].action": oneOf("CANCEL"),
  "abortConfig.criteriaList[].thresholdPercentage": fractional({ max: 100, minMaxOf: "value" }),
  "abortConfig.criteriaList[].minNumberOfExecutedThings": { min: 1, minMaxOf: "value" },
  "timeoutConfig.inProgressTimeoutInMinutes": range(1, 10080),
  "jobExecutionsRetryConfig.criteriaList": items(1, 2),
  "jobExecutionsRetryConfig.criteriaList[].failureType": oneOf("FAILED", "TIMED_OUT", "ALL"),
  "jobExecutionsRetryConfig.criteriaList[].numberOfRetries": range(0, 10),
};

/** What CreateJob and CreateJobTemplate share besides the configurations. */
export const documentConstraints: Table = {
  description,
  document: len(0, 32768),
  documentSource: len(1, 1350),
  "destinationPackageVersions[]": arn,
  "maintenanceWindows[].startTime": len(1, 256),
  "maintenanceWindows[].durationInMinutes": range(1, 1430),
  ...tagListConstraints("tags"),
  ...configConstraints,
};

export const createJobConstraints: Table = {
  jobId,
  ...targetsConstraints("targets"),
  targetSelection,
  namespaceId,
  jobTemplateArn: arn,
  "documentParameters{}": len(1, 128, ID),
  "documentParameters{}=": len(1, 30720, "^[^\\p{C}]+$"),
  "schedulingConfig.startTime": len(1, 64),
  "schedulingConfig.endTime": len(1, 64),
  "schedulingConfig.endBehavior": oneOf("STOP_ROLLOUT", "CANCEL", "FORCE_CANCEL"),
  "schedulingConfig.maintenanceWindows[].startTime": len(1, 256),
  "schedulingConfig.maintenanceWindows[].durationInMinutes": range(1, 1430),
  ...documentConstraints,
};
