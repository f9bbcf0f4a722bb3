import type { AssociateTargetsWithJobRequest, AssociateTargetsWithJobResponse } from "@aws-sdk/client-iot";
import { ServiceError } from "../../../errors.js";
import { defineOperation } from "../../types.js";
import { invalidRequest, RELATION, relation } from "../common.js";
import { comment, jobId, namespaceId, targetsConstraints } from "./constraints.js";
import { jobArn, requireJob, saveJob } from "./model.js";
import { releaseJoining } from "./rollout.js";
import { expandTargets, resolveTargets } from "./targets.js";

/** AWS's limit on the targets of one job [S13]. */
export const MAX_JOB_TARGETS = 100;

/**
 * Adds targets to a CONTINUOUS job that is IN_PROGRESS (else 400): the things they reach now
 * get a QUEUED execution unless they have a pending one (JOB-9), at the job's rollout rate when
 * it has one; more than 100 targets in all → 410 LimitExceededException.
 */
export const associateTargetsWithJob = defineOperation<
  AssociateTargetsWithJobRequest,
  AssociateTargetsWithJobResponse
>({
  name: "AssociateTargetsWithJob",
  constraints: { jobId, comment, namespaceId, ...targetsConstraints("targets") },
  handler: (input, ctx) => {
    const job = requireJob(ctx, input.jobId!);
    if (job.targetSelection !== "CONTINUOUS")
      throw invalidRequest(
        `Job ${job.jobId} is a SNAPSHOT job; targets can only be added to CONTINUOUS jobs.`,
      );
    if (job.status !== "IN_PROGRESS")
      throw invalidRequest(
        `Job ${job.jobId} is ${job.status}; targets can only be added to a job IN_PROGRESS.`,
      );
    const added = input.targets!.filter(
      (arn, i, all) => !job.targets.includes(arn) && all.indexOf(arn) === i,
    );
    if (job.targets.length + added.length > MAX_JOB_TARGETS)
      throw new ServiceError(
        "LimitExceededException",
        `A job can have at most ${MAX_JOB_TARGETS} targets.`,
        {},
        410,
      );
    const targets = resolveTargets(ctx, added);
    job.targets = [...job.targets, ...added];
    job.thingGroupId ??= targets.groups[0]?.thingGroupId;
    saveJob(ctx, job);
    const groups = relation(ctx, RELATION.continuousJobGroups);
    for (const g of targets.groups) groups.link(g.thingGroupName, job.jobId);
    releaseJoining(ctx, job, expandTargets(ctx, targets));
    return { jobArn: jobArn(ctx, job.jobId), jobId: job.jobId, description: job.description };
  },
});
