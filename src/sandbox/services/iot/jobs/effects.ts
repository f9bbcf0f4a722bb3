/**
 * What follows an execution's status change (model.ts setExecutionStatus), in order: abort
 * (JOB-24), retry (JOB-24), SNAPSHOT completion (JOB-6), then the `$package` shadow on SUCCEEDED
 * (PKG-7). And CancelJob's cancellation of executions (JOB-8), which abort shares.
 */
import { newRecord } from "../../../records.js";
import type { JsonObject, JsonValue } from "../../iot-data/shadow-document.js";
import { applyShadowUpdate, PACKAGE_SHADOW, readShadow } from "../../iot-data/shadow-store.js";
import type { OperationContext } from "../../types.js";
import { packageConfiguration } from "../packages/lookup.js";
import {
  checkCompletion,
  type ExecutionDoc,
  type ExecutionStatus,
  executionsOfJob,
  type JobDoc,
  queueExecution,
  saveJob,
  setExecutionStatus,
} from "./model.js";
import { parsePackageVersionArn, resolvePackageVersion } from "./packages.js";

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * PKG-7: one accepted `$package` shadow update (version +1, MQTT publications, re-index) setting
 * each destination package to its version (`$default` as resolved at creation), keeping the
 * entry's attributes; `$null` removes the entry. A version deleted since the job was created
 * makes the update fail silently, as AWS only reports it in its logs.
 */
export function updatePackageShadow(ctx: OperationContext, job: JobDoc, thingName: string): void {
  const arns = job.resolvedPackageVersions ?? job.destinationPackageVersions ?? [];
  if (arns.length === 0) return;
  if (!packageConfiguration(ctx.store, ctx.scope.accountId, ctx.scope.region).enabled) return;
  const ref = { thingName, shadowName: PACKAGE_SHADOW };
  const current = readShadow(ctx, ref)?.state.reported ?? {};
  const reported = newRecord<JsonValue>();
  for (const arn of arns) {
    const parsed = parsePackageVersionArn(ctx, arn);
    if (!parsed) return;
    if (parsed.versionName === "$null") {
      reported[parsed.packageName] = null;
      continue;
    }
    const version = resolvePackageVersion(ctx, parsed.packageName, parsed.versionName);
    if (!version) return;
    const entry = current[parsed.packageName];
    const attributes = isObject(entry) && isObject(entry.attributes) ? entry.attributes : {};
    reported[parsed.packageName] = { version: version.versionName, attributes };
  }
  applyShadowUpdate(ctx, ref, { state: { reported } });
}

const FAILURES: Record<string, readonly ExecutionStatus[]> = {
  FAILED: ["FAILED"],
  REJECTED: ["REJECTED"],
  TIMED_OUT: ["TIMED_OUT"],
  ALL: ["FAILED", "REJECTED", "TIMED_OUT"],
};

/**
 * JOB-24 abort: once `minNumberOfExecutedThings` executions ended (succeeded or failed in some
 * way), a share of failures of the criterion's type at or above `thresholdPercentage` cancels
 * the job as CancelJob without force would. True when it did.
 */
function checkAbort(ctx: OperationContext, job: JobDoc): boolean {
  if (job.status !== "IN_PROGRESS" || !job.abortConfig?.criteriaList) return false;
  const c = job.counts;
  const executed = c.SUCCEEDED + c.FAILED + c.REJECTED + c.TIMED_OUT;
  for (const criterion of job.abortConfig.criteriaList) {
    const failed = (FAILURES[criterion.failureType ?? "ALL"] ?? []).reduce((n, s) => n + c[s], 0);
    if (executed === 0 || executed < (criterion.minNumberOfExecutedThings ?? 1)) continue;
    if ((failed * 100) / executed >= (criterion.thresholdPercentage ?? 100)) {
      cancelJob(ctx, job, { force: false });
      return true;
    }
  }
  return false;
}

/**
 * JOB-24 retry: a FAILED or TIMED_OUT execution matching a retry criterion (its own type first,
 * then ALL) with retries left gets a new QUEUED execution, number + 1, retryAttempt + 1.
 */
function checkRetry(ctx: OperationContext, job: JobDoc, exec: ExecutionDoc): void {
  if (job.status !== "IN_PROGRESS" || (exec.status !== "FAILED" && exec.status !== "TIMED_OUT")) return;
  const criteria = job.jobExecutionsRetryConfig?.criteriaList ?? [];
  const criterion =
    criteria.find((c) => c.failureType === exec.status) ?? criteria.find((c) => c.failureType === "ALL");
  if (criterion && exec.retryAttempt < (criterion.numberOfRetries ?? 0))
    queueExecution(ctx, job, exec.thingName, { retry: true });
}

/** Runs after setExecutionStatus stored a change from `from` to `exec.status`. */
export function applyExecutionEffects(
  ctx: OperationContext,
  job: JobDoc,
  exec: ExecutionDoc,
  from: ExecutionStatus,
): void {
  if (from === exec.status) return;
  if (!checkAbort(ctx, job)) checkRetry(ctx, job, exec);
  checkCompletion(ctx, job);
  // Last: the shadow update's events may reach continuous jobs (a dynamic group on `$package`,
  // JOB-9), which load and save jobs themselves; `job` is not written after this point.
  if (exec.status === "SUCCEEDED") updatePackageShadow(ctx, job, exec.thingName);
}

export interface CancelOptions {
  force: boolean;
  reasonCode?: string;
  comment?: string;
}

/**
 * JOB-8: the job becomes CANCELED at once; its QUEUED executions become CANCELED, IN_PROGRESS
 * ones only with `force` (then forceCanceled). Saves `job`.
 */
export function cancelJob(ctx: OperationContext, job: JobDoc, opts: CancelOptions): void {
  const now = ctx.clock.nowMs();
  job.status = "CANCELED";
  job.forceCanceled = opts.force;
  if (opts.reasonCode !== undefined) job.reasonCode = opts.reasonCode;
  if (opts.comment !== undefined) job.comment = opts.comment;
  job.lastUpdatedAt = now;
  saveJob(ctx, job);
  for (const exec of executionsOfJob(ctx, job.jobId)) {
    if (exec.status === "QUEUED" || (opts.force && exec.status === "IN_PROGRESS"))
      setExecutionStatus(ctx, job, exec, "CANCELED", {
        forceCanceled: exec.status === "IN_PROGRESS",
        effects: false,
      });
  }
}
