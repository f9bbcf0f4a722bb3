/**
 * `iotdm simulate-jobs` in process against a private sandbox: the devices of an OTA job download
 * their firmware for real and report; the job's counters, its completion (SNAPSHOT, JOB-6) and
 * the devices' $package shadows (PKG-7) follow; --count plays part of the fleet and a re-run the
 * rest; a firmware file that is gone makes the download, and so the execution, fail.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  DescribeJobCommand,
  DescribeJobExecutionCommand,
  GetPackageVersionCommand,
  IoTClient,
} from "@aws-sdk/client-iot";
import { GetThingShadowCommand, IoTDataPlaneClient } from "@aws-sdk/client-iot-data-plane";
import { DeleteObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { SimulationReport } from "../../src/workshop/jobs/simulate.js";
import { isolateCliEnvironment } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { type TestSandbox, startSandbox } from "../helpers/sandbox.js";
import { Terminal } from "../helpers/terminal.js";
import { target } from "./provision-helpers.js";

isolateCliEnvironment();

let sb: TestSandbox;
let iot: IoTClient;
const cli = (...args: string[]) => runRecorded([...args, ...target(sb)]);

/** The --json report: the workflow's report with the run's verdict. */
type Report = SimulationReport & { ok: boolean };

async function simulate(...args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const r = await cli("--yes", "--json", "simulate-jobs", ...args);
  return { code: r.code, report: JSON.parse(r.host.stdoutText) as Report, stderr: r.host.stderrText };
}

async function createJob(jobId: string, ...args: string[]): Promise<void> {
  const r = await cli("--yes", "create-job", "--job-id", jobId, "--target-selection", "snapshot", ...args);
  assert.equal(r.code, 0, r.host.stderrText);
}

before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  const p = await cli("--yes", "provision", "--count", "20", "--thing-types", "SedanVehicle");
  assert.equal(p.code, 0, p.host.stderrText);
});
after(() => {
  iot.destroy();
  return sb.dispose();
});

test("90%: 18 devices succeed and 2 fail, each downloading its firmware; the SNAPSHOT job completes; shadows record 1.1.0", async () => {
  await createJob("sim-90", "--package", "SedanVehicle", "--package-version", "1.1.0");
  const { code, report } = await simulate("--job-id", "sim-90", "--success-rate", "90");
  assert.equal(code, 0);
  assert.equal(report.processed, 20);
  assert.equal(report.succeeded, 18);
  assert.equal(report.failed, 2);
  assert.equal(report.errors, 0);
  assert.equal(report.downloads, 20);
  assert.ok(report.downloadedBytes > 0);
  const job = (await iot.send(new DescribeJobCommand({ jobId: "sim-90" }))).job;
  assert.equal(job?.status, "COMPLETED");
  assert.equal(job?.jobProcessDetails?.numberOfSucceededThings, 18);
  assert.equal(job?.jobProcessDetails?.numberOfFailedThings, 2);

  // The last two devices in thing order are the planned failures.
  const failed = await iot.send(
    new DescribeJobExecutionCommand({ jobId: "sim-90", thingName: "Vehicle-VIN-020" }),
  );
  assert.equal(failed.execution?.status, "FAILED");
  assert.equal(failed.execution?.statusDetails?.detailsMap?.failureType, "SIMULATED_FAILURE");
  const data = new IoTDataPlaneClient(sb.config);
  const shadow = (name: string) =>
    data.send(new GetThingShadowCommand({ thingName: name, shadowName: "$package" })).then(
      (s) =>
        JSON.parse(new TextDecoder().decode(s.payload)) as {
          state: { reported: Record<string, { version: string }> };
        },
    );
  assert.equal((await shadow("Vehicle-VIN-001")).state.reported.SedanVehicle.version, "1.1.0");
  assert.equal((await shadow("Vehicle-VIN-020")).state.reported.SedanVehicle.version, "1.0.0");
  data.destroy();

  const again = await cli("--yes", "simulate-jobs", "--job-id", "sim-90");
  assert.equal(again.code, 1);
  assert.equal(again.host.varsOf("jobs.simulate.noPending").length, 1);
});

