/**
 * `iotdm explore-jobs` (features.md 8, the quirks' intent): every job (all pages, newest first,
 * Q-27/Q-28), a job with its document (GetJobDocument, Q-29), one execution with the thing it
 * belongs to (Q-30), a job's executions, cancel, delete, and statistics graded by stats.ts.
 */
import {
  CancelJobCommand,
  DeleteJobCommand,
  DescribeJobCommand,
  DescribeJobExecutionCommand,
  GetJobDocumentCommand,
  type Job,
  type JobExecution,
  type JobStatus,
  ListJobExecutionsForJobCommand,
  ListJobsCommand,
} from "@aws-sdk/client-iot";
import { allPages } from "../../aws/parallel.js";
import type { AwsSession } from "../../aws/session.js";
import { countsOfJob, type ExecutionStatus, emptyCounts, type JobStats, jobStats } from "./stats.js";

export interface JobRow {
  jobId: string;
  status: string;
  targetSelection?: string;
  createdAt?: Date;
  completedAt?: Date;
}

export interface ExecutionRow {
  thingName: string;
  status: string;
  executionNumber?: number;
  queuedAt?: Date;
  startedAt?: Date;
  lastUpdatedAt?: Date;
}

/** Jobs that can still be canceled, and jobs AWS deletes without force (JOB-8, JOB-10). */
export const CANCELABLE: JobStatus[] = ["IN_PROGRESS", "SCHEDULED"];
export const DELETABLE: JobStatus[] = ["COMPLETED", "CANCELED"];

const nameOfArn = (arn: string | undefined) => (arn ? arn.slice(arn.lastIndexOf("/") + 1) : "");

/** Every job, newest first; only those with one of `statuses` when given. */
export async function listJobs(session: AwsSession, statuses?: JobStatus[]): Promise<JobRow[]> {
  const iot = session.clients.iot;
  const pages = (status?: JobStatus) =>
    allPages(
      (nextToken) => iot.send(new ListJobsCommand({ status, maxResults: 250, nextToken })),
      (p) => p.jobs,
      (p) => p.nextToken,
    );
  const jobs = statuses ? (await Promise.all(statuses.map(pages))).flat() : await pages();
  return jobs
    .map((j) => ({
      jobId: j.jobId ?? "",
      status: j.status ?? "",
      targetSelection: j.targetSelection,
      createdAt: j.createdAt,
      completedAt: j.completedAt,
    }))
    .sort(
      (a, b) =>
        (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0) || a.jobId.localeCompare(b.jobId),
    );
}

export interface JobDetail {
  job: Job;
  targets: string[];
  /** The document as stored, package placeholders resolved (JOB-13); undefined when it cannot be read. */
  document?: string;
  stats: JobStats;
}

export async function describeJob(session: AwsSession, jobId: string): Promise<JobDetail> {
  const iot = session.clients.iot;
  const [described, document] = await Promise.all([
    iot.send(new DescribeJobCommand({ jobId })),
    iot.send(new GetJobDocumentCommand({ jobId })).then(
      (d) => d.document,
      () => undefined,
    ),
  ]);
  const job = described.job ?? {};
  return {
    job,
    targets: (job.targets ?? []).map(nameOfArn),
    document,
    stats: jobStats(countsOfJob(job.jobProcessDetails)),
  };
}

export interface ExecutionDetail {
  /** The thing asked about: the control plane's execution carries its ARN only. */
  thingName: string;
  execution: JobExecution;
  document?: string;
}

export async function describeExecution(
  session: AwsSession,
  jobId: string,
  thingName: string,
  executionNumber?: number,
): Promise<ExecutionDetail> {
  const iot = session.clients.iot;
  const [described, document] = await Promise.all([
    iot.send(new DescribeJobExecutionCommand({ jobId, thingName, executionNumber })),
    iot.send(new GetJobDocumentCommand({ jobId })).then(
      (d) => d.document,
      () => undefined,
    ),
  ]);
  return { thingName, execution: described.execution ?? {}, document };
}

/** Every execution of a job (the latest per thing), in thing order, and their count per status. */
export async function listExecutions(
  session: AwsSession,
  jobId: string,
  status?: ExecutionStatus,
): Promise<{ executions: ExecutionRow[]; counts: Record<ExecutionStatus, number> }> {
  const summaries = await allPages(
    (nextToken) =>
      session.clients.iot.send(
        new ListJobExecutionsForJobCommand({ jobId, status, maxResults: 250, nextToken }),
      ),
    (p) => p.executionSummaries,
    (p) => p.nextToken,
  );
  const counts = emptyCounts();
  const executions = summaries
    .map((s) => ({
      thingName: nameOfArn(s.thingArn),
      status: s.jobExecutionSummary?.status ?? "",
      executionNumber: s.jobExecutionSummary?.executionNumber,
      queuedAt: s.jobExecutionSummary?.queuedAt,
      startedAt: s.jobExecutionSummary?.startedAt,
      lastUpdatedAt: s.jobExecutionSummary?.lastUpdatedAt,
    }))
    .sort((a, b) => a.thingName.localeCompare(b.thingName));
  for (const e of executions) if (e.status in counts) counts[e.status as ExecutionStatus]++;
  return { executions, counts };
}

export interface CancelOptions {
  force: boolean;
  reasonCode?: string;
  comment?: string;
}

export async function cancelJob(session: AwsSession, jobId: string, o: CancelOptions): Promise<JobDetail> {
  await session.clients.iot.send(
    new CancelJobCommand({ jobId, force: o.force, reasonCode: o.reasonCode, comment: o.comment }),
  );
  return describeJob(session, jobId);
}

/**
 * Deletes a job; force when it still runs or has executions in flight (JOB-10), which AWS
 * otherwise refuses.
 */
export async function deleteJob(session: AwsSession, jobId: string, force: boolean): Promise<void> {
  await session.clients.iot.send(new DeleteJobCommand({ jobId, force }));
}
