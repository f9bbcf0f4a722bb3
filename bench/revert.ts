/**
 * Revert bench (issue 9): a fleet of one type whose `$package` shadows report mixed versions
 * (1.1.0, 1.2.0-rc, 0.9.0, none on 1.0.0), then `iotdm packages revert --package-version 1.0.0`
 * by shadow rewrite. Prints the fleet-index search, the rewrite (devices/s, target >= 2,000
 * devices/s on the sandbox) and the whole command, and checks through SearchIndex that no device
 * of the type reports another version afterwards.
 */
import { SearchIndexCommand, IoTClient } from "@aws-sdk/client-iot";
import { IoTDataPlaneClient, UpdateThingShadowCommand } from "@aws-sdk/client-iot-data-plane";
import { mapLimit } from "../src/aws/parallel.js";
import { DEFAULT_THINGS_PREFIX, thingName } from "../src/workshop/naming.js";
import type { SandboxClientConfig } from "./ota.js";
import { cpuSeconds, fmt } from "./stats.js";

type Iotdm = <T>(args: string[]) => Promise<{ seconds: number; report: T }>;

interface RevertJson {
  devices: number;
  updated: number;
  failed: number;
  seconds: number;
  perSecond: number;
  searchSeconds: number;
}

const TYPE = "SedanVehicle";
const TARGET = "1.0.0";
const MIXED = ["1.1.0", "1.2.0-rc", "0.9.0"];

async function mixVersions(config: SandboxClientConfig, count: number): Promise<void> {
  const data = new IoTDataPlaneClient(config);
  const encoder = new TextEncoder();
  try {
    await mapLimit(
      Array.from({ length: count }, (_, i) => i + 1),
      64,
      (i) =>
        data.send(
          new UpdateThingShadowCommand({
            thingName: thingName(DEFAULT_THINGS_PREFIX, i, count),
            shadowName: "$package",
            payload: encoder.encode(
              JSON.stringify({
                state: { reported: { [TYPE]: { version: MIXED[i % MIXED.length], attributes: {} } } },
              }),
            ),
          }),
        ),
    );
  } finally {
    data.destroy();
  }
}

async function stillOther(config: SandboxClientConfig): Promise<number> {
  const iot = new IoTClient(config);
  const field = `shadow.name.$package.reported.${TYPE}.version`;
  let n = 0;
  let nextToken: string | undefined;
  try {
    do {
      const page = await iot.send(
        new SearchIndexCommand({
          queryString: `thingTypeName:${TYPE} AND ${field}:* AND NOT ${field}:${TARGET}`,
          nextToken,
        }),
      );
      n += page.things?.length ?? 0;
      nextToken = page.nextToken;
    } while (nextToken);
    return n;
  } finally {
    iot.destroy();
  }
}

export async function revertBench(
  config: SandboxClientConfig,
  flags: string[],
  iotdm: Iotdm,
  count: number,
  sandboxPid: number,
): Promise<void> {
  await iotdm(["provision", "--count", String(count), "--thing-types", TYPE, ...flags]);
  await mixVersions(config, count);
  const cpuBefore = cpuSeconds(sandboxPid);
  const r = await iotdm<RevertJson>([
    "packages",
    "revert",
    "--thing-type",
    TYPE,
    "--package-version",
    TARGET,
    ...flags,
  ]);
  const sandboxCpu = cpuSeconds(sandboxPid) - cpuBefore;
  const left = await stillOther(config);
  const rep = r.report;
  console.log(
    `iotdm revert bench: ${count} ${TYPE} devices on ${MIXED.join(", ")}, rolled back to ${TARGET} by shadow rewrite`,
  );
  console.log(
    `fleet index search        ${rep.devices} devices found in ${fmt(rep.searchSeconds, 2)} s (pages of 100)`,
  );
  console.log(
    `shadow rewrite            ${rep.updated} updated, ${rep.failed} failed in ${fmt(rep.seconds, 2)} s = ${rep.perSecond} devices/s   (target >= 2000 devices/s)`,
  );
  console.log(
    `whole command             ${fmt(r.seconds)} s (process start, search, rewrite); ${fmt(rep.devices / r.seconds, 0)} devices/s end to end`,
  );
  console.log(
    `sandbox CPU               ${fmt(sandboxCpu, 2)} s during the command = ${fmt((sandboxCpu * 1000) / Math.max(1, rep.devices), 2)} ms per device (the rest of the 2 shared cores: the CLI's SDK calls, other processes)`,
  );
  console.log(
    `afterwards                ${left} devices of the type still report another version (expected 0)`,
  );
}
