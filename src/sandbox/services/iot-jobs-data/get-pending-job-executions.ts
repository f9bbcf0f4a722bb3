import type {
  GetPendingJobExecutionsRequest,
  GetPendingJobExecutionsResponse,
} from "@aws-sdk/client-iot-jobs-data-plane";
import { defineOperation } from "../types.js";
import { THING_NAME } from "./constraints.js";
import { MAX_PENDING, pendingExecutions, summaryOf } from "./executions.js";

/** JOB-22: the thing's pending executions, oldest queued first, at most 10 in all. */
export const getPendingJobExecutions = defineOperation<
  GetPendingJobExecutionsRequest,
  GetPendingJobExecutionsResponse
>({
  name: "GetPendingJobExecutions",
  constraints: { thingName: THING_NAME },
  handler: (input, ctx) => {
    const pending = pendingExecutions(ctx, input.thingName!).slice(0, MAX_PENDING);
    return {
      inProgressJobs: pending.filter((e) => e.status === "IN_PROGRESS").map(summaryOf),
      queuedJobs: pending.filter((e) => e.status === "QUEUED").map(summaryOf),
    };
  },
});
