/**
 * The workshop's own clients against the jobs control plane: boto3 as scripts/create_job.py and
 * explore_jobs.py call it (JOB-1..JOB-12), and the AWS CLI (list-jobs, describe-job).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, before, test } from "node:test";
import type { TestSandbox } from "../helpers/sandbox.js";
import { type jobsHelpers, startJobsSandbox } from "./iot-jobs-helpers.js";

let sb: TestSandbox;
let h: ReturnType<typeof jobsHelpers>;
before(async () => ({ sb, h } = await startJobsSandbox()));
after(() => sb.dispose());

type Json = Record<string, unknown>;
const sh = (cmd: string, args: string[]): string =>
  execFileSync(cmd, args, {
    env: { ...process.env, ...sb.env, AWS_PAGER: "", AWS_CONFIG_FILE: "/dev/null" },
    encoding: "utf8",
  });

test("boto3: create_job as the workshop sends it, describe, list executions, cancel, delete", async () => {
  const [a, b] = await h.things(2);
  const group = await h.group([a, b]);
  const script = `
import json, sys, boto3
from botocore.exceptions import ClientError
c = boto3.client("iot", endpoint_url=sys.argv[1], region_name=sys.argv[2])
group_arn, job_id = sys.argv[3], sys.argv[4]
created = c.create_job(jobId=job_id, targets=[group_arn], document=json.dumps({"ota": {}}),
    description="OTA", targetSelection="SNAPSHOT",
    jobExecutionsRolloutConfig={"maximumPerMinute": 50},
    abortConfig={"criteriaList": [{"failureType": "FAILED", "action": "CANCEL",
        "thresholdPercentage": 20.0, "minNumberOfExecutedThings": 1}]},
    timeoutConfig={"inProgressTimeoutInMinutes": 60})
job = c.describe_job(jobId=job_id)["job"]
queued = c.list_job_executions_for_job(jobId=job_id, status="QUEUED", maxResults=250)["executionSummaries"]
c.cancel_job(jobId=job_id, comment="stop")
canceled = c.describe_job(jobId=job_id)["job"]["status"]
listed = [j["jobId"] for p in c.get_paginator("list_jobs").paginate(status="CANCELED") for j in p["jobs"]]
c.delete_job(jobId=job_id, force=True)
try:
    c.describe_job(jobId=job_id)
    code = None
except ClientError as e:
    code = [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
print(json.dumps({"created": {k: created[k] for k in ("jobArn", "jobId", "description")},
    "status": job["status"], "queued": job["jobProcessDetails"]["numberOfQueuedThings"],
    "threshold": job["abortConfig"]["criteriaList"][0]["thresholdPercentage"],
    "execs": sorted(s["thingArn"] for s in queued), "canceled": canceled, "listed": job_id in listed,
    "code": code}))
`;
  const jobId = `py-${process.pid}`;
  const out = JSON.parse(
    sh("python3", ["-c", script, sb.endpoint, sb.region, h.groupArn(group), jobId]),
  ) as Json;
  assert.deepEqual(out, {
    created: { jobArn: h.arn(`job/${jobId}`), jobId, description: "OTA" },
    status: "IN_PROGRESS",
    queued: 2,
    threshold: 20,
    execs: [h.thingArn(a), h.thingArn(b)].sort(),
    canceled: "CANCELED",
    listed: true,
    code: ["ResourceNotFoundException", 404],
  });
});

test("AWS CLI: list-jobs and describe-job", async () => {
  const [a] = await h.things(1);
  const jobId = await h.job({ targets: [h.thingArn(a)], description: "cli" });
  const common = ["--endpoint-url", sb.endpoint, "--region", sb.region, "--output", "json"];
  const listed = JSON.parse(sh("aws", ["iot", "list-jobs", "--status", "IN_PROGRESS", ...common])) as {
    jobs: Json[];
  };
  assert.ok(listed.jobs.some((j) => j.jobId === jobId));
  const described = JSON.parse(sh("aws", ["iot", "describe-job", "--job-id", jobId, ...common])) as {
    job: Json;
  };
  assert.equal(described.job.description, "cli");
  assert.equal((described.job.jobProcessDetails as Json).numberOfQueuedThings, 1);
});
