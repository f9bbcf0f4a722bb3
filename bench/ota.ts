/**
 * OTA bench (issue 8): one job to every provisioned device, `iotdm simulate-jobs` at 90% success,
 * the job's statistics read back, then a full ListJobExecutionsForJob scan. Prints the CreateJob
 * time, executions/s during the simulation, the devices' data-plane p99, the end-to-end time
 * (target <= 15 s for 10,000 devices on this 2-core machine) and the scan time.
 */
import { performance } from "node:perf_hooks";
import {
  CreateJobCommand,
  DescribeJobCommand,
  IoTClient,
  ListJobExecutionsForJobCommand,
  ListThingGroupsCommand,
} from "@aws-sdk/client-iot";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { createJobRequest, otaDocument } from "../src/workshop/jobs/config.js";
import { jobsRoleName } from "../src/workshop/naming.js";
import { fmt } from "./stats.js";

export interface SandboxClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

interface SimulationJson {
  processed: number;
  succeeded: number;
  failed: number;
  errors: number;
  perSecond: number;
  latencyMs: { calls: number; p50: number; p99: number };
}

type Iotdm = <T>(args: string[]) => Promise<{ seconds: number; report: T }>;

const PACKAGE = "SedanVehicle";
const VERSION = "1.1.0";

/** An OTA job of the bench's package version to these groups (SNAPSHOT), as create-job builds it. */
export function benchOtaJob(
  jobId: string,
  groups: string[],
  accountId: string,
  region: string,
  description: string,
) {
  return createJobRequest(
    {
      jobId,
      kind: "ota",
      groups,
      packageName: PACKAGE,
      version: VERSION,
      document: JSON.stringify(otaDocument(PACKAGE, VERSION)),
      description,
      advanced: { targetSelection: "SNAPSHOT" },
    },
    {
      accountId,
      region,
      presignRoleArn: `arn:aws:iam::${accountId}:role/${jobsRoleName(region, accountId)}`,
    },
    [],
  );
}

export async function otaBench(
  config: SandboxClientConfig,
  flags: string[],
  iotdm: Iotdm,
  JOB_ID = "bench-ota",
): Promise<void> {
  const iot = new IoTClient(config);
  const sts = new STSClient(config);
  try {
    const accountId = (await sts.send(new GetCallerIdentityCommand({}))).Account ?? "";
    const groups = ((await iot.send(new ListThingGroupsCommand({ maxResults: 250 }))).thingGroups ?? []).map(
      (g) => g.groupName ?? "",
    );
    const started = performance.now();
    const request = benchOtaJob(JOB_ID, groups, accountId, config.region, "bench");
    await iot.send(new CreateJobCommand(request));
    const created = performance.now();

    const sim = await iotdm<SimulationJson>([
      "simulate-jobs",
      "--job-id",
      JOB_ID,
      "--success-rate",
      "90",
      ...flags,
    ]);
    const job = (await iot.send(new DescribeJobCommand({ jobId: JOB_ID }))).job;
    const ended = performance.now();

    const scanStart = performance.now();
    let scanned = 0;
    let nextToken: string | undefined;
    do {
      const page = await iot.send(
        new ListJobExecutionsForJobCommand({ jobId: JOB_ID, maxResults: 250, nextToken }),
      );
      scanned += page.executionSummaries?.length ?? 0;
      nextToken = page.nextToken;
    } while (nextToken);
    const scanSeconds = (performance.now() - scanStart) / 1000;

    const d = job?.jobProcessDetails;
    const r = sim.report;
    console.log(`iotdm OTA bench: one job to ${r.processed} devices, simulate-jobs at 90% success`);
    console.log(
      `CreateJob                 ${fmt((created - started) / 1000, 2)} s for ${groups.length} groups`,
    );
    console.log(
      `simulation                ${fmt(sim.seconds)} s (the command), ${r.perSecond} executions/s, ${r.succeeded} succeeded, ${r.failed} failed, ${r.errors} errors`,
    );
    console.log(
      `data plane latency        p50 ${fmt(r.latencyMs.p50, 2)} ms / p99 ${fmt(r.latencyMs.p99, 2)} ms over ${r.latencyMs.calls} device calls`,
    );
    console.log(
      `statistics read back      job ${job?.status}, ${d?.numberOfSucceededThings} succeeded, ${d?.numberOfFailedThings} failed, ${d?.numberOfQueuedThings} queued`,
    );
    console.log(
      `end to end                ${fmt((ended - started) / 1000)} s from CreateJob to the statistics   (target <= 15 s)`,
    );
    console.log(`ListJobExecutionsForJob   ${scanned} executions in ${fmt(scanSeconds, 2)} s (pages of 250)`);
  } finally {
    iot.destroy();
    sts.destroy();
  }
}
