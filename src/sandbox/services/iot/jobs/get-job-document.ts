import type { GetJobDocumentRequest, GetJobDocumentResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { jobId } from "./constraints.js";
import { jobPlaceholderContext } from "./job-config.js";
import { jobDocument, requireJob } from "./model.js";
import { resolvePackagePlaceholders } from "./placeholders.js";

/**
 * JOB-13: the document with package placeholders substituted, or as written with
 * `beforeSubstitution`; presigned-URL placeholders are only expanded for devices.
 */
export const getJobDocument = defineOperation<GetJobDocumentRequest, GetJobDocumentResponse>({
  name: "GetJobDocument",
  constraints: { jobId },
  handler: (input, ctx) => {
    const job = requireJob(ctx, input.jobId!);
    const document = jobDocument(ctx, job.jobId);
    if (input.beforeSubstitution) return { document };
    return { document: resolvePackagePlaceholders(document, jobPlaceholderContext(ctx, job)) };
  },
});
