/**
 * Fleet-indexing figures (issue 4) on the bench's 100k-thing fleet: SearchIndex latency for
 * the workshop's queries (first page), a full paginated scan, dynamic-group membership lag
 * after a shadow update, and the memory the index takes.
 */
import { performance } from "node:perf_hooks";
import {
  CreateDynamicThingGroupCommand,
  type IoTClientConfig,
  IoTClient,
  ListThingGroupsForThingCommand,
  SearchIndexCommand,
} from "@aws-sdk/client-iot";
import { IoTDataPlaneClient, UpdateThingShadowCommand } from "@aws-sdk/client-iot-data-plane";
import { benchThing } from "./load-worker.js";
import { fmt, percentile, rssMb } from "./stats.js";

const WORKSHOP_QUERIES = [
  "thingTypeName:SedanVehicle AND attributes.country:(US OR CA) AND shadow.reported.batteryStatus:[50 TO *]",
  "shadow.name.\\$package.reported.SedanVehicle.version:1.1.0",
  "thingTypeName:SUVVehicle AND shadow.name.\\$package.reported.SUVVehicle.version:* AND NOT shadow.name.\\$package.reported.SUVVehicle.version:1.0.0",
  "shadow.reported.batteryStatus:[* TO 30]",
  "attributes.country:MX AND thingTypeName:TruckVehicle",
];

export async function searchBench(
  config: IoTClientConfig,
  sandboxPid: number,
  things: number,
): Promise<void> {
  const iot = new IoTClient(config);
  const data = new IoTDataPlaneClient(config);
  const before = rssMb(sandboxPid);
  const t0 = performance.now();
  await iot.send(new SearchIndexCommand({ queryString: "thingName:bench-vehicle-000000" }));
  const build = (performance.now() - t0) / 1000;
  const indexMb = rssMb(sandboxPid) - before;

  const samples: number[] = [];
  for (let round = 0; round < 40; round++) {
    for (const queryString of WORKSHOP_QUERIES) {
      const s = performance.now();
      await iot.send(new SearchIndexCommand({ queryString, maxResults: 250 }));
      samples.push(performance.now() - s);
    }
  }
  const sorted = Float64Array.from(samples).sort();

  const scanStart = performance.now();
  let scanned = 0;
  let nextToken: string | undefined;
  do {
    const page = await iot.send(
      new SearchIndexCommand({ queryString: "attributes.country:*", maxResults: 250, nextToken }),
    );
    scanned += page.things?.length ?? 0;
    nextToken = page.nextToken;
  } while (nextToken);
  const scan = (performance.now() - scanStart) / 1000;

  await iot.send(
    new CreateDynamicThingGroupCommand({
      thingGroupName: "bench-drained",
      queryString: "shadow.reported.batteryStatus<1",
    }),
  );
  const lags: number[] = [];
  for (let i = 0; i < 20; i++) {
    const thingName = benchThing(1 + i * 7);
    const s = performance.now();
    await data.send(
      new UpdateThingShadowCommand({
        thingName,
        payload: new TextEncoder().encode('{"state":{"reported":{"batteryStatus":0}}}'),
      }),
    );
    for (;;) {
      const groups = await iot.send(new ListThingGroupsForThingCommand({ thingName }));
      if (groups.thingGroups?.some((g) => g.groupName === "bench-drained")) break;
    }
    lags.push(performance.now() - s);
  }
  const lagSorted = Float64Array.from(lags).sort();

  console.log("");
  console.log(
    `fleet index build     ${fmt(build, 2)} s for ${things} things (first query after indexing was turned on)`,
  );
  console.log(
    `SearchIndex p50 / p99 ${fmt(percentile(sorted, 50), 2)} ms / ${fmt(percentile(sorted, 99), 2)} ms over ${samples.length} workshop queries, first page   (target p50 < 10 ms, p99 < 50 ms)`,
  );
  console.log(`full paginated scan   ${scanned} results in ${fmt(scan, 2)} s   (target < 5 s)`);
  console.log(
    `dynamic group lag     p50 ${fmt(percentile(lagSorted, 50), 1)} ms, max ${fmt(lagSorted[lagSorted.length - 1], 1)} ms from shadow update to membership   (target < 100 ms)`,
  );
  console.log(
    `index memory          ${fmt(indexMb, 0)} MB of sandbox RSS growth when the index was built   (target < 200 MB)`,
  );
  iot.destroy();
  data.destroy();
}
