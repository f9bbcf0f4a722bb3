/** Removing executions and jobs (DeleteJobExecution, JOB-10), re-exported by model.ts. */
import type { OperationContext } from "../../types.js";
import { collection, deleteTags, KIND, RELATION, relation } from "../common.js";
import {
  announceExecution,
  checkCompletion,
  type ExecutionDoc,
  executionHistory,
  executionId,
  executions,
  executionsOfJob,
  historyId,
  isTerminal,
  type JobDoc,
  jobDocuments,
  jobArn,
  jobs,
  saveJob,
} from "./model.js";
import { targetGroupNames } from "./targets.js";
import { type JobRef, ROLLOUT_TICK } from "./timer-kinds.js";

/**
 * DeleteJobExecution: removes one execution (latest or superseded). Removing the latest one
 * takes it out of the counters (JOB-7) and may complete a SNAPSHOT job (JOB-6); the thing keeps
 * its link to the job while superseded executions remain. Saves `job`.
 */
export function deleteExecution(ctx: OperationContext, job: JobDoc, exec: ExecutionDoc): void {
  const latest = executions(ctx).get(executionId(exec.jobId, exec.thingName));
  if (latest?.executionNumber === exec.executionNumber) {
    executions(ctx).delete(executionId(exec.jobId, exec.thingName));
    job.counts[exec.status] -= 1;
    job.lastUpdatedAt = ctx.clock.nowMs();
    saveJob(ctx, job);
  } else {
    executionHistory(ctx).delete(historyId(exec.jobId, exec.thingName, exec.executionNumber));
  }
  const remaining =
    executions(ctx).has(executionId(exec.jobId, exec.thingName)) ||
    executionHistory(ctx).list({ prefix: `${executionId(exec.jobId, exec.thingName)}/`, limit: 1 }).length >
      0;
  if (!remaining) relation(ctx, RELATION.thingJobs).unlink(exec.thingName, exec.jobId);
  announceExecution(ctx, exec, exec.status, true);
  checkCompletion(ctx, job);
}

/** JOB-10: the job, its document, executions (latest and superseded) and links disappear. */
export function purgeJob(ctx: OperationContext, jobId: string): void {
  const thingJobs = relation(ctx, RELATION.thingJobs);
  for (const exec of executionsOfJob(ctx, jobId)) {
    thingJobs.unlink(exec.thingName, jobId);
    executions(ctx).delete(executionId(jobId, exec.thingName));
    if (!isTerminal(exec.status)) announceExecution(ctx, exec, exec.status, true);
  }
  for (const { id, doc } of executionHistory(ctx).list({ prefix: `${jobId}/` })) {
    thingJobs.unlink(doc.thingName, jobId);
    executionHistory(ctx).delete(id);
  }
  const groups = relation(ctx, RELATION.continuousJobGroups);
  for (const group of targetGroupNames(jobs(ctx).get(jobId)?.targets ?? [])) groups.unlink(group, jobId);
  ctx.scheduler.cancel(ctx.scope, ROLLOUT_TICK, jobId);
  collection(ctx, KIND.jobRollout).delete(jobId);
  jobDocuments(ctx).delete(jobId);
  jobs(ctx).delete(jobId);
}

/** JOB-10: the job, with everything that belongs to it, tags included, is gone; its id is free. */
export function removeJob(ctx: OperationContext, jobId: string): void {
  purgeJob(ctx, jobId);
  deleteTags(ctx, jobArn(ctx, jobId));
}

export function onPurgeDue(ctx: OperationContext, ref: JobRef): void {
  const job = jobs(ctx).get(ref.jobId);
  if (job?.createdAt === ref.createdAt && job.status === "DELETION_IN_PROGRESS") removeJob(ctx, ref.jobId);
}
