/**
 * `iotdm create-job` in process (a recording host) against a private sandbox with a provisioned
 * fleet: the OTA job as AWS stores it (group targets, the package version, presigned URLs by the
 * jobs role, workshop tags), advanced settings from flags (Q-25: an exponential rollout carries
 * its increase criteria), custom documents, and every wrong input refused before anything is
 * created (a DRAFT version, an unknown group, numbers out of JOB-2's ranges, broken JSON).
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  CreatePackageVersionCommand,
  DescribeJobCommand,
  GetJobDocumentCommand,
  IoTClient,
  ListJobsCommand,
  ListTagsForResourceCommand,
} from "@aws-sdk/client-iot";
import { t } from "../../src/io/i18n.js";
import { isolateCliEnvironment } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { type TestSandbox, startSandbox } from "../helpers/sandbox.js";
import { Terminal } from "../helpers/terminal.js";
import { target } from "./provision-helpers.js";

isolateCliEnvironment();

let sb: TestSandbox;
let iot: IoTClient;
const cli = (...args: string[]) => runRecorded([...args, ...target(sb)]);

before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  const p = await cli("--yes", "provision", "--count", "9");
  assert.equal(p.code, 0, p.host.stderrText);
});
after(() => {
  iot.destroy();
  return sb.dispose();
});

async function jobIds(): Promise<string[]> {
  return ((await iot.send(new ListJobsCommand({}))).jobs ?? []).map((j) => j.jobId ?? "").sort();
}

test("--yes: an OTA job to every group, the newest published version, presigned by the jobs role, tagged", async () => {
  const r = await cli("--yes", "--json", "create-job", "--package", "SedanVehicle", "--job-id", "ota-all");
  assert.equal(r.code, 0, r.host.stderrText);
  const out = JSON.parse(r.host.stdoutText) as { ok: boolean; job: { jobId: string; version: string } };
  assert.equal(out.ok, true);
  assert.equal(out.job.version, "1.1.0");
  const job = (await iot.send(new DescribeJobCommand({ jobId: "ota-all" }))).job ?? {};
  assert.deepEqual(
    [...(job.targets ?? [])].sort(),
    ["CA_Fleet", "MX_Fleet", "US_Fleet"].map((g) => `arn:aws:iot:us-east-1:${sb.accountId}:thinggroup/${g}`),
  );
  assert.deepEqual(job.destinationPackageVersions, [
    `arn:aws:iot:us-east-1:${sb.accountId}:package/SedanVehicle/version/1.1.0`,
  ]);
  assert.equal(job.targetSelection, "CONTINUOUS");
  assert.equal(job.presignedUrlConfig?.expiresInSec, 3600);
  assert.match(job.presignedUrlConfig?.roleArn ?? "", /:role\/IoTJobsRole-us-east-1-/);
  assert.equal(job.jobProcessDetails?.numberOfQueuedThings, 9);
  const doc = JSON.parse(
    (await iot.send(new GetJobDocumentCommand({ jobId: "ota-all" }))).document ?? "{}",
  ) as {
    ota: { packages: Record<string, { artifact: { s3PresignedUrl: string } }> };
  };
  // JOB-13: the stored document keeps the presigned-URL placeholder; devices get the URL.
  assert.equal(
    doc.ota.packages.SedanVehicle.artifact.s3PresignedUrl,
    "${aws:iot:package:SedanVehicle:version:1.1.0:artifact:s3-presigned-url}",
  );
  const tags = await iot.send(new ListTagsForResourceCommand({ resourceArn: job.jobArn }));
  assert.ok(tags.tags?.some((tag) => tag.Key === "created-by" && tag.Value === "create-job-script"));
});

test("advanced flags: SNAPSHOT, exponential rollout with its criteria (Q-25), abort, timeout, retries", async () => {
  const r = await cli(
    "--yes",
    "create-job",
    "--job-id",
    "ota-advanced",
    "--package",
    "SUVVehicle",
    "--package-version",
    "1.0.0",
    "--thing-groups",
    "US_Fleet,2",
    "--target-selection",
    "snapshot",
    "--exponential-base",
    "10",
    "--exponential-factor",
    "1.5",
    "--abort-threshold-percent",
    "25",
    "--abort-min-executed",
    "3",
    "--abort-failure-type",
    "timed_out",
    "--timeout-minutes",
    "30",
    "--retries",
    "2",
  );
  assert.equal(r.code, 0, r.host.stderrText);
  const job = (await iot.send(new DescribeJobCommand({ jobId: "ota-advanced" }))).job ?? {};
  assert.deepEqual(
    job.targets?.map((a) => a.slice(a.lastIndexOf("/") + 1)),
    ["US_Fleet", "MX_Fleet"],
  );
  assert.equal(job.targetSelection, "SNAPSHOT");
  assert.deepEqual(job.jobExecutionsRolloutConfig, {
    exponentialRate: {
      baseRatePerMinute: 10,
      incrementFactor: 1.5,
      rateIncreaseCriteria: { numberOfNotifiedThings: 10 },
    },
  });
  assert.deepEqual(job.abortConfig?.criteriaList, [
    { failureType: "TIMED_OUT", action: "CANCEL", thresholdPercentage: 25, minNumberOfExecutedThings: 3 },
  ]);
  assert.deepEqual(job.timeoutConfig, { inProgressTimeoutInMinutes: 30 });
  assert.deepEqual(job.jobExecutionsRetryConfig?.criteriaList, [
    { failureType: "FAILED", numberOfRetries: 2 },
  ]);
});

test("custom jobs: a document from a file, or the template with its operation", async () => {
  const dir = mkdtempSync(join(tmpdir(), "iotdm-doc-"));
  const file = join(dir, "doc.json");
  writeFileSync(file, JSON.stringify({ operation: "reboot", delaySeconds: 5 }));
  const fromFile = await cli(
    "--yes",
    "create-job",
    "--job-type",
    "custom",
    "--document-file",
    file,
    "--job-id",
    "c-file",
  );
  assert.equal(fromFile.code, 0, fromFile.host.stderrText);
  const stored = await iot.send(new GetJobDocumentCommand({ jobId: "c-file" }));
  assert.deepEqual(JSON.parse(stored.document ?? ""), { operation: "reboot", delaySeconds: 5 });
  const described = (await iot.send(new DescribeJobCommand({ jobId: "c-file" }))).job;
  assert.equal(described?.destinationPackageVersions?.length ?? 0, 0);

  const template = await cli(
    "--yes",
    "create-job",
    "--job-type",
    "custom",
    "--operation",
    "collectLogs",
    "--job-id",
    "c-tpl",
  );
  assert.equal(template.code, 0, template.host.stderrText);
  const doc = JSON.parse((await iot.send(new GetJobDocumentCommand({ jobId: "c-tpl" }))).document ?? "") as {
    operation: string;
  };
  assert.equal(doc.operation, "collectLogs");
});

test("wrong inputs are usage errors naming the flag, and no job is created", async () => {
  await iot.send(
    new CreatePackageVersionCommand({ packageName: "SedanVehicle", versionName: "9.9.9-draft" }),
  );
  const before = await jobIds();
  const cases: Array<{ args: string[]; flag: string; problem: string }> = [
    {
      args: ["--package", "SedanVehicle", "--package-version", "9.9.9-draft"],
      flag: "--package-version",
      problem: t("jobs.create.version.notDeployable", { version: "9.9.9-draft", status: "DRAFT" }),
    },
    {
      args: ["--package", "SedanVehicle", "--package-version", "7.0.0"],
      flag: "--package-version",
      problem: t("jobs.create.version.unknown", {
        version: "7.0.0",
        package: "SedanVehicle",
        versions: "1.0.0, 1.1.0, 9.9.9-draft",
      }),
    },
    {
      args: ["--thing-groups", "Nowhere,7"],
      flag: "--thing-groups",
      problem: t("jobs.create.groups.unknown", { items: "Nowhere, 7", count: 3 }),
    },
    {
      args: ["--max-per-minute", "0"],
      flag: "--max-per-minute",
      problem: t("jobs.create.range.maxPerMinute", { value: "0" }),
    },
    {
      args: ["--timeout-minutes", "10081"],
      flag: "--timeout-minutes",
      problem: t("jobs.create.range.timeoutMinutes", { value: "10081" }),
    },
    {
      args: ["--job-id", "no spaces"],
      flag: "--job-id",
      problem: t("jobs.create.badJobId", { id: "no spaces" }),
    },
    {
      args: ["--job-type", "custom", "--document", "{broken"],
      flag: "--document",
      problem: t("jobs.create.document.notJson"),
    },
    {
      args: ["--job-type", "firmware"],
      flag: "--job-type",
      problem: t("jobs.create.badChoice", { value: "firmware", values: "ota, custom" }),
    },
  ];
  for (const c of cases) {
    const r = await cli("--yes", "create-job", "--package", "SedanVehicle", ...c.args);
    assert.equal(r.code, 2, `${c.args.join(" ")}: ${r.host.stderrText}`);
    assert.deepEqual(r.host.varsOf("cli.usageError"), [
      { message: t("common.flagProblem", { flag: c.flag, problem: c.problem }) },
    ]);
  }
  assert.deepEqual(await jobIds(), before);
});

test("an existing job id is AWS's conflict, reported as a failure (exit 1)", async () => {
  const again = await cli("--yes", "create-job", "--package", "SedanVehicle", "--job-id", "ota-all");
  assert.equal(again.code, 1);
  assert.match(again.host.stderrText, /ResourceAlreadyExistsException|already exists/);
});

test("in a terminal: the questions in turn, a wrong group number asked again, then the job", async () => {
  const term = new Terminal(["create-job", ...target(sb)]);
  const code = await term.converse([
    { after: /Press Enter to continue/, type: "\r" },
    { after: /Two kinds of work[\s\S]*Press Enter to continue/, type: "\r" },
    { after: /What kind of job\?/, type: "\r" },
    { after: /Press Enter to continue/, type: "\r" },
    { after: /Thing groups, by number or name/, type: "9\r" },
    { after: /no such group: 9/, type: "\x7f3\r" },
    { after: /Configure advanced settings/, type: "n\r" },
    { after: /Package to deploy/, type: "\r" },
    { after: /Version to deploy/, type: "\r" },
    { after: /Description/, type: "\r" },
    { after: /Job id/, type: "\x15tty-job\r" },
    { after: /Press Enter to continue/, type: "\r" },
  ]);
  assert.equal(code, 0, term.text);
  const job = (await iot.send(new DescribeJobCommand({ jobId: "tty-job" }))).job;
  assert.deepEqual(job?.targets, [`arn:aws:iot:us-east-1:${sb.accountId}:thinggroup/US_Fleet`]);
});
