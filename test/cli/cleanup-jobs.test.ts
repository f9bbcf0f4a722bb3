/**
 * Cleanup and jobs (features.md 5, issue 8): the workshop's jobs go whatever their state (a job
 * still running with a device in the middle of its execution is canceled, then deleted with
 * force); a job of someone else's stays; job templates go by their workshop tag only.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  CreateJobCommand,
  CreateJobTemplateCommand,
  CreateThingCommand,
  IoTClient,
  ListJobsCommand,
  ListJobTemplatesCommand,
} from "@aws-sdk/client-iot";
import { IoTJobsDataPlaneClient, UpdateJobExecutionCommand } from "@aws-sdk/client-iot-jobs-data-plane";
import { workshopTags } from "../../src/workshop/tags.js";
import { isolateCliEnvironment } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { type TestSandbox, startSandbox } from "../helpers/sandbox.js";
import { target } from "./provision-helpers.js";

isolateCliEnvironment();

let sb: TestSandbox;
let iot: IoTClient;
const cli = (...args: string[]) => runRecorded([...args, ...target(sb)]);

before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
});
after(() => {
  iot.destroy();
  return sb.dispose();
});

test("cleanup deletes the workshop's jobs in any state and its tagged templates; others stay", async () => {
  const p = await cli("--yes", "provision", "--count", "4", "--thing-types", "SedanVehicle");
  assert.equal(p.code, 0, p.host.stderrText);
  for (const args of [
    ["--job-id", "w-running", "--package", "SedanVehicle"],
    ["--job-id", "w-custom", "--job-type", "custom", "--operation", "reboot"],
  ]) {
    const r = await cli("--yes", "create-job", ...args);
    assert.equal(r.code, 0, r.host.stderrText);
  }
  // A device in the middle of its execution: only a forced cancel ends it (JOB-8).
  const jobs = new IoTJobsDataPlaneClient(sb.config);
  await jobs.send(
    new UpdateJobExecutionCommand({
      jobId: "w-running",
      thingName: "Vehicle-VIN-001",
      status: "IN_PROGRESS",
    }),
  );
  jobs.destroy();
  // Someone else's job, on a thing of their own, and two templates, one tagged as the workshop's.
  await iot.send(new CreateThingCommand({ thingName: "Other-Device" }));
  await iot.send(
    new CreateJobCommand({
      jobId: "not-ours",
      targets: [`arn:aws:iot:us-east-1:${sb.accountId}:thing/Other-Device`],
      document: "{}",
    }),
  );
  await iot.send(
    new CreateJobTemplateCommand({
      jobTemplateId: "w-template",
      description: "d",
      document: "{}",
      tags: workshopTags("create-job-script"),
    }),
  );
  await iot.send(
    new CreateJobTemplateCommand({ jobTemplateId: "their-template", description: "d", document: "{}" }),
  );

  const r = await cli("--yes", "--json", "cleanup");
  assert.equal(r.code, 0, r.host.stderrText);
  const report = JSON.parse(r.host.stdoutText) as {
    families: Record<string, { found: number; deleted: number; failed: number }>;
  };
  assert.equal(report.families.jobs.deleted, 2);
  assert.equal(report.families.jobs.failed, 0);
  assert.equal(report.families.jobTemplates.deleted, 1);
  const left = (await iot.send(new ListJobsCommand({}))).jobs?.map((j) => j.jobId);
  assert.deepEqual(left, ["not-ours"]);
  const templates = (await iot.send(new ListJobTemplatesCommand({}))).jobTemplates?.map(
    (t) => t.jobTemplateId,
  );
  assert.deepEqual(templates, ["their-template"]);
});
