/**
 * `iotdm simulate-jobs`: plays the devices of a job (features.md 7). It picks an active job,
 * finds every pending execution, asks how many devices to play and how many should succeed,
 * then runs them in parallel, each downloading its firmware for real, and sums up. Every input
 * has a flag: --job-id, --count, --success-rate, --random, --verbose, --yes.
 */
import type { Command } from "commander";
import { Declined } from "../../io/errors.js";
import type { IoHost } from "../../io/host.js";
import { t } from "../../io/i18n.js";
import { input, type Parsed } from "../../io/input.js";
import { listJobs } from "../../workshop/jobs/explore.js";
import { pendingExecutions, planOutcomes, simulateJob } from "../../workshop/jobs/simulate.js";
import type { CommandModule } from "../registry.js";
import {
  type Session,
  type TargetFlags,
  addTargetOptions,
  hintCommand,
  openSession,
  prepareTarget,
} from "../session.js";

interface SimulateFlags extends TargetFlags {
  jobId?: string;
  count?: string;
  successRate?: string;
  random?: boolean;
  verbose?: boolean;
}

const MAX_FAILURE_LINES = 10;

function parseCount(raw: string): Parsed<number | undefined> {
  const text = raw.trim().toLowerCase();
  if (text === "" || text === "all") return { value: undefined };
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 0
    ? { value: n }
    : { problem: { key: "jobs.simulate.badCount", vars: { value: raw } } };
}

function parseRate(raw: string): Parsed<number> {
  const n = Number(raw.trim());
  return raw.trim() !== "" && Number.isFinite(n) && n >= 0 && n <= 100
    ? { value: n }
    : { problem: { key: "jobs.simulate.badRate", vars: { value: raw } } };
}

/** The job to play: --job-id, else one of the jobs in progress. */
async function jobOf(host: IoHost, session: Session, given: string | undefined): Promise<string | undefined> {
  if (given !== undefined) return given;
  const active = await listJobs(session, ["IN_PROGRESS"]);
  if (active.length === 0) {
    host.say("error", "jobs.simulate.noActive", { command: hintCommand(session, ["create-job"]) });
    return undefined;
  }
  return input(host, {
    flag: "--job-id",
    given: undefined,
    parse: (raw): Parsed<string> => ({ value: raw }),
    prompt: { key: "jobs.simulate.jobPrompt" },
    default: active[0].jobId,
    choices: active.map((j) => ({ value: j.jobId, label: j.jobId })),
  });
}

async function run(host: IoHost, flags: SimulateFlags): Promise<void> {
  const target = await prepareTarget(flags);
  host.say("title", "jobs.simulate.title");
  const session = await openSession(host, target, { changes: true });
  try {
    await host.learn("jobs.learn.simulateDiscovery");
    const jobId = await jobOf(host, session, flags.jobId);
    if (jobId === undefined) return host.fail();
    await host.learn("jobs.learn.simulateExecutions", { jobId });
    const pending = await pendingExecutions(session, jobId);
    if (pending.length === 0) {
      host.say("error", "jobs.simulate.noPending", { jobId });
      return host.fail();
    }
    host.say("info", "jobs.simulate.pending", { count: pending.length, jobId });
    const count = await input(host, {
      flag: "--count",
      given: flags.count,
      parse: parseCount,
      prompt: { key: "jobs.simulate.countPrompt", vars: { count: pending.length } },
      default: "all",
    });
    const successRate = await input(host, {
      flag: "--success-rate",
      given: flags.successRate,
      parse: parseRate,
      prompt: { key: "jobs.simulate.ratePrompt" },
      default: "100",
    });
    const devices = Math.min(count ?? pending.length, pending.length);
    const planned = flags.random ? undefined : planOutcomes(devices, successRate).filter(Boolean).length;
    host.say("plain", flags.random ? "jobs.simulate.planRandom" : "jobs.simulate.plan", {
      total: devices,
      succeed: planned ?? 0,
      fail: devices - (planned ?? 0),
      rate: successRate,
    });
    const go =
      host.yes ||
      (await host.prompts.confirm({ key: "jobs.simulate.confirm", flag: "--yes", default: true }));
    if (!go) throw new Declined();
    await host.learn("jobs.learn.simulation", { count: devices, rate: successRate });
    const report = await simulateJob(
      session,
      host,
      { jobId, count, successRate, random: flags.random ? Math.random : undefined, verbose: flags.verbose },
      pending,
    );
    host.say(report.errors === 0 ? "success" : "warn", "jobs.simulate.summary", {
      processed: report.processed,
      succeeded: report.succeeded,
      failed: report.failed,
      errors: report.errors,
      seconds: report.seconds.toFixed(1),
      rate: report.perSecond,
      downloads: report.downloads,
      bytes: report.downloadedBytes,
    });
    for (const f of report.failures.slice(0, MAX_FAILURE_LINES))
      host.say(f.reason === "CALL_FAILED" ? "error" : "detail", "jobs.simulate.failureLine", {
        thing: f.thingName,
        reason: f.reason,
        error: f.error ?? "",
      });
    host.say("info", "jobs.simulate.next", {
      command: hintCommand(session, ["explore-jobs", "stats", "--job-id", jobId]),
    });
    host.result({ ok: report.errors === 0, ...report });
    if (report.errors > 0) host.fail();
  } finally {
    session.close();
  }
}

function register(program: Command, host: () => IoHost): void {
  const cmd = program
    .command("simulate-jobs")
    .description(t("jobs.simulate.description"))
    .option("--job-id <id>", t("jobs.simulate.opt.jobId"))
    .option("--count <n>", t("jobs.simulate.opt.count"))
    .option("--success-rate <percent>", t("jobs.simulate.opt.successRate"))
    .option("--random", t("jobs.simulate.opt.random"))
    .option("--verbose", t("jobs.simulate.opt.verbose"));
  addTargetOptions(cmd).action((flags: SimulateFlags) => run(host(), flags));
}

export const simulateJobsCommand: CommandModule = { name: "simulate-jobs", register };
