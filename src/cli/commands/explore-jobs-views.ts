/**
 * What explore-jobs shows: tables of jobs and executions, a job with its document and counters,
 * one execution, and a job's statistics with its health grade and advice. Rendering only.
 */
import type { IoHost } from "../../io/host.js";
import { type MessageKey, t } from "../../io/i18n.js";
import type { Tone } from "../../io/host.js";
import { columnWidths, tableRow } from "../../io/table.js";
import type { ExecutionDetail, ExecutionRow, JobDetail, JobRow } from "../../workshop/jobs/explore.js";
import { type Advice, EXECUTION_STATUSES, type Health, type JobStats } from "../../workshop/jobs/stats.js";

const day = (d: Date | undefined) => (d ? d.toISOString().slice(0, 19).replace("T", " ") : "-");

const STATUS_TONES: Record<string, Tone> = {
  SUCCEEDED: "success",
  COMPLETED: "success",
  IN_PROGRESS: "info",
  QUEUED: "info",
  SCHEDULED: "info",
  FAILED: "error",
  TIMED_OUT: "error",
  REJECTED: "error",
  REMOVED: "warn",
  CANCELED: "warn",
  DELETION_IN_PROGRESS: "warn",
};
export const toneOf = (status: string): Tone => STATUS_TONES[status] ?? "plain";

const HEALTH: Record<Health, { key: MessageKey; tone: Tone }> = {
  none: { key: "jobs.explore.health.none", tone: "info" },
  excellent: { key: "jobs.explore.health.excellent", tone: "success" },
  good: { key: "jobs.explore.health.good", tone: "warn" },
  poor: { key: "jobs.explore.health.poor", tone: "error" },
  critical: { key: "jobs.explore.health.critical", tone: "error" },
};

const ADVICE: Record<Advice, MessageKey> = {
  noExecutions: "jobs.explore.advice.noExecutions",
  canceledEarly: "jobs.explore.advice.canceledEarly",
  devicesRemoved: "jobs.explore.advice.devicesRemoved",
  stillRunning: "jobs.explore.advice.stillRunning",
  highFailure: "jobs.explore.advice.highFailure",
  moderateFailure: "jobs.explore.advice.moderateFailure",
  excellent: "jobs.explore.advice.excellent",
  good: "jobs.explore.advice.good",
  mixed: "jobs.explore.advice.mixed",
};

function table(host: IoHost, header: string[], rows: Array<{ cells: string[]; tone: Tone }>): void {
  const widths = columnWidths([header, ...rows.map((r) => r.cells)]);
  host.line("title", tableRow(header, widths));
  for (const r of rows) host.line(r.tone, tableRow(r.cells, widths));
}

export function showJobs(host: IoHost, jobs: JobRow[]): void {
  if (jobs.length === 0) {
    host.say("info", "jobs.explore.list.none");
    return;
  }
  host.say("step", "jobs.explore.list.found", { count: jobs.length });
  table(
    host,
    [
      t("jobs.explore.column.jobId"),
      t("jobs.explore.column.status"),
      t("jobs.explore.column.selection"),
      t("jobs.explore.column.created"),
      t("jobs.explore.column.completed"),
    ],
    jobs.map((j) => ({
      cells: [j.jobId, j.status, j.targetSelection ?? "-", day(j.createdAt), day(j.completedAt)],
      tone: toneOf(j.status),
    })),
  );
}

function showCounts(host: IoHost, stats: JobStats): void {
  if (stats.total === 0) {
    host.say("info", "jobs.explore.noExecutions");
    return;
  }
  for (const s of EXECUTION_STATUSES)
    if (stats.counts[s] > 0)
      host.say(toneOf(s), "jobs.explore.count", {
        status: s,
        count: stats.counts[s],
        percent: ((stats.counts[s] / stats.total) * 100).toFixed(1),
      });
}

