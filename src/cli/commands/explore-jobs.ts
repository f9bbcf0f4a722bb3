/**
 * `iotdm explore-jobs [list|describe|execution|executions|cancel|delete|stats]` (features.md 8):
 * the seven views, as actions or from a menu that comes back until the user is done. A job not
 * given with --job-id is picked from the jobs listed; cancel and delete want the word typed
 * (or --yes). Every input has a flag.
 */
import type { Command } from "commander";
import { Declined } from "../../io/errors.js";
import type { IoHost } from "../../io/host.js";
import { type MessageKey, t } from "../../io/i18n.js";
import { fromFlag, input, oneOf, type Parsed } from "../../io/input.js";
import {
  CANCELABLE,
  cancelJob,
  DELETABLE,
  deleteJob,
  describeExecution,
  describeJob,
  listExecutions,
  listJobs,
} from "../../workshop/jobs/explore.js";
import { EXECUTION_STATUSES, type ExecutionStatus, jobStats } from "../../workshop/jobs/stats.js";
import type { JobStatus } from "@aws-sdk/client-iot";
import type { CommandModule } from "../registry.js";
import { type Session, type TargetFlags, addTargetOptions, openSession, prepareTarget } from "../session.js";
import { showExecution, showExecutions, showJob, showJobs, showStats } from "./explore-jobs-views.js";

const ACTIONS = ["list", "describe", "execution", "executions", "cancel", "delete", "stats"] as const;
type Action = (typeof ACTIONS)[number];
const ACTION_KEYS: Record<Action, MessageKey> = {
  list: "jobs.explore.menu.list",
  describe: "jobs.explore.menu.describe",
  execution: "jobs.explore.menu.execution",
  executions: "jobs.explore.menu.executions",
  cancel: "jobs.explore.menu.cancel",
  delete: "jobs.explore.menu.delete",
  stats: "jobs.explore.menu.stats",
};

interface ExploreFlags extends TargetFlags {
  jobId?: string;
  thingName?: string;
  executionNumber?: string;
  status?: string;
  force?: boolean;
  reasonCode?: string;
  comment?: string;
}

const nonEmpty =
  (key: MessageKey) =>
  (raw: string): Parsed<string> =>
    raw.trim() === "" ? { problem: { key } } : { value: raw.trim() };

function actionOf(host: IoHost, given: string | undefined): Promise<Action> {
  return input(host, {
    flag: "[action]",
    given,
    parse: oneOf(ACTIONS, "jobs.explore.badAction"),
    prompt: { key: "jobs.explore.menu.prompt" },
    choices: ACTIONS.map((a) => ({ value: a, label: t(ACTION_KEYS[a]) })),
  });
}

/** The job to look at: --job-id, else one picked from the jobs listed (those in `statuses`). */
async function jobOf(host: IoHost, session: Session, flags: ExploreFlags, statuses?: JobStatus[]) {
  if (flags.jobId !== undefined) return flags.jobId;
  const jobs = await listJobs(session, statuses);
  if (jobs.length === 0) {
    host.say("info", "jobs.explore.list.none");
    return undefined;
  }
  return input(host, {
    flag: "--job-id",
    given: undefined,
    parse: nonEmpty("jobs.explore.jobIdRequired"),
    prompt: { key: "jobs.explore.jobPrompt" },
    choices: jobs.map((j) => ({ value: j.jobId, label: `${j.jobId} (${j.status})` })),
  });
}

function parseStatus(raw: string): Parsed<ExecutionStatus> {
  const s = raw.trim().toUpperCase();
  return (EXECUTION_STATUSES as readonly string[]).includes(s)
    ? { value: s as ExecutionStatus }
    : {
        problem: {
          key: "jobs.explore.badStatus",
          vars: { value: raw, values: EXECUTION_STATUSES.join(", ") },
        },
      };
}

function parseExecutionNumber(raw: string): Parsed<number> {
  const n = Number(raw);
  return Number.isSafeInteger(n) && n >= 1
    ? { value: n }
    : { problem: { key: "jobs.explore.badNumber", vars: { value: raw } } };
}

async function confirmTyped(host: IoHost, key: MessageKey, token: string, jobId: string): Promise<void> {
  const ok = await host.prompts.typed({ key, vars: { jobId }, flag: "--yes", token });
  if (!ok) {
    host.say("info", "jobs.explore.kept", { jobId });
    throw new Declined();
  }
}

