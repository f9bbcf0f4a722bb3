/**
 * `iotdm simulate-jobs`: the devices of a job, each doing what a real device does (features.md 7,
 * the quirks' intent): say it started (QUEUED → IN_PROGRESS) and receive the job document with
 * every placeholder resolved, download each firmware artifact through its presigned URL and
 * check the bytes that arrived, then report SUCCEEDED or FAILED with details. Every
 * pending execution is found (all pages, Q-27); thousands run in parallel through the client's
 * call pool; against AWS the client paces itself.
 */
import { type JobExecutionStatus, ListJobExecutionsForJobCommand } from "@aws-sdk/client-iot";
import { performance } from "node:perf_hooks";
import { type IoTJobsDataPlaneClient, UpdateJobExecutionCommand } from "@aws-sdk/client-iot-jobs-data-plane";
import { download } from "../../aws/download.js";
import { allPages, mapLimit } from "../../aws/parallel.js";
import type { AwsSession } from "../../aws/session.js";
import { describeError } from "../errors.js";
import type { WorkshopIo } from "../io.js";

/** Devices working at once: enough to keep the call pool busy. */
const DEVICE_CONCURRENCY = 64;
const MAX_REPORTED_FAILURES = 20;
const PENDING: JobExecutionStatus[] = ["QUEUED", "IN_PROGRESS"];

export interface SimulationOptions {
  jobId: string;
  /** How many of the pending executions to run; all when undefined. */
  count?: number;
  /** Percent of the devices that succeed (0-100). */
  successRate: number;
  /**
   * Outcomes drawn at random, each device succeeding with the success rate's probability;
   * without it, the first devices (in thing order) succeed, exactly the rate's share.
   */
  random?: () => number;
  /** One line per device step. */
  verbose?: boolean;
}

export type FailureType = "SIMULATED_FAILURE" | "DOWNLOAD_FAILURE";

export interface DeviceFailure {
  thingName: string;
  /** What went wrong: a failure the plan asked for, a download that failed, or a call refused. */
  reason: FailureType | "CALL_FAILED";
  error?: string;
}

export interface SimulationReport {
  jobId: string;
  pending: number;
  processed: number;
  succeeded: number;
  /** Reported FAILED: planned failures and failed downloads. */
  failed: number;
  /** Devices whose calls were refused (their execution is left as it was). */
  errors: number;
  downloads: number;
  downloadedBytes: number;
  seconds: number;
  perSecond: number;
  /** Latency of the devices' data-plane calls as they saw it, in ms. */
  latencyMs: { calls: number; p50: number; p99: number };
  failures: DeviceFailure[];
}

/** Durations of the devices' data-plane calls. */
class CallTimer {
  readonly durations: number[] = [];

  async time<T>(call: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await call();
    } finally {
      this.durations.push(performance.now() - t0);
    }
  }

  latency(): SimulationReport["latencyMs"] {
    const sorted = [...this.durations].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
    const ms = (n: number) => Number(n.toFixed(2));
    return { calls: sorted.length, p50: ms(at(50)), p99: ms(at(99)) };
  }
}

/** Thing names of the job's pending executions (QUEUED and IN_PROGRESS), every page, in thing order. */
export async function pendingExecutions(session: AwsSession, jobId: string): Promise<string[]> {
  const names: string[] = [];
  for (const status of PENDING) {
    const page = await allPages(
      (nextToken) =>
        session.clients.iot.send(
          new ListJobExecutionsForJobCommand({ jobId, status, maxResults: 250, nextToken }),
        ),
      (p) => p.executionSummaries,
      (p) => p.nextToken,
    );
    for (const e of page) if (e.thingArn) names.push(e.thingArn.slice(e.thingArn.lastIndexOf("/") + 1));
  }
  return [...new Set(names)].sort();
}

/** Which devices succeed: the rate's share exactly (the first ones), or each at random. */
export function planOutcomes(count: number, successRate: number, random?: () => number): boolean[] {
  if (random) return Array.from({ length: count }, () => random() * 100 < successRate);
  const successes = Math.floor((count * successRate) / 100);
  return Array.from({ length: count }, (_, i) => i < successes);
}

/** The presigned artifact URLs of an OTA document (`ota.packages.*.artifact.s3PresignedUrl`). */
export function artifactUrls(document: string | undefined): string[] {
  if (!document) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return [];
  }
  const packages = (parsed as { ota?: { packages?: unknown } } | null)?.ota?.packages;
  if (!packages || typeof packages !== "object") return [];
  const urls: string[] = [];
  for (const p of Object.values(packages as Record<string, unknown>)) {
    const url = (p as { artifact?: { s3PresignedUrl?: unknown } } | null)?.artifact?.s3PresignedUrl;
    if (typeof url === "string" && url.trim() !== "") urls.push(url);
  }
  return urls;
}

