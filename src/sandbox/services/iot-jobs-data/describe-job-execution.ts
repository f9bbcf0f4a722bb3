import type {
  DescribeJobExecutionRequest,
  DescribeJobExecutionResponse,
} from "@aws-sdk/client-iot-jobs-data-plane";
import { ServiceError } from "../../errors.js";
import { isTerminal } from "../iot/jobs/model.js";
import { defineOperation } from "../types.js";
import { JOB_ID_OR_NEXT, THING_NAME } from "./constraints.js";
import { executionOf, nextExecution, requireDeviceExecution, visibleJob } from "./executions.js";

const NEXT = "$next";

/**
 * JOB-22: one execution as the device sees it, the document included unless
 * `includeJobDocument=false`; `$next` selects as StartNext does without changing anything (`{}`
 * when nothing is pending); a terminal execution is 410 TerminalStateException.
 */
export const describeJobExecution = defineOperation<
  DescribeJobExecutionRequest,
  DescribeJobExecutionResponse
>({
  name: "DescribeJobExecution",
  constraints: { jobId: JOB_ID_OR_NEXT, thingName: THING_NAME },
  handler: (input, ctx) => {
    const withDocument = input.includeJobDocument !== false;
    if (input.jobId === NEXT) {
      const exec = nextExecution(ctx, input.thingName!);
      const job = exec && visibleJob(ctx, exec.jobId);
      return exec && job ? { execution: executionOf(ctx, job, exec, withDocument) } : {};
    }
    const executionNumber = input.executionNumber === undefined ? undefined : Number(input.executionNumber);
    const { job, exec } = requireDeviceExecution(ctx, input.jobId!, input.thingName!, executionNumber);
    if (isTerminal(exec.status))
      throw new ServiceError(
        "TerminalStateException",
        `Job execution of job ${exec.jobId} on thing ${exec.thingName} is already in terminal state ${exec.status}.`,
        {},
        410,
      );
    return { execution: executionOf(ctx, job, exec, withDocument) };
  },
});
