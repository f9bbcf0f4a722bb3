import type { ListJobExecutionsForJobRequest, ListJobExecutionsForJobResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { decodeToken, page } from "../common.js";
import { DEFAULT_MAX_RESULTS } from "../registry/listing.js";
import { thingArn } from "../registry/model.js";
import { executionStatus, jobId, maxResults } from "./constraints.js";
import { type ExecutionDoc, executionsOfJob, requireJob } from "./model.js";
import { executionSummary } from "./views.js";

const SCAN_CHUNK = 500;

/** JOB-7: the job's latest execution per thing, in thing order; agrees with DescribeJob's counters. */
export const listJobExecutionsForJob = defineOperation<
  ListJobExecutionsForJobRequest,
  ListJobExecutionsForJobResponse
>({
  name: "ListJobExecutionsForJob",
  constraints: { jobId, status: executionStatus, maxResults },
  handler: (input, ctx) => {
    const job = requireJob(ctx, input.jobId!);
    const max = input.maxResults ?? DEFAULT_MAX_RESULTS;
    let afterThing = decodeToken(input.nextToken);
    const found: Array<{ id: string; doc: ExecutionDoc }> = [];
    while (found.length <= max) {
      const chunk = executionsOfJob(ctx, job.jobId, { afterThing, limit: SCAN_CHUNK });
      for (const doc of chunk) {
        if (input.status === undefined || doc.status === input.status) found.push({ id: doc.thingName, doc });
        if (found.length > max) break;
      }
      if (chunk.length < SCAN_CHUNK) break;
      afterThing = chunk[chunk.length - 1].thingName;
    }
    const p = page(found, max);
    return {
      executionSummaries: p.items.map(({ doc }) => ({
        thingArn: thingArn(ctx, doc.thingName),
        jobExecutionSummary: executionSummary(doc),
      })),
      nextToken: p.nextToken,
    };
  },
});
