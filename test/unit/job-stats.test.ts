/**
 * explore-jobs' statistics (features.md 8.3 option 7): grades and the first recommendation that
 * applies; a job with no executions is not graded critical (Q-31).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { countsOfJob, emptyCounts, jobStats, type StatusCounts } from "../../src/workshop/jobs/stats.js";

const counts = (c: Partial<StatusCounts>): StatusCounts => ({ ...emptyCounts(), ...c });

test("Q-31: no executions yet is its own grade and advice, not critical", () => {
  const s = jobStats(emptyCounts());
  assert.equal(s.total, 0);
  assert.equal(s.health, "none");
  assert.equal(s.advice, "noExecutions");
  assert.equal(s.successRate, 0);
});

test("grades by success rate: 95 / 80 / 50 bands", () => {
  assert.equal(jobStats(counts({ SUCCEEDED: 95, FAILED: 5 })).health, "excellent");
  assert.equal(jobStats(counts({ SUCCEEDED: 94, FAILED: 6 })).health, "good");
  assert.equal(jobStats(counts({ SUCCEEDED: 80, FAILED: 20 })).health, "good");
  assert.equal(jobStats(counts({ SUCCEEDED: 50, TIMED_OUT: 50 })).health, "poor");
  assert.equal(jobStats(counts({ SUCCEEDED: 49, REJECTED: 51 })).health, "critical");
});

test("failed counts FAILED, TIMED_OUT and REJECTED; pending counts QUEUED and IN_PROGRESS", () => {
  const s = jobStats(
    counts({ SUCCEEDED: 6, FAILED: 1, TIMED_OUT: 1, REJECTED: 1, QUEUED: 2, IN_PROGRESS: 3 }),
  );
  assert.equal(s.total, 14);
  assert.equal(s.failed, 3);
  assert.equal(s.pending, 5);
  assert.equal(s.failureRate, (3 / 14) * 100);
});

test("recommendations in order: canceled early, removed, still running, failure rates, success rates", () => {
  assert.equal(jobStats(counts({ CANCELED: 3, QUEUED: 1 })).advice, "canceledEarly");
  assert.equal(jobStats(counts({ REMOVED: 2 })).advice, "devicesRemoved");
  assert.equal(jobStats(counts({ QUEUED: 5 })).advice, "stillRunning");
  const high = jobStats(counts({ SUCCEEDED: 7, FAILED: 3, QUEUED: 1 }));
  assert.equal(high.advice, "highFailure");
  assert.equal(high.suggestCancel, true);
  assert.equal(jobStats(counts({ SUCCEEDED: 7, FAILED: 3 })).suggestCancel, false);
  assert.equal(jobStats(counts({ SUCCEEDED: 85, FAILED: 15 })).advice, "moderateFailure");
  assert.equal(jobStats(counts({ SUCCEEDED: 96, FAILED: 4 })).advice, "excellent");
  assert.equal(jobStats(counts({ SUCCEEDED: 90, FAILED: 10 })).advice, "good");
  assert.equal(jobStats(counts({ SUCCEEDED: 70, FAILED: 10, CANCELED: 20 })).advice, "mixed");
});

test("DescribeJob's jobProcessDetails map to the counts (JOB-7)", () => {
  assert.deepEqual(
    countsOfJob({ numberOfQueuedThings: 1, numberOfSucceededThings: 2, numberOfTimedOutThings: 3 }),
    counts({ QUEUED: 1, SUCCEEDED: 2, TIMED_OUT: 3 }),
  );
  assert.deepEqual(countsOfJob(undefined), emptyCounts());
});