interface DeviceResult {
  status: "SUCCEEDED" | "FAILED";
  downloads: number;
  bytes: number;
  failure?: FailureType;
}

/** One device's run of its execution; throws when a call is refused. */
async function runDevice(
  jobs: IoTJobsDataPlaneClient,
  timer: CallTimer,
  io: WorkshopIo,
  o: SimulationOptions,
  thingName: string,
  succeed: boolean,
): Promise<DeviceResult> {
  const { jobId } = o;
  // A device told of the job says it starts and asks for the document in the same call (the
  // state and the document come back with it), as an MQTT device does on `.../update`.
  const started = await timer.time(() =>
    jobs.send(
      new UpdateJobExecutionCommand({
        jobId,
        thingName,
        status: "IN_PROGRESS",
        statusDetails: { step: "downloading" },
        includeJobExecutionState: true,
        includeJobDocument: true,
      }),
    ),
  );
  const version = started.executionState?.versionNumber ?? 0;
  const document = started.jobDocument;
  let bytes = 0;
  let downloaded = true;
  const urls = artifactUrls(document);
  for (const url of urls) {
    const got = await download(url);
    bytes += got.bytes;
    downloaded &&= got.ok;
    if (o.verbose)
      io.say(
        got.ok ? "detail" : "warn",
        got.ok ? "jobs.simulate.downloaded" : "jobs.simulate.downloadFailed",
        {
          thing: thingName,
          bytes: got.bytes,
          status: got.status ?? "-",
        },
      );
  }
  const failure: FailureType | undefined = !downloaded
    ? "DOWNLOAD_FAILURE"
    : succeed
      ? undefined
      : "SIMULATED_FAILURE";
  const status = failure ? "FAILED" : "SUCCEEDED";
  await timer.time(() =>
    jobs.send(
      new UpdateJobExecutionCommand({
        jobId,
        thingName,
        status,
        expectedVersion: version,
        statusDetails: failure
          ? {
              failureType: failure,
              failureReason: failure === "DOWNLOAD_FAILURE" ? "Download failed" : "Simulated failure",
            }
          : { step: "installed", downloadedBytes: String(bytes) },
      }),
    ),
  );
  if (o.verbose) io.say(failure ? "warn" : "success", "jobs.simulate.reported", { thing: thingName, status });
  return { status, downloads: urls.length, bytes, failure };
}

export async function simulateJob(
  session: AwsSession,
  io: WorkshopIo,
  o: SimulationOptions,
  pending: string[],
): Promise<SimulationReport> {
  const things = o.count === undefined ? pending : pending.slice(0, Math.max(0, o.count));
  const outcomes = planOutcomes(things.length, o.successRate, o.random);
  const jobs = await session.clients.jobsData();
  const timer = new CallTimer();
  const report: SimulationReport = {
    jobId: o.jobId,
    pending: pending.length,
    processed: 0,
    succeeded: 0,
    failed: 0,
    errors: 0,
    downloads: 0,
    downloadedBytes: 0,
    seconds: 0,
    perSecond: 0,
    latencyMs: { calls: 0, p50: 0, p99: 0 },
    failures: [],
  };
  const note = (f: DeviceFailure) => {
    if (report.failures.length < MAX_REPORTED_FAILURES) report.failures.push(f);
  };
  const progress = io.progress("jobs.simulate.progress", things.length);
  await mapLimit(
    things.map((thingName, i) => ({ thingName, succeed: outcomes[i] })),
    session.concurrency(DEVICE_CONCURRENCY),
    async ({ thingName, succeed }) => {
      try {
        const r = await runDevice(jobs, timer, io, o, thingName, succeed);
        report.downloads += r.downloads;
        report.downloadedBytes += r.bytes;
        if (r.status === "SUCCEEDED") report.succeeded++;
        else {
          report.failed++;
          note({ thingName, reason: r.failure ?? "SIMULATED_FAILURE" });
        }
      } catch (e) {
        report.errors++;
        note({ thingName, reason: "CALL_FAILED", error: describeError(e) });
      }
      report.processed++;
      progress.tick();
    },
  );
  const { seconds, rate } = progress.stop();
  report.seconds = Number(seconds.toFixed(2));
  report.perSecond = Math.round(rate);
  report.latencyMs = timer.latency();
  return report;
}
