/**
 * What `iotdm create-job` sends to CreateJob, built from the user's answers: the OTA and custom
 * job documents (features.md 6.4), the suggested job id, and the advanced configurations in the
 * shapes AWS accepts (JOB-1, JOB-2). Pure: no calls, no printing. The ranges are checked here so
 * a wrong number is explained in our words before anything is sent, not as an AWS error after.
 */
import type {
  AbortConfig,
  CreateJobRequest,
  JobExecutionsRetryConfig,
  JobExecutionsRolloutConfig,
  TimeoutConfig,
} from "@aws-sdk/client-iot";

export type JobKind = "ota" | "custom";
export type TargetSelection = "CONTINUOUS" | "SNAPSHOT";
export const ABORT_FAILURE_TYPES = ["FAILED", "REJECTED", "TIMED_OUT", "ALL"] as const;
export type AbortFailureType = (typeof ABORT_FAILURE_TYPES)[number];
export const RETRY_FAILURE_TYPES = ["FAILED", "TIMED_OUT", "ALL"] as const;
export type RetryFailureType = (typeof RETRY_FAILURE_TYPES)[number];

/** JOB-1: job ids. */
export const JOB_ID = /^[a-zA-Z0-9_-]{1,64}$/;
/** JOB-1: a document is at most 32,768 characters. */
export const MAX_DOCUMENT_CHARS = 32_768;
/** The presigned URLs of an OTA document live one hour (the most AWS allows, JOB-2). */
export const PRESIGNED_URL_SECONDS = 3600;

/**
 * JOB-2's ranges, by the name of the setting: what CreateJob accepts. `integer` settings take
 * whole numbers only.
 */
export const RANGES = {
  maxPerMinute: { min: 1, max: 1000, integer: true },
  baseRatePerMinute: { min: 1, max: 1000, integer: true },
  incrementFactor: { min: 1.1, max: 5, integer: false },
  notifiedThings: { min: 1, max: 1_000_000, integer: true },
  succeededThings: { min: 1, max: 1_000_000, integer: true },
  thresholdPercent: { min: 0, max: 100, integer: false },
  minExecuted: { min: 1, max: 1_000_000, integer: true },
  timeoutMinutes: { min: 1, max: 10_080, integer: true },
  retries: { min: 0, max: 10, integer: true },
} as const;
export type RangedSetting = keyof typeof RANGES;

/** The number in `raw` when it is within the setting's range, else undefined. */
export function inRange(setting: RangedSetting, raw: string): number | undefined {
  const r = RANGES[setting];
  const text = raw.trim();
  if (text === "") return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < r.min || n > r.max) return undefined;
  if (r.integer && !Number.isInteger(n)) return undefined;
  return n;
}

export type Rollout =
  | { kind: "rate"; maxPerMinute: number }
  | {
      kind: "exponential";
      baseRatePerMinute: number;
      incrementFactor: number;
      /** AWS requires one of the two criteria (Q-25: the reference sent neither). */
      notifiedThings?: number;
      succeededThings?: number;
    };

export interface AbortCriterion {
  failureType: AbortFailureType;
  thresholdPercent: number;
  minExecuted: number;
}

export interface RetryCriterion {
  failureType: RetryFailureType;
  retries: number;
}

export interface AdvancedOptions {
  targetSelection: TargetSelection;
  rollout?: Rollout;
  abort?: AbortCriterion;
  timeoutMinutes?: number;
  retry?: RetryCriterion;
}

export interface JobPlan {
  jobId: string;
  kind: JobKind;
  description: string;
  groups: string[];
  /** OTA jobs: the package version deployed. */
  packageName?: string;
  version?: string;
  /** The document as sent (JSON text). */
  document: string;
  advanced: AdvancedOptions;
}

/** The OTA document (features.md 6.4): the device resolves the attributes and the artifact's presigned URL. */
export function otaDocument(packageName: string, version: string): Record<string, unknown> {
  const placeholder = (what: string) => `\${aws:iot:package:${packageName}:version:${version}:${what}}`;
  return {
    ota: {
      packages: {
        [packageName]: {
          attributes: placeholder("attributes"),
          artifact: { s3PresignedUrl: placeholder("artifact:s3-presigned-url") },
        },
      },
    },
  };
}

/** The custom template (features.md 6.3, step 10): an operation with two example parameters. */
export function customDocument(operation: string): Record<string, unknown> {
  return {
    operation,
    parameters: { customParam1: "value1", customParam2: "value2" },
    metadata: { version: "1.0.0", description: "Custom job operation" },
  };
}

