/**
 * Jobs: the workshop tag, else association (every target is a workshop thing or group found in
 * this run). In-progress and scheduled jobs are cancelled first, then every job is deleted
 * with force, so executions still in flight do not block it. AWS allows only a few
 * deletions in progress at once: LimitExceededException is waited out. Job templates go by
 * their workshop tag only: nothing else ties a template to the workshop.
 */
import {
  CancelJobCommand,
  DeleteJobCommand,
  DeleteJobTemplateCommand,
  DescribeJobCommand,
  type JobSummary,
  ListJobsCommand,
  ListJobTemplatesCommand,
} from "@aws-sdk/client-iot";
import { allPages, mapLimit } from "../../aws/parallel.js";
import {
  type CleanupContext,
  deleteOnce,
  guard,
  listOrUnavailable,
  retryOn,
  settle,
  verdict,
} from "./context.js";
import { identify, iotTags, TAG_EVIDENCE } from "./identify.js";
import { shortList } from "./report.js";
import type { Identification } from "./types.js";

const DELETE_ATTEMPTS = 30;

async function byTargets(ctx: CleanupContext, jobId: string): Promise<Identification> {
  const job = await ctx.session.clients.iot.send(new DescribeJobCommand({ jobId }));
  const targets = job.job?.targets ?? [];
  const workshopArns = new Set([...ctx.found.workshopThings.values(), ...ctx.found.workshopGroupArns]);
  if (targets.length === 0 || !targets.every((arn) => workshopArns.has(arn)))
    return { workshop: false, reason: "noTagNoTargets", evidence: TAG_EVIDENCE };
  const names = targets.map((arn) => arn.slice(arn.lastIndexOf("/") + 1));
  return { workshop: true, method: "association", association: "jobTargets", evidence: shortList(names) };
}

async function remove(ctx: CleanupContext, job: JobSummary): Promise<void> {
  const iot = ctx.session.clients.iot;
  const jobId = job.jobId ?? "";
  if (job.status === "IN_PROGRESS" || job.status === "SCHEDULED")
    await iot.send(new CancelJobCommand({ jobId, force: true, comment: "iotdm cleanup" }));
  await retryOn(
    ["LimitExceededException"],
    DELETE_ATTEMPTS,
    () => 2000,
    () => deleteOnce(() => iot.send(new DeleteJobCommand({ jobId, force: true }))),
  );
}

export async function cleanJobs(ctx: CleanupContext): Promise<void> {
  const listed = await listOrUnavailable(ctx, "jobs", "iot:ListJobs", () =>
    allPages(
      (nextToken) => ctx.session.clients.iot.send(new ListJobsCommand({ maxResults: 250, nextToken })),
      (p) => p.jobs,
      (p) => p.nextToken,
    ),
  );
  if (!listed) return;
  ctx.tally.scanned("jobs", listed.length);
  await mapLimit(listed, ctx.session.concurrency(4), (job) =>
    guard(ctx, "jobs", job.jobId ?? "", async () => {
      const name = job.jobId ?? "";
      let id = identify(name, await iotTags(ctx.session, job.jobArn ?? ""), undefined);
      if (!id.workshop) id = await byTargets(ctx, name);
      if (id.workshop && job.status === "DELETION_IN_PROGRESS")
        id = { workshop: false, reason: "beingDeleted", evidence: "" };
      await settle(ctx, verdict("jobs", name, id), () => remove(ctx, job));
    }),
  );
  ctx.tally.flush("jobs");
}

export async function cleanJobTemplates(ctx: CleanupContext): Promise<void> {
  const iot = ctx.session.clients.iot;
  const listed = await listOrUnavailable(ctx, "jobTemplates", "iot:ListJobTemplates", () =>
    allPages(
      (nextToken) => iot.send(new ListJobTemplatesCommand({ maxResults: 250, nextToken })),
      (p) => p.jobTemplates,
      (p) => p.nextToken,
    ),
  );
  if (!listed) return;
  ctx.tally.scanned("jobTemplates", listed.length);
  await mapLimit(listed, ctx.session.concurrency(4), (template) =>
    guard(ctx, "jobTemplates", template.jobTemplateId ?? "", async () => {
      const id = template.jobTemplateId ?? "";
      const found = identify(id, await iotTags(ctx.session, template.jobTemplateArn ?? ""), undefined);
      await settle(ctx, verdict("jobTemplates", id, found), () =>
        deleteOnce(() => iot.send(new DeleteJobTemplateCommand({ jobTemplateId: id }))),
      );
    }),
  );
  ctx.tally.flush("jobTemplates");
}
