/**
 * `iotdm explore-jobs` against a private sandbox with a fleet and jobs: the seven views as
 * actions (in process, --json and text), the job document from GetJobDocument, the
 * thing of an execution, a job with no executions not graded critical, cancel and
 * delete with their typed word (a wrong word changes nothing), and the menu in a terminal.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { CreateThingGroupCommand, DescribeJobCommand, IoTClient } from "@aws-sdk/client-iot";
import { withEnv, isolateCliEnvironment } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { type TestSandbox, startSandbox } from "../helpers/sandbox.js";
import { Terminal } from "../helpers/terminal.js";
import { target } from "./provision-helpers.js";

isolateCliEnvironment();

let sb: TestSandbox;
let iot: IoTClient;
const cli = (...args: string[]) => runRecorded([...args, ...target(sb)]);
async function json<T>(...args: string[]): Promise<T> {
  const r = await cli("--yes", "--json", "explore-jobs", ...args);
  assert.equal(r.code, 0, r.host.stderrText);
  return JSON.parse(r.host.stdoutText) as T;
}

before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  for (const args of [
    ["provision", "--count", "6", "--thing-types", "SedanVehicle"],
    ["create-job", "--job-id", "ex-done", "--target-selection", "snapshot", "--package", "SedanVehicle"],
    ["simulate-jobs", "--job-id", "ex-done", "--success-rate", "50"],
    ["create-job", "--job-id", "ex-running", "--package", "SedanVehicle", "--package-version", "1.0.0"],
  ]) {
    const r = await cli("--yes", ...args);
    assert.equal(r.code, 0, `${args.join(" ")}: ${r.host.stderrText}`);
  }
});
after(() => {
  iot.destroy();
  return sb.dispose();
});

test("list: every job, newest first, with its status", async () => {
  const out = await json<{ jobs: Array<{ jobId: string; status: string }> }>("list");
  assert.deepEqual(
    out.jobs.map((j) => [j.jobId, j.status]),
    [
      ["ex-running", "IN_PROGRESS"],
      ["ex-done", "COMPLETED"],
    ],
  );
  const text = await cli("explore-jobs", "list");
  assert.match(text.host.stdoutText, /ex-done\s+COMPLETED\s+SNAPSHOT/);
});

test("describe shows the job document (GetJobDocument, Q-29) and the counts; execution names its thing (Q-30)", async () => {
  const d = await json<{ document: string; counts: Record<string, number> }>(
    "describe",
    "--job-id",
    "ex-done",
  );
  assert.match(d.document, /aws:iot:package:SedanVehicle:version:1\.1\.0:artifact:s3-presigned-url/);
  assert.equal(d.counts.SUCCEEDED, 3);
  assert.equal(d.counts.FAILED, 3);
  const text = await cli("explore-jobs", "describe", "--job-id", "ex-done");
  assert.match(text.host.stdoutText, /"s3PresignedUrl"/);

  const e = await cli("explore-jobs", "execution", "--job-id", "ex-done", "--thing-name", "Vehicle-VIN-006");
  assert.equal(e.code, 0, e.host.stderrText);
  assert.match(e.host.stdoutText, /Vehicle-VIN-006 in job ex-done/);
  assert.match(e.host.stdoutText, /Status: FAILED/);
  assert.match(e.host.stdoutText, /failureType: SIMULATED_FAILURE/);
});

test("executions: all of them or one status; a wrong status is a usage error", async () => {
  const all = await json<{ executions: unknown[] }>("executions", "--job-id", "ex-done");
  assert.equal(all.executions.length, 6);
  const failed = await json<{ executions: Array<{ status: string }>; counts: Record<string, number> }>(
    "executions",
    "--job-id",
    "ex-done",
    "--status",
    "failed",
  );
  assert.equal(failed.executions.length, 3);
  assert.ok(failed.executions.every((e) => e.status === "FAILED"));
  const bad = await cli("--yes", "explore-jobs", "executions", "--job-id", "ex-done", "--status", "DONE");
  assert.equal(bad.code, 2);
});

test("stats: rates and grade; a job that reached no device is 'no executions yet', not critical (Q-31)", async () => {
  const s = await json<{ successRate: number; health: string; advice: string }>(
    "stats",
    "--job-id",
    "ex-done",
  );
  assert.equal(s.successRate, 50);
  assert.equal(s.health, "poor");
  await iot.send(new CreateThingGroupCommand({ thingGroupName: "Empty_Fleet" }));
  const r = await cli(
    "--yes",
    "create-job",
    "--job-id",
    "ex-empty",
    "--package",
    "SedanVehicle",
    "--thing-groups",
    "Empty_Fleet",
  );
  assert.equal(r.code, 0, r.host.stderrText);
  const empty = await json<{ total: number; health: string; advice: string }>(
    "stats",
    "--job-id",
    "ex-empty",
  );
  assert.equal(empty.total, 0);
  assert.equal(empty.health, "none");
  assert.equal(empty.advice, "noExecutions");
});

test("cancel and delete need their word typed: a wrong word changes nothing; --yes cancels, then deletes", async () => {
  const declined = await withEnv({ AWS_IOT_LANG: "en" }, () =>
    runRecorded(["explore-jobs", "cancel", "--job-id", "ex-running", ...target(sb)], {
      interactive: true,
      answers: [{ key: "jobs.explore.cancelConfirm", answer: "cancel" }],
    }),
  );
  assert.equal(declined.code, 1, declined.host.stderrText);
  assert.equal((await iot.send(new DescribeJobCommand({ jobId: "ex-running" }))).job?.status, "IN_PROGRESS");

  const canceled = await json<{ status: string; counts: Record<string, number> }>(
    "cancel",
    "--job-id",
    "ex-running",
    "--reason-code",
    "BAD_BUILD",
  );
  assert.equal(canceled.status, "CANCELED");
  assert.equal(canceled.counts.CANCELED, 6);
  const job = (await iot.send(new DescribeJobCommand({ jobId: "ex-running" }))).job;
  assert.equal(job?.reasonCode, "BAD_BUILD");

  const deleted = await json<{ deleted: boolean }>("delete", "--job-id", "ex-running");
  assert.equal(deleted.deleted, true);
  await assert.rejects(iot.send(new DescribeJobCommand({ jobId: "ex-running" })), {
    name: "ResourceNotFoundException",
  });
});

test("the menu in a terminal: statistics of a picked job, then done", async () => {
  const term = new Terminal(["explore-jobs", ...target(sb)]);
  const code = await term.converse([
    { after: /What would you like to see\?/, type: `${"\x1b[B".repeat(6)}\r` },
    { after: /Which job\?/, type: "\r" },
    { after: /Explore something else\?/, type: "n\r" },
  ]);
  assert.equal(code, 0, term.text);
  assert.match(term.text, /📊 Statistics of ex-/);
  assert.match(term.text, /Health:/);
});
