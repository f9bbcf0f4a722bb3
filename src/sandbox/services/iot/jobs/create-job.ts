import type { CreateJobRequest, CreateJobResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { invalidRequest, putTags } from "../common.js";
import { alreadyExists } from "../registry/model.js";
import { createJobConstraints } from "./constraints.js";
import {
  checkConfigs,
  checkDocumentAndPackages,
  checkOneSource,
  readJobDocument,
  withoutUndefined,
} from "./job-config.js";
import { scheduledStart, startJob } from "./lifecycle.js";
import { scheduleJob } from "./schedule.js";
import { emptyCounts, type JobConfigs, type JobDoc, jobArn, jobDocuments, jobs, saveJob } from "./model.js";
import { resolveTargets } from "./targets.js";
import { type JobTemplateDoc, templateByArn } from "./templates.js";

/** The configurations a job takes from its template, overridden member by member by CreateJob's. */
function configsOf(input: CreateJobRequest, template: JobTemplateDoc | undefined): JobConfigs {
  return {
    presignedUrlConfig: input.presignedUrlConfig ?? template?.presignedUrlConfig,
    jobExecutionsRolloutConfig: input.jobExecutionsRolloutConfig ?? template?.jobExecutionsRolloutConfig,
    abortConfig: input.abortConfig ?? template?.abortConfig,
    timeoutConfig: input.timeoutConfig ?? template?.timeoutConfig,
    jobExecutionsRetryConfig: input.jobExecutionsRetryConfig ?? template?.jobExecutionsRetryConfig,
  };
}

/**
 * JOB-1..JOB-5: validates everything before storing anything; 409 for an existing id; the
 * document from `document`, S3 (`documentSource`) or a template (`jobTemplateArn`), exactly one;
 * SCHEDULED when the start time is in the future, else IN_PROGRESS with its executions.
 */
export const createJob = defineOperation<CreateJobRequest, CreateJobResponse>({
  name: "CreateJob",
  constraints: createJobConstraints,
  handler: (input, ctx) => {
    const jobId = input.jobId!;
    const arn = jobArn(ctx, jobId);
    if (jobs(ctx).has(jobId)) throw alreadyExists(`Job ${jobId} already exists.`, jobId, arn);
    checkOneSource({
      document: input.document,
      documentSource: input.documentSource,
      jobTemplateArn: input.jobTemplateArn,
    });
    if (input.documentParameters !== undefined)
      throw invalidRequest("documentParameters can only be used with AWS managed job templates.");
    const template =
      input.jobTemplateArn !== undefined ? templateByArn(ctx, input.jobTemplateArn) : undefined;
    const document = template ? template.document : readJobDocument(ctx, input);
    const configs = configsOf(input, template);
    checkConfigs(configs);
    const start = scheduledStart(ctx, input.schedulingConfig);
    const destinations = input.destinationPackageVersions ?? template?.destinationPackageVersions;
    const resolved = checkDocumentAndPackages(ctx, document, configs, destinations);
    const targets = resolveTargets(ctx, input.targets!);
    const now = ctx.clock.nowMs();
    const job: JobDoc = withoutUndefined({
      jobId,
      targetSelection: input.targetSelection ?? "SNAPSHOT",
      status: start !== undefined ? "SCHEDULED" : "IN_PROGRESS",
      targets: input.targets!,
      description: input.description,
      documentSource: input.documentSource ?? template?.documentSource,
      ...configs,
      schedulingConfig: input.schedulingConfig,
      destinationPackageVersions: destinations,
      resolvedPackageVersions: resolved,
      namespaceId: input.namespaceId,
      jobTemplateArn: input.jobTemplateArn,
      thingGroupId: targets.groups[0]?.thingGroupId,
      createdAt: now,
      lastUpdatedAt: now,
      counts: emptyCounts(),
    });
    saveJob(ctx, job);
    jobDocuments(ctx).put(jobId, document);
    putTags(ctx, arn, input.tags);
    if (start === undefined) startJob(ctx, job);
    scheduleJob(ctx, job, start);
    return { jobArn: arn, jobId, description: input.description };
  },
});
