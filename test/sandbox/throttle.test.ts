/**
 * `--throttle aws` answers calls beyond AWS's default rates with each service's throttling
 * error (15.1, PROTO-10); `--fail-rate` answers a share of calls with the service's internal
 * error, which the SDK's retries absorb.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { CreateThingCommand, DescribeThingCommand, IoTClient, ListThingsCommand } from "@aws-sdk/client-iot";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

type AwsError = Error & { $metadata?: { httpStatusCode?: number; attempts?: number } };

let throttled: TestSandbox;
let failing: TestSandbox;
before(async () => {
  [throttled, failing] = await Promise.all([
    startSandbox({ args: ["--throttle", "aws"] }),
    startSandbox({ args: ["--fail-rate", "1"] }),
  ]);
});
after(async () => {
  await Promise.all([throttled.dispose(), failing.dispose()]);
});

test("15.1/PROTO-10: ListThings beyond 10 TPS gets 400 ThrottlingException", async () => {
  const iot = new IoTClient(throttled.config);
  const results = await Promise.allSettled(
    Array.from({ length: 30 }, () => iot.send(new ListThingsCommand({}))),
  );
  const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  const ok = results.filter((r) => r.status === "fulfilled");
  assert.ok(ok.length >= 10 && ok.length <= 12, `${ok.length} calls passed`);
  assert.ok(rejected.length >= 18);
  for (const r of rejected) {
    const e = r.reason as AwsError;
    assert.equal(e.name, "ThrottlingException");
    assert.equal(e.$metadata?.httpStatusCode, 400);
  }
});

test("15.1: CreateThing allows a burst of 100, then refills at 100 per second", async () => {
  const iot = new IoTClient(throttled.config);
  const t0 = Date.now();
  const first = await Promise.allSettled(
    Array.from({ length: 120 }, (_, i) => iot.send(new CreateThingCommand({ thingName: `burst-${i}` }))),
  );
  const refilled = Math.ceil(((Date.now() - t0) / 1000) * 100);
  const passed = first.filter((r) => r.status === "fulfilled").length;
  assert.ok(
    passed >= 100 && passed <= 100 + refilled,
    `${passed} of 120 passed (${refilled} tokens refilled meanwhile)`,
  );
  await new Promise((r) => setTimeout(r, 1100));
  const later = await Promise.allSettled(
    Array.from({ length: 50 }, (_, i) => iot.send(new CreateThingCommand({ thingName: `later-${i}` }))),
  );
  assert.equal(later.filter((r) => r.status === "fulfilled").length, 50);
});

test("15.1: operations without a published rate are not limited", async () => {
  const sts = new STSClient(throttled.config);
  const results = await Promise.allSettled(
    Array.from({ length: 60 }, () => sts.send(new GetCallerIdentityCommand({}))),
  );
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 60);
});

test("--fail-rate 1 answers every call with the service's internal error", async () => {
  const iot = new IoTClient({ ...failing.config, maxAttempts: 1 });
  await assert.rejects(iot.send(new DescribeThingCommand({ thingName: "x" })), (e: AwsError) => {
    assert.equal(e.name, "InternalFailureException");
    assert.equal(e.$metadata?.httpStatusCode, 500);
    return true;
  });
  const sts = new STSClient({ ...failing.config, maxAttempts: 1 });
  await assert.rejects(sts.send(new GetCallerIdentityCommand({})), (e: AwsError) => {
    assert.equal(e.$metadata?.httpStatusCode, 500);
    return true;
  });
});

test("--fail-rate 0.3: SDK retries absorb injected failures", async () => {
  await failing.admin("config", { failRate: 0.3 });
  const iot = new IoTClient({ ...failing.config, maxAttempts: 8 });
  let retried = 0;
  for (let i = 0; i < 40; i++) {
    const out = await iot.send(new CreateThingCommand({ thingName: `resilient-${i}` }));
    retried += (out.$metadata.attempts ?? 1) - 1;
  }
  assert.ok(retried > 0, "some calls were retried");
});
