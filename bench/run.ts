/**
 * `npm run bench`: the sandbox under the workshop's provisioning load. SDK v3 clients drive
 * CreateThing + AddThingToThingGroup + UpdateThingShadow at concurrency 64 until 100k things
 * exist; prints calls/s, p50/p99 latency, sandbox RSS, and the cold start time with those
 * 100k things on disk. Options: --things N (default 100000), --concurrency N (default 64).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import {
  AddThingToThingGroupCommand,
  CreateThingCommand,
  CreateThingGroupCommand,
  DescribeThingCommand,
  IoTClient,
} from "@aws-sdk/client-iot";
import { IoTDataPlaneClient, UpdateThingShadowCommand } from "@aws-sdk/client-iot-data-plane";
import { ensureRunning, instanceRef, type RunningInstance, stopInstance } from "../src/sandbox/control.js";

const { values } = parseArgs({
  options: {
    things: { type: "string", default: "100000" },
    concurrency: { type: "string", default: "64" },
    port: { type: "string", default: "5999" },
  },
});
const THINGS = Number(values.things);
const CONCURRENCY = Number(values.concurrency);

function clientConfig(i: RunningInstance) {
  return {
    endpoint: i.endpoint,
    region: i.region,
    credentials: { accessKeyId: i.accessKeyId, secretAccessKey: i.secretAccessKey },
    maxAttempts: 1,
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: CONCURRENCY }) },
  };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const fmt = (n: number, d = 1) => n.toFixed(d);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "iotdm-bench-"));
  const ref = instanceRef({ port: Number(values.port), dataDir });
  await stopInstance(ref);
  const { instance } = await ensureRunning(ref);
  const iot = new IoTClient(clientConfig(instance));
  const data = new IoTDataPlaneClient(clientConfig(instance));
  const groups = ["bench-US", "bench-CA", "bench-MX", "bench-BR"];
  for (const g of groups) await iot.send(new CreateThingGroupCommand({ thingGroupName: g }));

  console.log(
    `iotdm sandbox bench: ${THINGS} things x (CreateThing + AddThingToThingGroup + UpdateThingShadow), concurrency ${CONCURRENCY}`,
  );
  const latencies = new Float64Array(THINGS * 3);
  let calls = 0;
  let failures = 0;
  let next = 0;
  const timed = async (fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    try {
      await fn();
    } catch (e) {
      failures++;
      if (failures <= 5) console.error(`  call failed: ${(e as Error).name}: ${(e as Error).message}`);
    }
    latencies[calls++] = performance.now() - t0;
  };
  const started = performance.now();
  let lastReport = started;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= THINGS) return;
      const thingName = `bench-vehicle-${String(i).padStart(6, "0")}`;
      await timed(() =>
        iot.send(
          new CreateThingCommand({
            thingName,
            attributePayload: { attributes: { country: "US", index: String(i) } },
          }),
        ),
      );
      await timed(() =>
        iot.send(new AddThingToThingGroupCommand({ thingGroupName: groups[i % groups.length], thingName })),
      );
      const payload = new TextEncoder().encode(
        JSON.stringify({ state: { reported: { batteryStatus: i % 100, firmware: "1.0.0" } } }),
      );
      await timed(() => data.send(new UpdateThingShadowCommand({ thingName, payload })));
      const now = performance.now();
      if (now - lastReport > 10_000) {
        lastReport = now;
        console.log(`  ... ${i + 1} things, ${fmt(calls / ((now - started) / 1000), 0)} calls/s`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.slice(0, calls).sort();
  const rss = rssMb(instance.pid);

  console.log("");
  console.log(`API calls             ${calls} in ${fmt(seconds)} s, ${failures} failed`);
  console.log(`throughput            ${fmt(calls / seconds, 0)} calls/s   (target >= 2500)`);
  console.log(
    `latency p50 / p99     ${fmt(percentile(sorted, 50), 2)} ms / ${fmt(percentile(sorted, 99), 2)} ms   (target p99 < 50 ms)`,
  );
  console.log(`sandbox RSS           ${fmt(rss, 0)} MB with ${THINGS} things   (target < 300 MB)`);

  await stopInstance(ref);
  const t0 = performance.now();
  const { instance: restarted } = await ensureRunning(ref);
  const probe = new IoTClient(clientConfig(restarted));
  await probe.send(new DescribeThingCommand({ thingName: "bench-vehicle-000000" }));
  const cold = (performance.now() - t0) / 1000;
  console.log(
    `cold start            ${fmt(cold, 2)} s with ${THINGS} things on disk, first DescribeThing answered   (target < 2 s)`,
  );
  await stopInstance(ref);
  rmSync(dataDir, { recursive: true, force: true });
  iot.destroy();
  data.destroy();
  probe.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