async function runAction(host: IoHost, session: Session, action: Action, flags: ExploreFlags): Promise<void> {
  if (action === "list") {
    const jobs = await listJobs(session);
    showJobs(host, jobs);
    host.result({ jobs });
    return;
  }
  const statuses =
    action === "cancel" ? CANCELABLE : action === "delete" ? [...DELETABLE, ...CANCELABLE] : undefined;
  const jobId = await jobOf(host, session, flags, statuses);
  if (jobId === undefined) return;
  if (action === "describe") {
    const d = await describeJob(session, jobId);
    showJob(host, d);
    host.result({ job: d.job, document: d.document, counts: d.stats.counts });
  } else if (action === "execution") {
    const thingName = await input(host, {
      flag: "--thing-name",
      given: flags.thingName,
      parse: nonEmpty("jobs.explore.thingRequired"),
      prompt: { key: "jobs.explore.thingPrompt" },
    });
    const number = fromFlag("--execution-number", flags.executionNumber, parseExecutionNumber);
    const d = await describeExecution(session, jobId, thingName, number);
    showExecution(host, jobId, d);
    host.result(d);
  } else if (action === "executions") {
    const { executions, counts } = await listExecutions(
      session,
      jobId,
      fromFlag("--status", flags.status, parseStatus),
    );
    showExecutions(host, jobId, executions, jobStats(counts));
    host.result({ jobId, executions, counts });
  } else if (action === "stats") {
    const d = await describeJob(session, jobId);
    showStats(host, d);
    host.result({ jobId, status: d.job.status, ...d.stats });
  } else if (action === "cancel") {
    const before = await describeJob(session, jobId);
    showJob(host, before);
    await host.learn("jobs.learn.cancel");
    await confirmTyped(host, "jobs.explore.cancelConfirm", "CANCEL", jobId);
    const after = await cancelJob(session, jobId, {
      force: flags.force === true,
      reasonCode: flags.reasonCode,
      comment: flags.comment ?? "iotdm explore-jobs",
    });
    host.say("success", "jobs.explore.canceledDone", { jobId, status: after.job.status ?? "" });
    host.result({ jobId, status: after.job.status, counts: after.stats.counts });
  } else {
    const d = await describeJob(session, jobId);
    // In flight or with executions not finished, AWS deletes only with force (JOB-10).
    const force =
      flags.force === true || d.stats.pending > 0 || !DELETABLE.includes(d.job.status as JobStatus);
    host.say("warn", "jobs.explore.deleteWarning", { jobId, executions: d.stats.total });
    await host.learn("jobs.learn.delete");
    await confirmTyped(host, "jobs.explore.deleteConfirm", "DELETE", jobId);
    await deleteJob(session, jobId, force);
    host.say("success", "jobs.explore.deletedDone", { jobId });
    host.result({ jobId, deleted: true, force });
  }
}

async function run(host: IoHost, rawAction: string | undefined, flags: ExploreFlags): Promise<void> {
  const target = await prepareTarget(flags);
  host.say("title", "jobs.explore.title");
  const session = await openSession(host, target, {
    changes: rawAction === "cancel" || rawAction === "delete",
  });
  try {
    // With an action: that one view. Without: the menu, again until the user is done.
    for (;;) {
      const action = await actionOf(host, rawAction);
      await runAction(host, session, action, rawAction ? flags : { ...flags, jobId: undefined });
      if (rawAction || host.yes || !host.interactive) return;
      const more = await host.prompts.confirm({ key: "jobs.explore.more", flag: "[action]", default: true });
      if (!more) return;
    }
  } finally {
    session.close();
  }
}

function register(program: Command, host: () => IoHost): void {
  const cmd = program
    .command("explore-jobs")
    .description(t("jobs.explore.description"))
    .argument("[action]", t("jobs.explore.opt.action", { actions: ACTIONS.join(", ") }))
    .option("--job-id <id>", t("jobs.explore.opt.jobId"))
    .option("--thing-name <name>", t("jobs.explore.opt.thingName"))
    .option("--execution-number <n>", t("jobs.explore.opt.executionNumber"))
    .option("--status <status>", t("jobs.explore.opt.status"))
    .option("--force", t("jobs.explore.opt.force"))
    .option("--reason-code <code>", t("jobs.explore.opt.reasonCode"))
    .option("--comment <text>", t("jobs.explore.opt.comment"));
  addTargetOptions(cmd).action((action: string | undefined, flags: ExploreFlags) =>
    run(host(), action, flags),
  );
}

export const exploreJobsCommand: CommandModule = { name: "explore-jobs", register };
