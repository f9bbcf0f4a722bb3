/**
 * A worker thread of the call pool: its own SDK v3 clients for the target, running the
 * commands the main thread hands it. Serialising, signing and parsing are CPU-bound in the
 * SDK, so fleets of thousands of calls spread them over the machine's cores.
 */
import { Agent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { parentPort } from "node:worker_threads";
import * as iam from "@aws-sdk/client-iam";
import * as iot from "@aws-sdk/client-iot";
import * as iotData from "@aws-sdk/client-iot-data-plane";
import * as iotJobsData from "@aws-sdk/client-iot-jobs-data-plane";
import type { PoolRequest, PoolResponse } from "./call-pool.js";
import { serialiseError, withoutSdkLogger } from "./call-pool.js";

type Sdk = Record<string, unknown>;
type Sendable = { send(command: unknown): Promise<{ $metadata?: { attempts?: number } }> };

const MODULES: Record<string, { sdk: Sdk; client: string }> = {
  iot: { sdk: iot as Sdk, client: "IoTClient" },
  "iot-data": { sdk: iotData as Sdk, client: "IoTDataPlaneClient" },
  "iot-jobs-data": { sdk: iotJobsData as Sdk, client: "IoTJobsDataPlaneClient" },
  iam: { sdk: iam as Sdk, client: "IAMClient" },
};

const clients = new Map<string, Sendable>();
const httpAgent = new Agent({ keepAlive: true, maxSockets: 64 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 });

function clientFor(key: string, config: Record<string, unknown>): Sendable {
  let c = clients.get(key);
  if (!c) {
    const m = MODULES[key];
    const Client = m.sdk[m.client] as new (cfg: unknown) => Sendable;
    c = withoutSdkLogger(new Client({ ...config, requestHandler: { httpAgent, httpsAgent } }));
    clients.set(key, c);
  }
  return c;
}

parentPort?.on("message", async (req: PoolRequest) => {
  let res: PoolResponse;
  try {
    const Command = MODULES[req.client].sdk[req.command] as new (input: unknown) => unknown;
    const output = await clientFor(req.client, req.config).send(new Command(req.input));
    res = { id: req.id, output };
  } catch (e) {
    res = { id: req.id, error: serialiseError(e) };
  }
  parentPort?.postMessage(res);
});
