/** The jobs data plane from Python and the shell: boto3's iot-jobs-data client (as the workshop's simulator) and the AWS CLI. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { jobsDataSandbox } from "./jobs-data-helpers.js";

const t = jobsDataSandbox();

const sh = (cmd: string, args: string[]): string =>
  execFileSync(cmd, args, {
    env: { ...process.env, ...t.sb.env, AWS_PAGER: "", AWS_CONFIG_FILE: "/dev/null" },
    encoding: "utf8",
  });

test("boto3 iot-jobs-data: pending list, start-next, update with a version conflict, terminal describe (JOB-21, JOB-22)", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  const script = `
import json, sys, boto3
from botocore.exceptions import ClientError
d = boto3.client("iot-jobs-data", endpoint_url=sys.argv[1], region_name=sys.argv[2])
thing, job_id = sys.argv[3], sys.argv[4]
def error(call):
    try:
        call()
        return None
    except ClientError as e:
        return [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
pending = d.get_pending_job_executions(thingName=thing)
started = d.start_next_pending_job_execution(thingName=thing, statusDetails={"step": "1"})["execution"]
conflict = error(lambda: d.update_job_execution(thingName=thing, jobId=job_id, status="SUCCEEDED", expectedVersion=1))
done = d.update_job_execution(thingName=thing, jobId=job_id, status="SUCCEEDED", expectedVersion=2,
    includeJobExecutionState=True)["executionState"]
terminal = error(lambda: d.describe_job_execution(thingName=thing, jobId=job_id))
print(json.dumps({"queued": [j["jobId"] for j in pending["queuedJobs"]], "inProgress": pending["inProgressJobs"],
    "started": [started["status"], started["versionNumber"], json.loads(started["jobDocument"])],
    "conflict": conflict, "done": done, "terminal": terminal}))
`;
  const out = JSON.parse(sh("python3", ["-c", script, t.sb.endpoint, t.sb.region, thing, jobId])) as unknown;
  assert.deepEqual(out, {
    queued: [jobId],
    inProgress: [],
    started: ["IN_PROGRESS", 2, { operation: "reboot" }],
    conflict: ["InvalidStateTransitionException", 409],
    done: { status: "SUCCEEDED", statusDetails: { step: "1" }, versionNumber: 3 },
    terminal: ["TerminalStateException", 410],
  });
});

test("AWS CLI iot-jobs-data: describe-job-execution of $next", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  const common = ["--endpoint-url", t.sb.endpoint, "--region", t.sb.region, "--output", "json"];
  const out = JSON.parse(
    sh("aws", [
      "iot-jobs-data",
      "describe-job-execution",
      "--thing-name",
      thing,
      "--job-id",
      "$next",
      ...common,
    ]),
  ) as { execution: { jobId: string; status: string; jobDocument: string } };
  assert.equal(out.execution.jobId, jobId);
  assert.equal(out.execution.status, "QUEUED");
  assert.deepEqual(JSON.parse(out.execution.jobDocument), { operation: "reboot" });
});
