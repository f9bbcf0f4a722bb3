/**
 * JOB-30 notifications over the real broker (--no-auth): `jobs/notify` when the pending list
 * changes and `jobs/notify-next` when the `$next` execution becomes another one, as CreateJob (SDK),
 * a device over MQTT and the end of a job change it. Each step's messages are read in order
 * from one client subscribed to the thing's whole jobs namespace, so "no notify-next here" is
 * checked against the next message that did come, not against a delay.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { CancelJobCommand } from "@aws-sdk/client-iot";
import { jobsDataSandbox, uniqueName } from "./jobs-data-helpers.js";
import { Device, type Message } from "./mqtt-topics-helpers.js";

const t = jobsDataSandbox({ args: ["--no-auth"] });

/** The thing's device, subscribed to everything under `$aws/things/<thing>/jobs/`. */
async function deviceOf(thing: string): Promise<Device> {
  const device = await Device.connect((await t.sb.mqtt()).url, thing);
  await device.subscribe(`$aws/things/${thing}/jobs/#`);
  return device;
}

const NOTIFICATIONS = (thing: string) => [
  `$aws/things/${thing}/jobs/notify`,
  `$aws/things/${thing}/jobs/notify-next`,
];

/** The next `n` notifications, as `[topic suffix, body]`. */
async function notifications(
  device: Device,
  thing: string,
  n: number,
): Promise<Array<[string, Message["body"]]>> {
  const out: Array<[string, Message["body"]]> = [];
  for (let i = 0; i < n; i++) {
    const m = await device.next(NOTIFICATIONS(thing));
    out.push([m.topic.slice(`$aws/things/${thing}/jobs/`.length), m.body]);
  }
  return out;
}

const jobIdsOf = (body: Message["body"], status: string) =>
  ((body.jobs as Record<string, Array<{ jobId: string }>>)[status] ?? []).map((s) => s.jobId);

test("JOB-30: notify and notify-next as a job is created, started and completed; the last notify-next has no execution", async () => {
  const [thing] = await t.rig.things(1);
  const device = await deviceOf(thing);
  const p = `$aws/things/${thing}/jobs`;
  try {
    const jobId = await t.rig.job({ targets: [t.rig.thingArn(thing)] });
    const created = await notifications(device, thing, 2);
    assert.deepEqual(
      created.map(([topic]) => topic),
      ["notify", "notify-next"],
    );
    const [, list] = created[0];
    assert.ok((list.timestamp as number) > 1e12, "epoch milliseconds");
    assert.deepEqual(Object.keys(list.jobs as object), ["QUEUED"]);
    const [summary] = (list.jobs as Record<string, Array<Record<string, unknown>>>).QUEUED;
    assert.deepEqual(Object.keys(summary).sort(), [
      "executionNumber",
      "jobId",
      "lastUpdatedAt",
      "queuedAt",
      "versionNumber",
    ]);
    assert.equal(summary.jobId, jobId);
    const next = created[1][1].execution as Record<string, unknown>;
    assert.equal(next.jobId, jobId);
    assert.equal(next.status, "QUEUED");
    assert.deepEqual(next.jobDocument, { operation: "reboot" });

    // Starting the $next execution changes the list but not which execution is next.
    await device.request(`${p}/start-next`);
    const [[topic, started]] = await notifications(device, thing, 1);
    assert.equal(topic, "notify");
    assert.deepEqual(jobIdsOf(started, "IN_PROGRESS"), [jobId]);

    await device.request(`${p}/${jobId}/update`, { status: "SUCCEEDED" });
    const finished = await notifications(device, thing, 2);
    assert.deepEqual(finished, [
      ["notify", { timestamp: finished[0][1].timestamp, jobs: {} }],
      ["notify-next", { timestamp: finished[1][1].timestamp }],
    ]);
  } finally {
    await device.end();
  }
});

test("JOB-30: with two jobs, notify lists IN_PROGRESS before QUEUED and notify-next follows the $next execution", async () => {
  const [thing] = await t.rig.things(1);
  const device = await deviceOf(thing);
  const p = `$aws/things/${thing}/jobs`;
  try {
    const first = await t.rig.job({ targets: [t.rig.thingArn(thing)] });
    await notifications(device, thing, 2);
    const second = await t.rig.job({ targets: [t.rig.thingArn(thing)] });
    // The second job is queued behind the first: the list changes, $next does not.
    const [[topic, queued]] = await notifications(device, thing, 1);
    assert.equal(topic, "notify");
    assert.deepEqual(jobIdsOf(queued, "QUEUED"), [first, second]);

    // The second job's execution starts first: it becomes $next (IN_PROGRESS before QUEUED).
    await device.request(`${p}/${second}/update`, { status: "IN_PROGRESS" });
    const moved = await notifications(device, thing, 2);
    assert.deepEqual(jobIdsOf(moved[0][1], "IN_PROGRESS"), [second]);
    assert.deepEqual(jobIdsOf(moved[0][1], "QUEUED"), [first]);
    assert.equal((moved[1][1].execution as Record<string, unknown>).jobId, second);

    // CancelJob (SDK) removes the first job's QUEUED execution: the list shrinks, $next stays.
    await t.rig.iot.send(new CancelJobCommand({ jobId: first }));
    const [[afterCancel, list]] = await notifications(device, thing, 1);
    assert.equal(afterCancel, "notify");
    assert.deepEqual(jobIdsOf(list, "QUEUED"), []);

    await device.request(`${p}/${second}/update`, { status: "FAILED" });
    const ended = await notifications(device, thing, 2);
    assert.deepEqual(
      ended.map(([topic]) => topic),
      ["notify", "notify-next"],
    );
    assert.equal(ended[1][1].execution, undefined);
    assert.deepEqual(device.unread(NOTIFICATIONS(thing)[1]), []);
  } finally {
    await device.end();
  }
});

test("JOB-30: notifications go to subscribers only; a thing that subscribed to nothing gets none, yet its requests are answered", async () => {
  const [thing] = await t.rig.things(1);
  const device = await Device.connect((await t.sb.mqtt()).url, thing);
  try {
    const jobId = await t.rig.job({ targets: [t.rig.thingArn(thing)] });
    const m = await device.request(`$aws/things/${thing}/jobs/get`);
    assert.deepEqual(
      (m.body.queuedJobs as Array<{ jobId: string }>).map((s) => s.jobId),
      [jobId],
    );
    assert.deepEqual(device.unread("#"), [], "the notify messages of the creation went to no one");
  } finally {
    await device.end();
  }
});

test("JOB-5/JOB-30: a job on a thing group notifies each member on its own topics", async () => {
  const things = await t.rig.things(3, uniqueName("member"));
  const group = await t.rig.group(things);
  const devices = await Promise.all(things.map(deviceOf));
  try {
    const jobId = await t.rig.job({ targets: [t.rig.groupArn(group)] });
    for (const [i, thing] of things.entries()) {
      const [[topic, body]] = await notifications(devices[i], thing, 1);
      assert.equal(topic, "notify");
      assert.deepEqual(jobIdsOf(body, "QUEUED"), [jobId]);
    }
  } finally {
    await Promise.all(devices.map((d) => d.end()));
  }
});
