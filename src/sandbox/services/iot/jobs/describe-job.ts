import type { DescribeJobRequest, DescribeJobResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { jobId } from "./constraints.js";
import { requireJob } from "./model.js";
import { jobView } from "./views.js";

/** JOB-12: the job with its counters (O(1), JOB-7), never the document text. */
export const describeJob = defineOperation<DescribeJobRequest, DescribeJobResponse>({
  name: "DescribeJob",
  constraints: { jobId },
  handler: (input, ctx) => {
    const job = requireJob(ctx, input.jobId!);
    return { documentSource: job.documentSource, job: jobView(ctx, job, input.beforeSubstitution ?? false) };
  },
});
