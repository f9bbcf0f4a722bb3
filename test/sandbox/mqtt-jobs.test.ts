/**
 * JOB-30 request topics over the real broker (--no-auth; policies are another test's subject):
 * get, start-next, <jobId>/get ($next too) and <jobId>/update run the jobs data plane's operations
 * and answer on accepted/rejected with the jobs MQTT API's bodies and codes, to the requester
 * even when it subscribed to nothing.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { DescribeJobExecutionCommand as DescribeControlExecutionCommand } from "@aws-sdk/client-iot";
import { jobsDataSandbox, uniqueName } from "./jobs-data-helpers.js";
import { Device } from "./mqtt-topics-helpers.js";

const t = jobsDataSandbox({ args: ["--no-auth"] });

/** A client that subscribed to nothing: every answer it gets comes to it as the requester. */
const unsubscribed = async (clientId = uniqueName("dev")) =>
  Device.connect((await t.sb.mqtt()).url, clientId);

const isMs = (v: unknown) => typeof v === "number" && v > 1e12;
const isSeconds = (v: unknown) => typeof v === "number" && v > 1e9 && v < 1e11;

test("JOB-30 get: accepted {inProgressJobs, queuedJobs, timestamp (ms), clientToken} reaches a requester without subscription", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  const device = await unsubscribed(thing);
  try {
    const m = await device.request(`$aws/things/${thing}/jobs/get`, { clientToken: "c-get" });
    assert.equal(m.topic, `$aws/things/${thing}/jobs/get/accepted`);
    assert.deepEqual(Object.keys(m.body).sort(), [
      "clientToken",
      "inProgressJobs",
      "queuedJobs",
      "timestamp",
    ]);
    assert.ok(isMs(m.body.timestamp), "jobs MQTT timestamps are epoch milliseconds");
    assert.equal(m.body.clientToken, "c-get");
    assert.deepEqual(m.body.inProgressJobs, []);
    const [queued] = m.body.queuedJobs as Record<string, unknown>[];
    assert.equal(queued.jobId, jobId);
    assert.ok(
      isSeconds(queued.queuedAt) && isSeconds(queued.lastUpdatedAt),
      "execution times are epoch seconds",
    );
    assert.equal(queued.versionNumber, 1);
    assert.equal(queued.executionNumber, 1);
    const empty = await device.request(`$aws/things/${thing}/jobs/get`, "");
    assert.equal(
      empty.topic,
      `$aws/things/${thing}/jobs/get/accepted`,
      "an empty payload is a request without options",
    );
  } finally {
    await device.end();
  }
});

test("JOB-30 start-next, $next get, <jobId>/get: the execution with its document as a JSON object; start-next with nothing pending has no execution", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  const device = await unsubscribed(thing);
  const p = `$aws/things/${thing}/jobs`;
  try {
    const peek = await device.request(`${p}/$next/get`, { clientToken: "n1" });
    assert.equal(peek.topic, `${p}/$next/get/accepted`);
    const peeked = peek.body.execution as Record<string, unknown>;
    assert.equal(peeked.status, "QUEUED");
    assert.deepEqual(peeked.jobDocument, { operation: "reboot" });
    assert.equal(peek.body.clientToken, "n1");

    const started = await device.request(`${p}/start-next`, {
      statusDetails: { step: "download" },
      stepTimeoutInMinutes: 5,
      clientToken: "s1",
    });
    assert.equal(started.topic, `${p}/start-next/accepted`);
    const execution = started.body.execution as Record<string, unknown>;
    assert.equal(execution.jobId, jobId);
    assert.equal(execution.thingName, thing);
    assert.equal(execution.status, "IN_PROGRESS");
    assert.deepEqual(execution.statusDetails, { step: "download" });
    assert.equal(execution.versionNumber, 2);
    assert.ok(isSeconds(execution.startedAt));
    assert.equal(execution.approximateSecondsBeforeTimedOut, 300);
    assert.deepEqual(execution.jobDocument, { operation: "reboot" });
    assert.ok(isMs(started.body.timestamp));
    assert.equal(started.body.clientToken, "s1");

    const described = await device.request(`${p}/${jobId}/get`, { includeJobDocument: false });
    assert.equal(described.topic, `${p}/${jobId}/get/accepted`);
    const d = described.body.execution as Record<string, unknown>;
    assert.equal(d.status, "IN_PROGRESS");
    assert.equal(d.jobDocument, undefined);

    await device.request(`${p}/${jobId}/update`, { status: "SUCCEEDED" });
    const none = await device.request(`${p}/start-next`, { clientToken: "s2" });
    assert.equal(none.topic, `${p}/start-next/accepted`);
    assert.deepEqual(Object.keys(none.body).sort(), ["clientToken", "timestamp"]);
    const noNext = await device.request(`${p}/$next/get`);
    assert.deepEqual(Object.keys(noNext.body), ["timestamp"]);
  } finally {
    await device.end();
  }
});

