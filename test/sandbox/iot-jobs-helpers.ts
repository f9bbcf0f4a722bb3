/** Shared setup of the jobs control-plane tests (iot-jobs-*.test.ts). */
import assert from "node:assert/strict";
import {
  AddThingToThingGroupCommand,
  CreateJobCommand,
  type CreateJobCommandInput,
  CreateThingCommand,
  CreateThingGroupCommand,
  DescribeJobCommand,
  IoTClient,
  type JobExecutionStatus,
  ListJobExecutionsForJobCommand,
} from "@aws-sdk/client-iot";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { uniqueName } from "./iot-registry-helpers.js";

export { expectError, uniqueName } from "./iot-registry-helpers.js";

export const DOCUMENT = JSON.stringify({ operation: "reboot" });

export function jobsHelpers(sb: TestSandbox, iot: IoTClient) {
  const arn = (resource: string) => `arn:aws:iot:${sb.region}:${sb.accountId}:${resource}`;
  const thingArn = (name: string) => arn(`thing/${name}`);
  const groupArn = (name: string) => arn(`thinggroup/${name}`);

  /** Creates things with unique names (prefix `t`) and returns the names. */
  const things = async (n: number, prefix = "t"): Promise<string[]> => {
    const names: string[] = [];
    for (let i = 0; i < n; i++) {
      const thingName = uniqueName(prefix);
      await iot.send(new CreateThingCommand({ thingName }));
      names.push(thingName);
    }
    return names;
  };

  /** A static group (optionally under `parent`) holding `members`. */
  const group = async (members: string[], parent?: string): Promise<string> => {
    const thingGroupName = uniqueName("g");
    await iot.send(new CreateThingGroupCommand({ thingGroupName, parentGroupName: parent }));
    for (const thingName of members)
      await iot.send(new AddThingToThingGroupCommand({ thingGroupName, thingName }));
    return thingGroupName;
  };

  /** CreateJob with a unique id and the plain document unless the input says otherwise. */
  const job = async (input: Partial<CreateJobCommandInput> & { targets: string[] }): Promise<string> => {
    const jobId = input.jobId ?? uniqueName("job");
    const source = input.documentSource ?? input.jobTemplateArn;
    await iot.send(
      new CreateJobCommand({
        ...input,
        jobId,
        document: source ? input.document : (input.document ?? DOCUMENT),
      }),
    );
    return jobId;
  };

  /** The job's latest executions by thing name → status (ListJobExecutionsForJob, all pages). */
  const statuses = async (jobId: string, status?: JobExecutionStatus): Promise<Record<string, string>> => {
    const out: Record<string, string> = {};
    let nextToken: string | undefined;
    do {
      const page = await iot.send(
        new ListJobExecutionsForJobCommand({ jobId, status, nextToken, maxResults: 250 }),
      );
      for (const s of page.executionSummaries ?? [])
        out[s.thingArn!.split("/").pop()!] = s.jobExecutionSummary!.status!;
      nextToken = page.nextToken;
    } while (nextToken);
    return out;
  };

  /** JOB-7: DescribeJob's counters equal the per-status counts of ListJobExecutionsForJob. */
  const assertCounters = async (jobId: string): Promise<Record<string, number>> => {
    const details = (await iot.send(new DescribeJobCommand({ jobId }))).job!.jobProcessDetails!;
    const listed: Record<string, number> = {};
    for (const status of Object.values(await statuses(jobId))) listed[status] = (listed[status] ?? 0) + 1;
    const counters: Record<string, number> = {
      QUEUED: details.numberOfQueuedThings!,
      IN_PROGRESS: details.numberOfInProgressThings!,
      SUCCEEDED: details.numberOfSucceededThings!,
      FAILED: details.numberOfFailedThings!,
      REJECTED: details.numberOfRejectedThings!,
      TIMED_OUT: details.numberOfTimedOutThings!,
      REMOVED: details.numberOfRemovedThings!,
      CANCELED: details.numberOfCanceledThings!,
    };
    for (const [status, n] of Object.entries(counters))
      assert.equal(n, listed[status] ?? 0, `${status} counter`);
    return counters;
  };

  return { arn, thingArn, groupArn, things, group, job, statuses, assertCounters };
}

/** A sandbox, an IoT client on it and the helpers above, for a test file's `before`. */
export async function startJobsSandbox(): Promise<{
  sb: TestSandbox;
  iot: IoTClient;
  h: ReturnType<typeof jobsHelpers>;
}> {
  const sb = await startSandbox();
  const iot = new IoTClient(sb.config);
  return { sb, iot, h: jobsHelpers(sb, iot) };
}
