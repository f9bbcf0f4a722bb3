/**
 * One load-generating worker thread of the bench: SDK v3 clients creating its share of the
 * things (CreateThing + AddThingToThingGroup + UpdateThingShadow), timing every call.
 * Several workers keep the client side from being the bottleneck on a 2-core machine.
 */
import { Agent } from "node:http";
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { AddThingToThingGroupCommand, CreateThingCommand, IoTClient } from "@aws-sdk/client-iot";
import { IoTDataPlaneClient, UpdateThingShadowCommand } from "@aws-sdk/client-iot-data-plane";

export const BENCH_TYPES = ["SedanVehicle", "SUVVehicle", "TruckVehicle"];
export const BENCH_COUNTRIES = ["US", "CA", "MX", "BR"];
export const benchGroup = (country: string) => `bench-${country}`;
export const benchThing = (i: number) => `bench-vehicle-${String(i).padStart(6, "0")}`;

export interface LoadJob {
  /** fleet: CreateThing + AddThingToThingGroup + UpdateThingShadow; packages: the $package shadows. */
  mode: "fleet" | "packages";
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  things: number;
  workers: number;
  worker: number;
  concurrency: number;
}

export interface LoadResult {
  latencies: Float64Array;
  calls: number;
  failures: string[];
}

async function run(job: LoadJob): Promise<LoadResult> {
  const config = {
    endpoint: job.endpoint,
    region: job.region,
    credentials: job.credentials,
    maxAttempts: 1,
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: job.concurrency }) },
  };
  const iot = new IoTClient(config);
  const data = new IoTDataPlaneClient(config);
  const mine = Math.ceil((job.things - job.worker) / job.workers);
  const latencies = new Float64Array(mine * (job.mode === "fleet" ? 3 : 1));
  const failures: string[] = [];
  let calls = 0;
  let next = 0;
  const timed = async (fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    try {
      await fn();
    } catch (e) {
      if (failures.length < 5) failures.push(`${(e as Error).name}: ${(e as Error).message}`);
      else failures.push("");
    }
    latencies[calls++] = performance.now() - t0;
  };
  const encoder = new TextEncoder();
  const loop = async () => {
    for (;;) {
      const k = next++;
      if (k >= mine) return;
      const i = k * job.workers + job.worker;
      const thingName = benchThing(i);
      const thingTypeName = BENCH_TYPES[i % BENCH_TYPES.length];
      const country = BENCH_COUNTRIES[i % BENCH_COUNTRIES.length];
      if (job.mode === "packages") {
        const version = i % 2 === 0 ? "1.0.0" : "1.1.0";
        const pkg = encoder.encode(
          JSON.stringify({ state: { reported: { [thingTypeName]: { version, attributes: {} } } } }),
        );
        await timed(() =>
          data.send(new UpdateThingShadowCommand({ thingName, shadowName: "$package", payload: pkg })),
        );
        continue;
      }
      await timed(() =>
        iot.send(
          new CreateThingCommand({
            thingName,
            thingTypeName,
            attributePayload: { attributes: { country, index: String(i) } },
          }),
        ),
      );
      await timed(() =>
        iot.send(new AddThingToThingGroupCommand({ thingGroupName: benchGroup(country), thingName })),
      );
      const payload = encoder.encode(
        JSON.stringify({ state: { reported: { batteryStatus: i % 100, firmware: "1.0.0" } } }),
      );
      await timed(() => data.send(new UpdateThingShadowCommand({ thingName, payload })));
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, loop));
  iot.destroy();
  data.destroy();
  return { latencies: latencies.slice(0, calls), calls, failures };
}

if (parentPort) {
  const port = parentPort;
  run(workerData as LoadJob).then((r) => port.postMessage(r, [r.latencies.buffer as ArrayBuffer]));
}
