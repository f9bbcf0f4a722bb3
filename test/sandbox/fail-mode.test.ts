/**
 * `--fail-mode`: where an injected failure (`--fail-rate`) strikes. `before` (the default)
 * refuses the call unrun; `after` runs and commits it, then answers the service's internal
 * error, so the client's retry meets the call's own effect; `both` does either. Settable at
 * start and through the admin config endpoint.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { CreateThingCommand, DescribeThingCommand, IoTClient } from "@aws-sdk/client-iot";
import { CreateBucketCommand, HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

type AwsError = Error & { $metadata?: { httpStatusCode?: number; attempts?: number } };

let sb: TestSandbox;
let iot: IoTClient;
before(async () => {
  sb = await startSandbox({ args: ["--fail-rate", "1", "--fail-mode", "after"] });
  iot = new IoTClient({ ...sb.config, maxAttempts: 1 });
});
after(async () => {
  iot.destroy();
  await sb.dispose();
});

const health = async () =>
  (await (await fetch(`${sb.endpoint}/_iotdm/health`)).json()) as Record<string, unknown>;

async function failing<T>(call: Promise<T>, name: string, status: number): Promise<void> {
  await assert.rejects(call, (e: AwsError) => {
    assert.equal(e.name, name);
    assert.equal(e.$metadata?.httpStatusCode, status);
    return true;
  });
}

test("--fail-mode after: the call commits, then the client gets the service's injected internal error", async () => {
  assert.equal((await health()).failMode, "after");
  await failing(
    iot.send(new CreateThingCommand({ thingName: "committed" })),
    "InternalFailureException",
    500,
  );
  const s3 = new S3Client({ ...sb.s3Config, maxAttempts: 1 });
  await failing(s3.send(new CreateBucketCommand({ Bucket: "committed-bucket" })), "InternalError", 500);
  await sb.admin("config", { failRate: 0 });
  try {
    const thing = await iot.send(new DescribeThingCommand({ thingName: "committed" }));
    assert.equal(thing.thingName, "committed", "the failed call's effect is stored");
    await s3.send(new HeadBucketCommand({ Bucket: "committed-bucket" }));
  } finally {
    s3.destroy();
    await sb.admin("config", { failRate: 1 });
  }
});

test("--fail-mode after: a retried non-idempotent call meets its own effect (what workflows must converge on)", async () => {
  const retrying = new IoTClient({ ...sb.config, maxAttempts: 3 });
  await sb.admin("config", { failRate: 1 });
  try {
    // Every attempt commits and fails: the thing exists after the first one.
    await failing(
      retrying.send(
        new CreateThingCommand({ thingName: "retried", attributePayload: { attributes: { a: "1" } } }),
      ),
      "InternalFailureException",
      500,
    );
    await sb.admin("config", { failRate: 0 });
    await assert.rejects(
      retrying.send(
        new CreateThingCommand({ thingName: "retried", attributePayload: { attributes: { a: "2" } } }),
      ),
      { name: "ResourceAlreadyExistsException" },
    );
  } finally {
    retrying.destroy();
    await sb.admin("config", { failRate: 1 });
  }
});

test("--fail-mode before (set through the admin config endpoint): the failed call leaves nothing behind", async () => {
  const status = (await sb.admin("config", { failMode: "before" })) as Record<string, unknown>;
  assert.equal(status.failMode, "before");
  try {
    await failing(
      iot.send(new CreateThingCommand({ thingName: "refused" })),
      "InternalFailureException",
      500,
    );
    await sb.admin("config", { failRate: 0 });
    await assert.rejects(iot.send(new DescribeThingCommand({ thingName: "refused" })), {
      name: "ResourceNotFoundException",
    });
  } finally {
    await sb.admin("config", { failRate: 1, failMode: "after" });
  }
});

test("--fail-mode both: every injected failure is one or the other, and an unknown mode is refused by the admin endpoint, leaving the mode as it was", async () => {
  await sb.admin("config", { failMode: "both", failRate: 1 });
  try {
    const names = Array.from({ length: 40 }, (_, i) => `both-${i}`);
    for (const thingName of names)
      await failing(iot.send(new CreateThingCommand({ thingName })), "InternalFailureException", 500);
    const refused = (await sb.admin("config", { failMode: "sideways" })) as { message?: string };
    assert.match(refused.message ?? "", /failMode takes "before", "after" or "both"/);
    assert.equal((await health()).failMode, "both");
    await sb.admin("config", { failRate: 0 });
    let stored = 0;
    for (const thingName of names) {
      try {
        await iot.send(new DescribeThingCommand({ thingName }));
        stored++;
      } catch (e) {
        assert.equal((e as Error).name, "ResourceNotFoundException");
      }
    }
    // Each draw is a coin toss: all 40 on one side has a chance of 2^-39.
    assert.ok(stored > 0 && stored < names.length, `${stored} of ${names.length} calls committed`);
  } finally {
    await sb.admin("config", { failRate: 1, failMode: "after" });
  }
});