function showDocument(host: IoHost, document: string | undefined): void {
  if (document === undefined) {
    host.say("detail", "jobs.explore.noDocument");
    return;
  }
  host.say("step", "jobs.explore.document");
  let text = document;
  try {
    text = JSON.stringify(JSON.parse(document), null, 2);
  } catch {
    // not JSON: shown as stored
  }
  for (const l of text.split("\n")) host.line("detail", `  ${l}`);
}

export function showJob(host: IoHost, d: JobDetail): void {
  const j = d.job;
  host.say("plain", "jobs.explore.job", {
    jobId: j.jobId ?? "",
    status: j.status ?? "",
    description: j.description ?? "-",
    selection: j.targetSelection ?? "-",
    created: day(j.createdAt),
    completed: day(j.completedAt),
    targets: d.targets.join(", ") || "-",
  });
  if (j.reasonCode || j.comment)
    host.say("warn", "jobs.explore.canceled", { reason: j.reasonCode ?? "-", comment: j.comment ?? "-" });
  const settings = {
    jobExecutionsRolloutConfig: j.jobExecutionsRolloutConfig,
    abortConfig: j.abortConfig,
    timeoutConfig: j.timeoutConfig,
    jobExecutionsRetryConfig: j.jobExecutionsRetryConfig,
    presignedUrlConfig: j.presignedUrlConfig,
    destinationPackageVersions: j.destinationPackageVersions,
  };
  for (const [name, value] of Object.entries(settings))
    if (value !== undefined && !(Array.isArray(value) && value.length === 0))
      host.line("detail", `   ${name}: ${JSON.stringify(value)}`);
  showDocument(host, d.document);
  host.say("step", "jobs.explore.executions");
  showCounts(host, d.stats);
}

export function showExecution(host: IoHost, jobId: string, d: ExecutionDetail): void {
  const e = d.execution;
  host.say("plain", "jobs.explore.execution", {
    jobId,
    thing: d.thingName,
    status: e.status ?? "-",
    number: e.executionNumber ?? "-",
    version: e.versionNumber ?? "-",
    queued: day(e.queuedAt),
    started: day(e.startedAt),
    updated: day(e.lastUpdatedAt),
  });
  for (const [k, v] of Object.entries(e.statusDetails?.detailsMap ?? {}))
    host.line("detail", `   ${k}: ${v}`);
  showDocument(host, d.document);
}

export function showExecutions(host: IoHost, jobId: string, rows: ExecutionRow[], stats: JobStats): void {
  if (rows.length === 0) {
    host.say("info", "jobs.explore.executionsNone", { jobId });
    return;
  }
  host.say("step", "jobs.explore.executionsFound", { count: rows.length });
  table(
    host,
    [
      t("jobs.explore.column.thing"),
      t("jobs.explore.column.status"),
      t("jobs.explore.column.number"),
      t("jobs.explore.column.queued"),
      t("jobs.explore.column.updated"),
    ],
    rows.map((r) => ({
      cells: [r.thingName, r.status, String(r.executionNumber ?? "-"), day(r.queuedAt), day(r.lastUpdatedAt)],
      tone: toneOf(r.status),
    })),
  );
  showCounts(host, stats);
}

export function showStats(host: IoHost, d: JobDetail): void {
  const s = d.stats;
  host.say("title", "jobs.explore.stats.title", { jobId: d.job.jobId ?? "" });
  host.say("plain", "jobs.explore.stats.summary", {
    status: d.job.status ?? "",
    total: s.total,
    succeeded: s.succeeded,
    successRate: s.successRate.toFixed(1),
    failed: s.failed,
    failureRate: s.failureRate.toFixed(1),
    pending: s.pending,
  });
  showCounts(host, s);
  const health = HEALTH[s.health];
  host.say(health.tone, health.key);
  host.say("info", ADVICE[s.advice]);
  if (s.suggestCancel) host.say("warn", "jobs.explore.advice.considerCancel");
}
