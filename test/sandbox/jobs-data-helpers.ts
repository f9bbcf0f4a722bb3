/** Shared by the jobs data-plane tests (jobs-data-*.test.ts): clients, jobs on things, device calls. */
import {
  DescribeJobExecutionCommand as DescribeControlExecutionCommand,
  IoTClient,
} from "@aws-sdk/client-iot";
import {
  DescribeJobExecutionCommand,
  IoTJobsDataPlaneClient,
  UpdateJobExecutionCommand,
  type UpdateJobExecutionCommandInput,
} from "@aws-sdk/client-iot-jobs-data-plane";
import { after, before } from "node:test";
import { type StartTestSandboxOptions, startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { jobsHelpers } from "./iot-jobs-helpers.js";

export { expectError, uniqueName } from "./iot-jobs-helpers.js";

export function jobsDataRig(sb: TestSandbox) {
  const iot = new IoTClient(sb.config);
  const data = new IoTJobsDataPlaneClient(sb.config);
  const h = jobsHelpers(sb, iot);

  /** One thing and one job on it; returns both names. */
  const thingWithJob = async (
    input: Omit<Parameters<typeof h.job>[0], "targets"> = {},
  ): Promise<{ thing: string; jobId: string }> => {
    const [thing] = await h.things(1);
    const jobId = await h.job({ ...input, targets: [h.thingArn(thing)] });
    return { thing, jobId };
  };

  /** The device's view of the execution (DescribeJobExecution without the document). */
  const execution = async (thingName: string, jobId: string) =>
    (await data.send(new DescribeJobExecutionCommand({ thingName, jobId, includeJobDocument: false })))
      .execution!;

  /** The control plane's view, which also shows terminal executions. */
  const controlStatus = async (thingName: string, jobId: string, executionNumber?: number) =>
    (await iot.send(new DescribeControlExecutionCommand({ thingName, jobId, executionNumber }))).execution!;

  const update = (
    thingName: string,
    jobId: string,
    input: Omit<UpdateJobExecutionCommandInput, "thingName" | "jobId">,
  ) => data.send(new UpdateJobExecutionCommand({ thingName, jobId, ...input }));

  return { iot, data, ...h, thingWithJob, execution, controlStatus, update };
}

export interface JobsDataSandbox {
  sb: TestSandbox;
  rig: ReturnType<typeof jobsDataRig>;
}

/**
 * One sandbox for a test file (started before its tests, disposed after), with the rig on it;
 * `setup` runs once it is up, in the same hook.
 */
export function jobsDataSandbox(
  opts?: StartTestSandboxOptions,
  setup?: (t: JobsDataSandbox) => Promise<void>,
): JobsDataSandbox {
  const t = {} as JobsDataSandbox;
  before(async () => {
    t.sb = await startSandbox(opts);
    t.rig = jobsDataRig(t.sb);
    await setup?.(t);
  });
  after(() => t.sb.dispose());
  return t;
}