test("JOB-30/JOB-21 update: QUEUED → IN_PROGRESS → SUCCEEDED with expectedVersion, executionState and jobDocument on request; then VersionMismatch, InvalidStateTransition and TerminalStateReached", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  const device = await unsubscribed(thing);
  const p = `$aws/things/${thing}/jobs/${jobId}`;
  try {
    const progress = await device.request(`${p}/update`, {
      status: "IN_PROGRESS",
      expectedVersion: 1,
      statusDetails: { progress: "50" },
      includeJobExecutionState: true,
      includeJobDocument: true,
      clientToken: "u1",
    });
    assert.equal(progress.topic, `${p}/update/accepted`);
    assert.deepEqual(progress.body.executionState, {
      status: "IN_PROGRESS",
      statusDetails: { progress: "50" },
      versionNumber: 2,
    });
    assert.deepEqual(progress.body.jobDocument, { operation: "reboot" });
    assert.equal(progress.body.clientToken, "u1");
    assert.ok(isMs(progress.body.timestamp));

    const stale = await device.request(`${p}/update`, {
      status: "SUCCEEDED",
      expectedVersion: 1,
      clientToken: "u2",
    });
    assert.equal(stale.topic, `${p}/update/rejected`);
    assert.equal(stale.body.code, "VersionMismatch");
    assert.equal(stale.body.clientToken, "u2");
    assert.ok(isMs(stale.body.timestamp));
    assert.match(String(stale.body.message), /expectedVersion 1/);
    assert.deepEqual(stale.body.executionState, {
      status: "IN_PROGRESS",
      statusDetails: { progress: "50" },
      versionNumber: 2,
    });

    const done = await device.request(`${p}/update`, { status: "SUCCEEDED", expectedVersion: 2 });
    assert.equal(done.topic, `${p}/update/accepted`);
    assert.deepEqual(Object.keys(done.body), ["timestamp"], "nothing asked, nothing but the timestamp");
    const control = await t.rig.iot.send(new DescribeControlExecutionCommand({ thingName: thing, jobId }));
    assert.equal(control.execution?.status, "SUCCEEDED");
    assert.equal(control.execution?.versionNumber, 3);

    const again = await device.request(`${p}/update`, { status: "FAILED" });
    assert.equal(again.topic, `${p}/update/rejected`);
    assert.equal(again.body.code, "InvalidStateTransition");
    assert.deepEqual(again.body.executionState, {
      status: "SUCCEEDED",
      statusDetails: { progress: "50" },
      versionNumber: 3,
    });

    const terminal = await device.request(`${p}/get`, { clientToken: "g1" });
    assert.equal(terminal.topic, `${p}/get/rejected`);
    assert.equal(terminal.body.code, "TerminalStateReached");
    assert.equal(terminal.body.clientToken, "g1");
    assert.equal(
      terminal.body.executionState,
      undefined,
      "executionState only for InvalidStateTransition and VersionMismatch",
    );
  } finally {
    await device.end();
  }
});

test("JOB-30 rejections: InvalidJson, InvalidRequest (missing or bad members), ResourceNotFound (job, thing), InvalidTopic", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  const device = await unsubscribed(thing);
  const p = `$aws/things/${thing}/jobs`;
  const rejected = async (topic: string, payload: unknown) => {
    const m = await device.request(topic, payload);
    assert.equal(m.topic, `${topic}/rejected`);
    assert.ok(isMs(m.body.timestamp));
    return m.body;
  };
  try {
    assert.equal((await rejected(`${p}/${jobId}/update`, "{oops")).code, "InvalidJson");
    assert.equal((await rejected(`${p}/get`, "[1,2]")).code, "InvalidJson");
    const missing = await rejected(`${p}/${jobId}/update`, { clientToken: "r1" });
    assert.deepEqual([missing.code, missing.clientToken], ["InvalidRequest", "r1"]);
    assert.match(
      String(missing.message),
      /at 'status' failed to satisfy constraint: Member must not be null/,
    );
    assert.equal((await rejected(`${p}/${jobId}/update`, { status: "DONE" })).code, "InvalidRequest");
    assert.equal((await rejected(`${p}/${jobId}/update`, { status: "CANCELED" })).code, "InvalidRequest");
    assert.equal(
      (await rejected(`${p}/${jobId}/update`, { status: "IN_PROGRESS", statusDetails: { n: 5 } })).code,
      "InvalidRequest",
    );
    assert.equal(
      (await rejected(`${p}/${jobId}/update`, { status: "IN_PROGRESS", expectedVersion: "1" })).code,
      "InvalidRequest",
    );
    assert.equal((await rejected(`${p}/start-next`, { stepTimeoutInMinutes: 0 })).code, "InvalidRequest");
    assert.equal((await rejected(`${p}/no-such-job/get`, {})).code, "ResourceNotFound");
    assert.equal(
      (await rejected(`${p}/no-such-job/update`, { status: "IN_PROGRESS" })).code,
      "ResourceNotFound",
    );
    const ghost = `$aws/things/${uniqueName("ghost")}/jobs`;
    for (const topic of [
      `${ghost}/get`,
      `${ghost}/start-next`,
      `${ghost}/$next/get`,
      `${ghost}/${jobId}/update`,
    ])
      assert.equal((await rejected(topic, { status: "IN_PROGRESS" })).code, "ResourceNotFound");
    const unknown = await rejected(`${p}/${jobId}/cancel`, { clientToken: "r2" });
    assert.deepEqual([unknown.code, unknown.clientToken], ["InvalidTopic", "r2"]);
    // Nothing refused changed the execution.
    assert.equal((await t.rig.execution(thing, jobId)).versionNumber, 1);
  } finally {
    await device.end();
  }
});

