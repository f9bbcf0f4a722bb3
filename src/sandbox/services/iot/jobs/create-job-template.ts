import type { CreateJobTemplateRequest, CreateJobTemplateResponse } from "@aws-sdk/client-iot";
import { ServiceError } from "../../../errors.js";
import { defineOperation } from "../../types.js";
import { putTags } from "../common.js";
import { documentConstraints, jobTemplateId } from "./constraints.js";
import {
  checkConfigs,
  checkDocumentAndPackages,
  checkOneSource,
  readJobDocument,
  withoutUndefined,
} from "./job-config.js";
import { jobByArn, jobDocument } from "./model.js";
import { type JobTemplateDoc, jobTemplateArn, jobTemplates } from "./templates.js";

/**
 * A template from a document, an S3 document or an existing job (`jobArn`: its document and
 * configurations, members given here winning), checked as CreateJob checks them; an existing
 * id → 409 ConflictException.
 */
export const createJobTemplate = defineOperation<CreateJobTemplateRequest, CreateJobTemplateResponse>({
  name: "CreateJobTemplate",
  constraints: { jobTemplateId, ...documentConstraints },
  handler: (input, ctx) => {
    const id = input.jobTemplateId!;
    if (jobTemplates(ctx).has(id))
      throw new ServiceError(
        "ConflictException",
        `Job template ${id} already exists.`,
        { resourceId: id },
        409,
      );
    checkOneSource({ jobArn: input.jobArn, document: input.document, documentSource: input.documentSource });
    const job = input.jobArn !== undefined ? jobByArn(ctx, input.jobArn) : undefined;
    const doc: JobTemplateDoc = withoutUndefined({
      jobTemplateId: id,
      description: input.description!,
      document: job ? jobDocument(ctx, job.jobId) : readJobDocument(ctx, input),
      documentSource: input.documentSource ?? job?.documentSource,
      presignedUrlConfig: input.presignedUrlConfig ?? job?.presignedUrlConfig,
      jobExecutionsRolloutConfig: input.jobExecutionsRolloutConfig ?? job?.jobExecutionsRolloutConfig,
      abortConfig: input.abortConfig ?? job?.abortConfig,
      timeoutConfig: input.timeoutConfig ?? job?.timeoutConfig,
      jobExecutionsRetryConfig: input.jobExecutionsRetryConfig ?? job?.jobExecutionsRetryConfig,
      maintenanceWindows: input.maintenanceWindows,
      destinationPackageVersions: input.destinationPackageVersions ?? job?.destinationPackageVersions,
      createdAt: ctx.clock.nowMs(),
    });
    checkConfigs(doc);
    checkDocumentAndPackages(ctx, doc.document, doc, doc.destinationPackageVersions);
    jobTemplates(ctx).put(id, doc);
    putTags(ctx, jobTemplateArn(ctx, id), input.tags);
    return { jobTemplateArn: jobTemplateArn(ctx, id), jobTemplateId: id };
  },
});
