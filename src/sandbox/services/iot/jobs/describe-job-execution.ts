import type { DescribeJobExecutionRequest, DescribeJobExecutionResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { jobId, thingName } from "./constraints.js";
import { requireExecution, requireJob } from "./model.js";
import { executionView } from "./views.js";

/** JOB-22 (control plane): any execution, terminal ones included, the latest unless numbered. */
export const describeJobExecution = defineOperation<
  DescribeJobExecutionRequest,
  DescribeJobExecutionResponse
>({
  name: "DescribeJobExecution",
  constraints: { jobId, thingName },
  handler: (input, ctx) => {
    requireJob(ctx, input.jobId!);
    const exec = requireExecution(ctx, input.jobId!, input.thingName!, input.executionNumber);
    return { execution: executionView(ctx, exec) };
  },
});