/** Why a document text is refused (not JSON, not an object, too long), or undefined. */
export function documentProblem(text: string): "notJson" | "notObject" | "tooLong" | undefined {
  if (text.length > MAX_DOCUMENT_CHARS) return "tooLong";
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return "notJson";
  }
  return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? undefined : "notObject";
}

const idSafe = (s: string) => s.replace(/[^a-zA-Z0-9_-]/g, "");

/**
 * `upgradeSedanVehicle110_1733000000` for OTA, `customJob_1733000000` otherwise: a valid job id
 * whatever the package name holds (JOB-1; the reference lower-cased the rest of the name and
 * kept characters a job id may not have).
 */
export function suggestedJobId(kind: JobKind, unixSeconds: number, packageName = "", version = ""): string {
  const suffix = `_${Math.floor(unixSeconds)}`;
  if (kind === "custom") return `customJob${suffix}`;
  const name = idSafe(packageName);
  const stem = `upgrade${name.charAt(0).toUpperCase()}${name.slice(1)}${idSafe(version)}`;
  return `${stem.slice(0, 64 - suffix.length)}${suffix}`;
}

export const defaultDescription = (kind: JobKind, groups: string[]): string =>
  `${kind === "ota" ? "OTA" : "Custom"} job for ${groups.join(", ")}`;

function rolloutConfig(r: Rollout): JobExecutionsRolloutConfig {
  if (r.kind === "rate") return { maximumPerMinute: r.maxPerMinute };
  return {
    exponentialRate: {
      baseRatePerMinute: r.baseRatePerMinute,
      incrementFactor: r.incrementFactor,
      rateIncreaseCriteria: {
        ...(r.notifiedThings !== undefined ? { numberOfNotifiedThings: r.notifiedThings } : {}),
        ...(r.succeededThings !== undefined ? { numberOfSucceededThings: r.succeededThings } : {}),
      },
    },
  };
}

/** The advanced settings as CreateJob members; only those that were set. */
export function advancedConfig(
  a: AdvancedOptions,
): Pick<
  CreateJobRequest,
  | "targetSelection"
  | "jobExecutionsRolloutConfig"
  | "abortConfig"
  | "timeoutConfig"
  | "jobExecutionsRetryConfig"
> {
  const abortConfig: AbortConfig | undefined = a.abort && {
    criteriaList: [
      {
        failureType: a.abort.failureType,
        action: "CANCEL",
        thresholdPercentage: a.abort.thresholdPercent,
        minNumberOfExecutedThings: a.abort.minExecuted,
      },
    ],
  };
  const timeoutConfig: TimeoutConfig | undefined =
    a.timeoutMinutes === undefined ? undefined : { inProgressTimeoutInMinutes: a.timeoutMinutes };
  const retryConfig: JobExecutionsRetryConfig | undefined = a.retry && {
    criteriaList: [{ failureType: a.retry.failureType, numberOfRetries: a.retry.retries }],
  };
  return {
    targetSelection: a.targetSelection,
    ...(a.rollout ? { jobExecutionsRolloutConfig: rolloutConfig(a.rollout) } : {}),
    ...(abortConfig ? { abortConfig } : {}),
    ...(timeoutConfig ? { timeoutConfig } : {}),
    ...(retryConfig ? { jobExecutionsRetryConfig: retryConfig } : {}),
  };
}

export interface JobScope {
  accountId: string;
  region: string;
  /** The role the jobs service assumes to presign artifact URLs (provision creates it). */
  presignRoleArn: string;
}

const iotArn = (s: JobScope, resource: string) => `arn:aws:iot:${s.region}:${s.accountId}:${resource}`;

/** The whole CreateJob request of a plan, tags included (they travel with the creation). */
export function createJobRequest(
  plan: JobPlan,
  scope: JobScope,
  tags: Array<{ Key: string; Value: string }>,
): CreateJobRequest {
  const ota = plan.kind === "ota" && plan.packageName !== undefined && plan.version !== undefined;
  return {
    jobId: plan.jobId,
    targets: plan.groups.map((g) => iotArn(scope, `thinggroup/${g}`)),
    document: plan.document,
    description: plan.description,
    ...advancedConfig(plan.advanced),
    ...(ota
      ? {
          destinationPackageVersions: [iotArn(scope, `package/${plan.packageName}/version/${plan.version}`)],
          presignedUrlConfig: { roleArn: scope.presignRoleArn, expiresInSec: PRESIGNED_URL_SECONDS },
        }
      : {}),
    tags,
  };
}