test("JOB-30: a client that is not the thing may work another thing's job; its answers reach it, and the thing's subscribers see them", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  const operator = await unsubscribed(uniqueName("operator"));
  const monitor = await Device.connect((await t.sb.mqtt()).url, uniqueName("monitor"));
  await monitor.subscribe(`$aws/things/${thing}/jobs/+/update/accepted`);
  try {
    const m = await operator.request(`$aws/things/${thing}/jobs/${jobId}/update`, {
      status: "IN_PROGRESS",
      includeJobExecutionState: true,
    });
    assert.equal(m.topic, `$aws/things/${thing}/jobs/${jobId}/update/accepted`);
    assert.equal((m.body.executionState as Record<string, unknown>).status, "IN_PROGRESS");
    const seen = await monitor.next(`$aws/things/${thing}/jobs/+/update/accepted`);
    assert.deepEqual(seen.body, m.body);
    assert.equal((await t.rig.execution(thing, jobId)).status, "IN_PROGRESS");
  } finally {
    await operator.end();
    await monitor.end();
  }
});

/** Payloads a careless or hostile client may send (not JSON, wrong types, extremes). */
const ODD_PAYLOADS: Array<string | Buffer> = [
  "",
  "null",
  "42",
  '"text"',
  "[]",
  "{}",
  Buffer.from([0x7b, 0xff, 0x7d]),
  `${"[".repeat(5000)}${"]".repeat(5000)}`,
  '{"status":null,"clientToken":{}}',
  '{"status":123}',
  '{"status":"IN_PROGRESS","statusDetails":[]}',
  '{"status":"IN_PROGRESS","statusDetails":{"a":{"b":1}}}',
  '{"status":"IN_PROGRESS","statusDetails":{"__proto__":"x"}}',
  '{"status":"IN_PROGRESS","expectedVersion":1e300}',
  '{"status":"IN_PROGRESS","executionNumber":0}',
  '{"stepTimeoutInMinutes":99999999}',
  '{"includeJobDocument":"yes"}',
  JSON.stringify({ status: "IN_PROGRESS", statusDetails: { k: "v".repeat(100_000) } }),
];

test("JOB-30 robustness: every jobs topic answers every odd payload with accepted or rejected, and the sandbox keeps serving", async () => {
  const { thing, jobId } = await t.rig.thingWithJob();
  const device = await unsubscribed(thing);
  const p = `$aws/things/${thing}/jobs`;
  try {
    for (const topic of [
      `${p}/get`,
      `${p}/start-next`,
      `${p}/$next/get`,
      `${p}/${jobId}/get`,
      `${p}/${jobId}/update`,
    ])
      for (const payload of ODD_PAYLOADS) {
        const m = await device.request(topic, payload);
        assert.match(m.topic, /\/(accepted|rejected)$/);
        if (m.topic.endsWith("/rejected"))
          assert.ok(
            ["InvalidJson", "InvalidRequest", "ResourceNotFound", "VersionMismatch"].includes(
              String(m.body.code),
            ),
            `${topic} ${String(payload).slice(0, 40)}: ${String(m.body.code)}`,
          );
      }
    const execution = await t.rig.execution(thing, jobId);
    assert.equal(
      execution.status,
      "IN_PROGRESS",
      "start-next with {} started it; nothing odd changed it otherwise",
    );
  } finally {
    await device.end();
  }
});

test("JOB-30: a thing cannot reach another thing's execution through its own topics (ResourceNotFound), and its own list does not show it", async () => {
  const { thing: other, jobId } = await t.rig.thingWithJob();
  const [thing] = await t.rig.things(1);
  const device = await unsubscribed(thing);
  const p = `$aws/things/${thing}/jobs`;
  try {
    for (const action of ["get", "update"]) {
      const m = await device.request(`${p}/${jobId}/${action}`, { status: "IN_PROGRESS", clientToken: "x" });
      assert.equal(m.topic, `${p}/${jobId}/${action}/rejected`);
      assert.deepEqual([m.body.code, m.body.clientToken], ["ResourceNotFound", "x"]);
    }
    const list = await device.request(`${p}/get`);
    assert.deepEqual([list.body.inProgressJobs, list.body.queuedJobs], [[], []]);
    assert.equal((await t.rig.execution(other, jobId)).status, "QUEUED");
  } finally {
    await device.end();
  }
});