test("--count plays part of the fleet; a re-run plays the rest", async () => {
  await createJob("sim-part", "--package", "SedanVehicle", "--package-version", "1.0.0");
  const first = await simulate("--job-id", "sim-part", "--count", "5");
  assert.equal(first.report.processed, 5);
  assert.equal(first.report.succeeded, 5);
  const rest = await simulate("--job-id", "sim-part", "--count", "all", "--success-rate", "0");
  assert.equal(rest.report.processed, 15);
  assert.equal(rest.report.failed, 15);
  const job = (await iot.send(new DescribeJobCommand({ jobId: "sim-part" }))).job;
  assert.equal(job?.jobProcessDetails?.numberOfSucceededThings, 5);
  assert.equal(job?.jobProcessDetails?.numberOfFailedThings, 15);
});

test("a firmware file that is gone: every download fails, so does every execution (DOWNLOAD_FAILURE)", async () => {
  const version = await iot.send(
    new GetPackageVersionCommand({ packageName: "SedanVehicle", versionName: "1.0.0" }),
  );
  const location = version.artifact?.s3Location;
  assert.ok(location?.bucket && location.key);
  await createJob(
    "sim-gone",
    "--package",
    "SedanVehicle",
    "--package-version",
    "1.0.0",
    "--thing-groups",
    "1",
  );
  const s3 = new S3Client(sb.s3Config);
  await s3.send(
    new DeleteObjectCommand({ Bucket: location.bucket, Key: location.key, VersionId: location.version }),
  );
  s3.destroy();
  const { report } = await simulate("--job-id", "sim-gone", "--success-rate", "100");
  assert.ok(report.processed > 0);
  assert.equal(report.succeeded, 0);
  assert.equal(report.failed, report.processed);
  assert.ok(report.failures.every((f) => f.reason === "DOWNLOAD_FAILURE"));
});

test("inputs: a rate out of range and a bad count are usage errors; no job in progress is a failure", async () => {
  const rate = await cli("--yes", "simulate-jobs", "--job-id", "sim-90", "--success-rate", "101");
  assert.equal(rate.code, 1, rate.host.stderrText); // sim-90 has nothing pending: checked first
  await createJob("sim-input", "--job-type", "custom", "--operation", "reboot");
  const badRate = await cli("--yes", "simulate-jobs", "--job-id", "sim-input", "--success-rate", "101");
  assert.equal(badRate.code, 2);
  const badCount = await cli("--yes", "simulate-jobs", "--job-id", "sim-input", "--count", "-3");
  assert.equal(badCount.code, 2);
  const custom = await simulate("--job-id", "sim-input");
  assert.equal(custom.report.downloads, 0);
  assert.equal(custom.report.succeeded, custom.report.processed);
});

test("in a terminal: the job picked from those in progress, how many devices and how many succeed, then the run", async () => {
  await createJob("sim-tty", "--package", "SedanVehicle", "--package-version", "1.1.0");
  const term = new Terminal(["simulate-jobs", ...target(sb)]);
  const code = await term.converse([
    { after: /Playing the devices[\s\S]*Press Enter to continue/, type: "\r" },
    { after: /Which job\?/, type: "\r" },
    { after: /What is pending[\s\S]*Press Enter to continue/, type: "\r" },
    { after: /How many of the 20 executions/, type: "4\r" },
    { after: /Success rate in percent/, type: "150\r" },
    { after: /give a percentage from 0 to 100/, type: "\x7f\x7f\x7f50\r" },
    { after: /Start the devices\?/, type: "\r" },
    { after: /An over-the-air update, 4 times[\s\S]*Press Enter to continue/, type: "\r" },
  ]);
  assert.equal(code, 0, term.text);
  assert.match(term.text, /4 devices: 2 will succeed, 2 will fail/);
  const job = (await iot.send(new DescribeJobCommand({ jobId: "sim-tty" }))).job;
  assert.equal(job?.jobProcessDetails?.numberOfSucceededThings, 2);
  assert.equal(job?.jobProcessDetails?.numberOfFailedThings, 2);
  assert.equal(job?.jobProcessDetails?.numberOfQueuedThings, 16);
});
