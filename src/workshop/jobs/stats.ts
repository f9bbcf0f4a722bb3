/**
 * A job's execution statistics and the health grade explore-jobs gives it (features.md 8.3,
 * option 7), from the counts of executions per status. A job with no executions has no grade
 * yet ("no executions yet"), not "critical".
 */
import type { JobProcessDetails } from "@aws-sdk/client-iot";
import { EXECUTION_STATUSES, type ExecutionStatus } from "../../common/job-statuses.js";

export { EXECUTION_STATUSES, type ExecutionStatus };
export type StatusCounts = Record<ExecutionStatus, number>;

export const emptyCounts = (): StatusCounts =>
  Object.fromEntries(EXECUTION_STATUSES.map((s) => [s, 0])) as StatusCounts;

/** DescribeJob's counters (JOB-7) by execution status. */
export function countsOfJob(d: JobProcessDetails | undefined): StatusCounts {
  return {
    QUEUED: d?.numberOfQueuedThings ?? 0,
    IN_PROGRESS: d?.numberOfInProgressThings ?? 0,
    SUCCEEDED: d?.numberOfSucceededThings ?? 0,
    FAILED: d?.numberOfFailedThings ?? 0,
    TIMED_OUT: d?.numberOfTimedOutThings ?? 0,
    REJECTED: d?.numberOfRejectedThings ?? 0,
    REMOVED: d?.numberOfRemovedThings ?? 0,
    CANCELED: d?.numberOfCanceledThings ?? 0,
  };
}

export type Health = "none" | "excellent" | "good" | "poor" | "critical";

export type Advice =
  | "noExecutions"
  | "canceledEarly"
  | "devicesRemoved"
  | "stillRunning"
  | "highFailure"
  | "moderateFailure"
  | "excellent"
  | "good"
  | "mixed";

export interface JobStats {
  counts: StatusCounts;
  total: number;
  succeeded: number;
  /** FAILED + TIMED_OUT + REJECTED. */
  failed: number;
  /** QUEUED + IN_PROGRESS. */
  pending: number;
  /** Percentages of the total, 0 when there is none. */
  successRate: number;
  failureRate: number;
  health: Health;
  advice: Advice;
  /** With high failure and executions still pending, cancelling is worth considering. */
  suggestCancel: boolean;
}

function healthOf(total: number, successRate: number): Health {
  if (total === 0) return "none";
  if (successRate >= 95) return "excellent";
  if (successRate >= 80) return "good";
  if (successRate >= 50) return "poor";
  return "critical";
}

/** The first recommendation that applies, in the order of features.md 8.3 option 7. */
function adviceOf(s: Omit<JobStats, "advice" | "suggestCancel" | "health">): Advice {
  const finished = s.succeeded + s.failed;
  if (s.total === 0) return "noExecutions";
  if (s.counts.CANCELED > 0 && finished === 0) return "canceledEarly";
  if (s.counts.REMOVED > 0 && finished === 0) return "devicesRemoved";
  if (s.pending > 0 && finished === 0) return "stillRunning";
  if (s.failureRate > 20) return "highFailure";
  if (s.failureRate > 10) return "moderateFailure";
  if (s.successRate >= 95) return "excellent";
  if (s.successRate >= 80) return "good";
  return "mixed";
}

export function jobStats(counts: StatusCounts): JobStats {
  const total = EXECUTION_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const succeeded = counts.SUCCEEDED;
  const failed = counts.FAILED + counts.TIMED_OUT + counts.REJECTED;
  const pending = counts.QUEUED + counts.IN_PROGRESS;
  const rate = (n: number) => (total === 0 ? 0 : (n / total) * 100);
  const base = {
    counts,
    total,
    succeeded,
    failed,
    pending,
    successRate: rate(succeeded),
    failureRate: rate(failed),
  };
  const advice = adviceOf(base);
  return {
    ...base,
    health: healthOf(total, base.successRate),
    advice,
    suggestCancel: advice === "highFailure" && pending > 0,
  };
}
