/**
 * `npm run bench`: the sandbox under the workshop's provisioning load. SDK v3 clients drive
 * CreateThing + AddThingToThingGroup + UpdateThingShadow at concurrency 64 until 100k things
 * exist; prints calls/s, p50/p99 latency, sandbox RSS, and the cold start time with those
 * 100k things on disk; then the peak RSS under large bodies (bodies.ts).
 * Options: --things N (default 100000), --concurrency N (default 64).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import {
  CreateThingGroupCommand,
  CreateThingTypeCommand,
  DescribeThingCommand,
  IoTClient,
  UpdateIndexingConfigurationCommand,
} from "@aws-sdk/client-iot";
import { ensureRunning, instanceRef, type RunningInstance, stopInstance } from "../src/sandbox/control.js";
import { BENCH_COUNTRIES, BENCH_TYPES, type LoadJob, type LoadResult, benchGroup } from "./load-worker.js";
import { bodyBench } from "./bodies.js";
import { searchBench } from "./search.js";
import { fmt, percentile, rssMb } from "./stats.js";

// The bench runs on Node 20 on purpose; the SDK's notice about Node 22 would clutter the figures.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const { values } = parseArgs({
  options: {
    things: { type: "string", default: "100000" },
    concurrency: { type: "string", default: "64" },
    workers: { type: "string", default: "2" },
    port: { type: "string", default: "5999" },
    "bodies-port": { type: "string", default: "5995" },
    /** Write a CPU profile of the sandbox process into this directory. */
    profile: { type: "string" },
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

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "iotdm-bench-"));
  const ref = instanceRef({ port: Number(values.port), dataDir });
  await stopInstance(ref);
  const nodeArgs = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${values.profile}`] : [];
  const { instance } = await ensureRunning(ref, { nodeArgs });
  const iot = new IoTClient(clientConfig(instance));
  for (const thingTypeName of BENCH_TYPES) await iot.send(new CreateThingTypeCommand({ thingTypeName }));
  for (const c of BENCH_COUNTRIES)
    await iot.send(new CreateThingGroupCommand({ thingGroupName: benchGroup(c) }));

  const workers = Number(values.workers);
  // Load generator and sandbox share 2 cores: the client threads (created below, inheriting
  // this thread's niceness) yield to the sandbox, so what is measured is the sandbox.
  os.setPriority(10);
  console.log(
    `iotdm sandbox bench: ${THINGS} things x (CreateThing + AddThingToThingGroup + UpdateThingShadow), concurrency ${CONCURRENCY} over ${workers} client threads`,
  );
  const load = await runLoad(instance, "fleet", workers);
  const rss = rssMb(instance.pid);

  console.log("");
  console.log(`API calls             ${load.calls} in ${fmt(load.seconds)} s, ${load.failures} failed`);
  console.log(`throughput            ${fmt(load.calls / load.seconds, 0)} calls/s   (target >= 2500)`);
  console.log(
    `latency p50 / p99     ${fmt(percentile(load.sorted, 50), 2)} ms / ${fmt(percentile(load.sorted, 99), 2)} ms   (target p99 < 50 ms)`,
  );
  console.log(`sandbox RSS           ${fmt(rss, 0)} MB with ${THINGS} things   (target < 300 MB)`);

  // Fleet indexing (issue 4): index registry, classic and $package shadows, then query.
  await iot.send(
    new UpdateIndexingConfigurationCommand({
      thingIndexingConfiguration: {
        thingIndexingMode: "REGISTRY_AND_SHADOW",
        namedShadowIndexingMode: "ON",
        filter: { namedShadowNames: ["$package"] },
      },
    }),
  );
  await runLoad(instance, "packages", workers);
  await searchBench(clientConfig(instance), instance.pid, THINGS);

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
  probe.destroy();
  await bodyBench(Number(values["bodies-port"]));
}

async function runLoad(instance: RunningInstance, mode: LoadJob["mode"], workers: number) {
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: workers }, (_, worker) => {
      const job: LoadJob = {
        mode,
        endpoint: instance.endpoint,
        region: instance.region,
        credentials: { accessKeyId: instance.accessKeyId, secretAccessKey: instance.secretAccessKey },
        things: THINGS,
        workers,
        worker,
        concurrency: Math.ceil(CONCURRENCY / workers),
      };
      return new Promise<LoadResult>((resolve, reject) => {
        const w = new Worker(new URL("./load-worker.js", import.meta.url), { workerData: job });
        w.once("message", resolve);
        w.once("error", reject);
      });
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const calls = results.reduce((n, r) => n + r.calls, 0);
  const failures = results.flatMap((r) => r.failures);
  for (const f of failures.filter((x) => x).slice(0, 5)) console.error(`  call failed: ${f}`);
  const sorted = new Float64Array(calls);
  let offset = 0;
  for (const r of results) {
    sorted.set(r.latencies, offset);
    offset += r.latencies.length;
  }
  sorted.sort();
  return { seconds, calls, failures: failures.length, sorted };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
