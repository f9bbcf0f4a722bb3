/**
 * `iotdm create-job`: an OTA job (a package version, its artifact reached through presigned
 * URLs) or a custom job to thing groups (features.md 6). It finds what can be targeted, gathers
 * each answer from its flag or a question, shows the document and the configuration, then
 * creates the job, tagged for cleanup. Every input has a flag; --yes runs it unattended.
 */
import type { Command } from "commander";
import type { IoHost } from "../../io/host.js";
import { t } from "../../io/i18n.js";
import {
  advancedConfig,
  defaultDescription,
  type JobPlan,
  otaDocument,
  suggestedJobId,
} from "../../workshop/jobs/config.js";
import { createJob, discoverTargets, packageVersions } from "../../workshop/jobs/create.js";
import type { CommandModule } from "../registry.js";
import { type Session, addTargetOptions, hintCommand, openSession, prepareTarget } from "../session.js";
import {
  type CreateJobFlags,
  customJobDocument,
  description,
  jobId,
  jobKind,
  packageName,
  packageVersion,
  thingGroups,
} from "./create-job-inputs.js";
import { advancedOptions } from "./create-job-advanced.js";

async function gatherPlan(
  host: IoHost,
  session: Session,
  flags: CreateJobFlags,
): Promise<JobPlan | undefined> {
  await host.learn("jobs.learn.discovery");
  const found = await discoverTargets(session);
  if (found.groups.length === 0) {
    host.say("error", "jobs.create.noGroups", { command: hintCommand(session, ["provision"]) });
    return undefined;
  }
  host.say("info", "jobs.create.found", { groups: found.groups.length, packages: found.packages.length });
  await host.learn("jobs.learn.jobType");
  const kind = await jobKind(host, flags.jobType);
  await host.learn("jobs.learn.targets");
  const groups = await thingGroups(host, flags.thingGroups, found.groups);
  const advanced = await advancedOptions(host, flags);
  const now = Date.now() / 1000;
  if (kind === "custom") {
    const document = await customJobDocument(host, flags);
    return {
      kind,
      groups,
      advanced,
      document,
      description: await description(host, flags.description, defaultDescription(kind, groups)),
      jobId: await jobId(host, flags.jobId, suggestedJobId(kind, now)),
    };
  }
  if (found.packages.length === 0) {
    host.say("error", "jobs.create.noPackages", { command: hintCommand(session, ["provision"]) });
    return undefined;
  }
  const pkg = await packageName(
    host,
    flags.package,
    found.packages.map((p) => p.name),
  );
  const version = await packageVersion(host, flags.packageVersion, pkg, await packageVersions(session, pkg));
  return {
    kind,
    groups,
    advanced,
    packageName: pkg,
    version,
    document: JSON.stringify(otaDocument(pkg, version)),
    description: await description(host, flags.description, defaultDescription(kind, groups)),
    jobId: await jobId(host, flags.jobId, suggestedJobId(kind, now, pkg, version)),
  };
}

function showPlan(host: IoHost, plan: JobPlan): void {
  host.say("title", "jobs.create.plan.title");
  host.say("plain", "jobs.create.plan.summary", {
    jobId: plan.jobId,
    kind: t(plan.kind === "ota" ? "jobs.create.type.ota" : "jobs.create.type.custom"),
    groups: plan.groups.join(", "),
    description: plan.description,
  });
  if (plan.packageName)
    host.say("plain", "jobs.create.plan.package", { package: plan.packageName, version: plan.version ?? "" });
  host.say("step", "jobs.create.plan.document");
  for (const l of JSON.stringify(JSON.parse(plan.document), null, 2).split("\n"))
    host.line("detail", `  ${l}`);
  host.say("step", "jobs.create.plan.config");
  for (const l of JSON.stringify(advancedConfig(plan.advanced), null, 2).split("\n"))
    host.line("detail", `  ${l}`);
}

async function run(host: IoHost, flags: CreateJobFlags): Promise<void> {
  const target = await prepareTarget(flags);
  host.say("title", "jobs.create.title");
  const session = await openSession(host, target, { changes: true });
  try {
    const plan = await gatherPlan(host, session, flags);
    if (!plan) {
      host.fail();
      return;
    }
    showPlan(host, plan);
    await host.learn("jobs.learn.creation", { groups: plan.groups.length });
    const created = await createJob(session, plan);
    host.say("success", "jobs.create.done", { jobId: created.jobId, arn: created.jobArn });
    const next =
      plan.kind === "ota"
        ? ["simulate-jobs", "--job-id", plan.jobId]
        : ["explore-jobs", "describe", "--job-id", plan.jobId];
    host.say("info", "jobs.create.next", { command: hintCommand(session, next) });
    host.result({
      ok: true,
      job: {
        ...created,
        kind: plan.kind,
        description: plan.description,
        groups: plan.groups,
        packageName: plan.packageName,
        version: plan.version,
        ...advancedConfig(plan.advanced),
      },
    });
  } finally {
    session.close();
  }
}

function register(program: Command, host: () => IoHost): void {
  const cmd = program
    .command("create-job")
    .description(t("jobs.create.description"))
    .option("--job-type <type>", t("jobs.create.opt.jobType"))
    .option("--thing-groups <list>", t("jobs.create.opt.thingGroups"))
    .option("--package <name>", t("jobs.create.opt.package"))
    .option("--package-version <version>", t("jobs.create.opt.packageVersion"))
    .option("--job-id <id>", t("jobs.create.opt.jobId"))
    .option("--description <text>", t("jobs.create.opt.description"))
    .option("--document <json>", t("jobs.create.opt.document"))
    .option("--document-file <file>", t("jobs.create.opt.documentFile"))
    .option("--operation <name>", t("jobs.create.opt.operation"))
    .option("--advanced", t("jobs.create.opt.advanced"))
    .option("--target-selection <selection>", t("jobs.create.opt.targetSelection"))
    .option("--max-per-minute <n>", t("jobs.create.opt.maxPerMinute"))
    .option("--exponential-base <n>", t("jobs.create.opt.exponentialBase"))
    .option("--exponential-factor <f>", t("jobs.create.opt.exponentialFactor"))
    .option("--exponential-notified <n>", t("jobs.create.opt.exponentialNotified"))
    .option("--exponential-succeeded <n>", t("jobs.create.opt.exponentialSucceeded"))
    .option("--abort-failure-type <type>", t("jobs.create.opt.abortFailureType"))
    .option("--abort-threshold-percent <p>", t("jobs.create.opt.abortThresholdPercent"))
    .option("--abort-min-executed <n>", t("jobs.create.opt.abortMinExecuted"))
    .option("--timeout-minutes <n>", t("jobs.create.opt.timeoutMinutes"))
    .option("--retries <n>", t("jobs.create.opt.retries"))
    .option("--retry-failure-type <type>", t("jobs.create.opt.retryFailureType"));
  addTargetOptions(cmd).action((flags: CreateJobFlags) => run(host(), flags));
}

export const createJobCommand: CommandModule = { name: "create-job", register };
