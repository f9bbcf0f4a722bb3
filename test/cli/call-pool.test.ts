/**
 * The call pool (src/aws/call-pool.ts): SDK calls run in worker threads when a machine has cores
 * to spare (IOTDM_CALL_POOL sets their number; by default none on a 2-core machine). A pooled
 * call answers as the SDK does in the main thread: the output, or an error named by its AWS code
 * with its HTTP status; a workflow run with the pool on gives the same fleet.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { IoTClient, ListThingsCommand } from "@aws-sdk/client-iot";
import { CallPool } from "../../src/aws/call-pool.js";
import { runBinary } from "../helpers/binary.js";
import { isolateCliEnvironment } from "../helpers/cli-env.js";
import { type TestSandbox, startSandbox } from "../helpers/sandbox.js";
import { target } from "./provision-helpers.js";

isolateCliEnvironment();

let sb: TestSandbox;
before(async () => {
  sb = await startSandbox();
});
after(() => sb.dispose());

test("a pooled call gives the SDK's output, and an error with its AWS code, message fields and status", async () => {
  const pool = new CallPool(1);
  try {
    const config = { ...sb.config, cacheMiddleware: true };
    const created = (await pool.run("iot", config, "CreateThingCommand", { thingName: "pooled-1" })) as {
      thingName?: string;
      $metadata?: { httpStatusCode?: number };
    };
    assert.equal(created.thingName, "pooled-1");
    assert.equal(created.$metadata?.httpStatusCode, 200);
    await assert.rejects(
      pool.run("iot", config, "DescribeThingCommand", { thingName: "not-there" }),
      (e: Error & { $metadata?: { httpStatusCode?: number } }) =>
        e.name === "ResourceNotFoundException" &&
        e.$metadata?.httpStatusCode === 404 &&
        /not-there/.test(e.message),
    );
  } finally {
    await pool.close();
  }
});

test("provision with IOTDM_CALL_POOL=2 creates the same fleet, its calls counted in the main thread", async () => {
  const run = await runBinary(["--yes", "--json", "provision", "--count", "30", ...target(sb)], {
    IOTDM_CALL_POOL: "2",
  });
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as {
    ok: boolean;
    things: { created: number };
    calls: { calls: number };
  };
  assert.equal(report.ok, true);
  assert.equal(report.things.created, 30);
  assert.ok(report.calls.calls >= 30, `${report.calls.calls} calls counted`);
  const iot = new IoTClient(sb.config);
  try {
    const things = await iot.send(new ListThingsCommand({ maxResults: 100 }));
    assert.equal(things.things?.filter((t) => t.thingName?.startsWith("Vehicle-VIN-")).length, 30);
  } finally {
    iot.destroy();
  }
});
