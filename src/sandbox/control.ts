/**
 * The sandbox's public control API: finding, starting and stopping instances from other
 * processes (the CLI, tests, any command that needs a sandbox and finds none: it is started
 * in the background), recognising one behind an endpoint URL, and its clock. The only module
 * of src/sandbox that the client side (src/aws) imports (eslint.config.js enforces it).
 */
import { spawn } from "node:child_process";
import { existsSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  DEFAULT_PORT,
  defaultDataDir,
  type FailMode,
  loadIdentity,
  reachableAddress,
  readAdminToken,
} from "./settings.js";

export interface InstanceRef {
  port: number;
  dataDir: string;
  host: string;
}

export interface RunningInstance extends InstanceRef {
  pid: number;
  accountId: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  auth: boolean;
  throttle: string;
  endpoint: string;
  /** The instance's MQTT broker: its URL and, with mutual TLS, the CA certificate file clients trust. */
  mqtt?: MqttAccess;
}

export interface MqttAccess {
  url: string;
  caFile?: string;
}

export interface StartOptions {
  auth?: boolean;
  throttle?: "off" | "aws";
  failRate?: number;
  failMode?: FailMode;
  accountId?: string;
  region?: string;
  thingTypeDeletionDelaySeconds?: number;
  indexBuildDelaySeconds?: number;
  jobDeletionDelaySeconds?: number;
  /** The broker's port (default: the HTTP port + 1, or a free one). */
  mqttPort?: number;
  /** Extra node flags for the server process (e.g. `--cpu-prof` from the bench). */
  nodeArgs?: string[];
}

export function instanceRef(opts: { port?: number; dataDir?: string; host?: string }): InstanceRef {
  const port =
    opts.port ?? (process.env.IOTDM_SANDBOX_PORT ? Number(process.env.IOTDM_SANDBOX_PORT) : DEFAULT_PORT);
  return { port, dataDir: opts.dataDir ?? defaultDataDir(port), host: opts.host ?? "127.0.0.1" };
}

interface Health {
  pid: number;
  port: number;
  host: string;
  dataDir: string;
  accountId: string;
  region: string;
  auth: boolean;
  throttle: string;
  clockOffsetSeconds?: number;
  mqtt?: MqttAccess;
}

async function healthAt(baseUrl: string, timeoutMs: number): Promise<Health | undefined> {
  try {
    const res = await fetch(new URL("/_iotdm/health", baseUrl), { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return undefined;
    const h = (await res.json()) as Partial<Health>;
    return typeof h.port === "number" && typeof h.throttle === "string" ? (h as Health) : undefined;
  } catch {
    return undefined;
  }
}

/** The instance's base URL as seen from this machine. */
const baseUrl = (ref: InstanceRef) => `http://${reachableAddress(ref.host, ref.port)}`;

const health = (ref: InstanceRef, timeoutMs = 1000) => healthAt(baseUrl(ref), timeoutMs);

/** An iotdm sandbox recognised behind an endpoint URL (it answers GET /_iotdm/health). */
export interface SandboxAtEndpoint {
  ref: InstanceRef;
  region: string;
  throttle: string;
}

/** The sandbox answering at `endpoint`, or undefined for anything else (AWS, another emulator). */
export async function sandboxAt(endpoint: string): Promise<SandboxAtEndpoint | undefined> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:") return undefined;
  const h = await healthAt(url.origin, 1500);
  if (!h) return undefined;
  const port = Number(url.port || 80);
  return { ref: { host: url.hostname, port, dataDir: h.dataDir }, region: h.region, throttle: h.throttle };
}

/** The instance's clock now (ms since the epoch): real time plus the offset it was advanced by. */
export async function sandboxNow(ref: InstanceRef): Promise<number> {
  const h = await health(ref);
  return Date.now() + (h?.clockOffsetSeconds ?? 0) * 1000;
}

/**
 * Advances the instance's clock (an admin call); false when the instance refuses it, e.g.
 * because its admin token cannot be read from here.
 */
export async function advanceSandboxClock(ref: InstanceRef, seconds: number): Promise<boolean> {
  try {
    const answer = (await adminPost(ref, "clock", { advanceSeconds: seconds })) as
      { now?: unknown } | undefined;
    return typeof answer?.now === "string";
  } catch {
    return false;
  }
}

/** The running instance at this port (whatever its data dir), or undefined. */
export async function findRunning(ref: InstanceRef): Promise<RunningInstance | undefined> {
  const h = await health(ref);
  if (!h) return undefined;
  const identity = loadIdentity(h.dataDir);
  return {
    ...ref,
    dataDir: h.dataDir,
    pid: h.pid,
    accountId: h.accountId,
    region: h.region,
    accessKeyId: identity.accessKeyId,
    secretAccessKey: identity.secretAccessKey,
    auth: h.auth,
    throttle: h.throttle,
    endpoint: baseUrl(ref),
    ...(h.mqtt ? { mqtt: { url: h.mqtt.url, ...(h.mqtt.caFile ? { caFile: h.mqtt.caFile } : {}) } } : {}),
  };
}

const MAIN = join(fileURLToPath(new URL(".", import.meta.url)), "..", "cli", "main.js");

/** Starts an instance in the background unless one already answers; waits until it serves. */
export async function ensureRunning(
  ref: InstanceRef,
  opts: StartOptions = {},
): Promise<{ instance: RunningInstance; started: boolean }> {
  const existing = await findRunning(ref);
  if (existing) return { instance: existing, started: false };
  loadIdentity(ref.dataDir, opts.accountId);
  const args = [
    MAIN,
    "sandbox",
    "serve",
    "--port",
    String(ref.port),
    "--data-dir",
    ref.dataDir,
    "--host",
    ref.host,
  ];
  if (opts.auth === false) args.push("--no-auth");
  if (opts.throttle) args.push("--throttle", opts.throttle);
  if (opts.failRate !== undefined) args.push("--fail-rate", String(opts.failRate));
  if (opts.failMode !== undefined) args.push("--fail-mode", opts.failMode);
  if (opts.region) args.push("--region", opts.region);
  if (opts.thingTypeDeletionDelaySeconds !== undefined)
    args.push("--type-deletion-delay", String(opts.thingTypeDeletionDelaySeconds));
  if (opts.indexBuildDelaySeconds !== undefined)
    args.push("--index-build-delay", String(opts.indexBuildDelaySeconds));
  if (opts.jobDeletionDelaySeconds !== undefined)
    args.push("--job-deletion-delay", String(opts.jobDeletionDelaySeconds));
  if (opts.mqttPort !== undefined) args.push("--mqtt-port", String(opts.mqttPort));
  const log = openSync(join(ref.dataDir, "sandbox.log"), "a");
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...args], {
    detached: true,
    stdio: ["ignore", log, log],
  });
  let exited: number | null = null;
  child.on("exit", (code) => {
    exited = code ?? 1;
  });
  child.unref();
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const running = await findRunning(ref);
    if (running) return { instance: running, started: true };
    if (exited !== null) {
      // Another process may have won the race for the port: use its instance.
      const other = await findRunning(ref);
      if (other) return { instance: other, started: false };
      throw new Error(lastLogLines(ref.dataDir));
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no answer on port ${ref.port} after 15 s`);
}

function lastLogLines(dataDir: string): string {
  const file = join(dataDir, "sandbox.log");
  if (!existsSync(file)) return "the sandbox process exited";
  return readFileSync(file, "utf8").trim().split("\n").slice(-5).join("\n");
}

/** The admin API refused a call (no or wrong token, invalid value): its status and message. */
export class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Calls an admin endpoint of the instance with its admin token, read from its data directory
 * (`admin-token`, written by the instance on first start). Throws AdminError on a refusal.
 */
async function adminCall(
  instance: InstanceRef,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
  signal?: AbortSignal,
) {
  const token = readAdminToken(instance.dataDir);
  if (!token)
    throw new AdminError(
      401,
      `no admin token in ${instance.dataDir}: this sandbox was not started from there`,
    );
  const res = await fetch(`${baseUrl(instance)}/_iotdm/${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  const value = (await res.json().catch(() => ({}))) as { message?: string };
  if (!res.ok) throw new AdminError(res.status, value.message ?? `admin call ${path} answered ${res.status}`);
  return value;
}

export async function adminPost(instance: InstanceRef, path: string, body: unknown = {}): Promise<unknown> {
  return adminCall(instance, "POST", path, body);
}

export async function adminGet(
  instance: InstanceRef,
  pathAndQuery: string,
  signal?: AbortSignal,
): Promise<unknown> {
  return adminCall(instance, "GET", pathAndQuery, undefined, signal);
}

/** Asks the instance to stop and waits until its port no longer answers. */
export async function stopInstance(ref: InstanceRef): Promise<boolean> {
  const running = await findRunning(ref);
  if (!running) return false;
  await adminPost(running, "shutdown").catch(() => undefined);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (!(await health(ref, 300))) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  try {
    process.kill(running.pid, "SIGKILL");
  } catch {
    // already gone
  }
  return true;
}

/**
 * Shell exports that point the AWS CLI, SDKs and boto3 at an instance (PROTO-1), and MQTT
 * clients at its broker (IOTDM_MQTT_URL, and IOTDM_CA_FILE when it speaks mutual TLS).
 */
export function envExports(i: RunningInstance): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: i.endpoint,
    AWS_ACCESS_KEY_ID: i.accessKeyId,
    AWS_SECRET_ACCESS_KEY: i.secretAccessKey,
    AWS_REGION: i.region,
    AWS_DEFAULT_REGION: i.region,
    ...(i.mqtt ? { IOTDM_MQTT_URL: i.mqtt.url } : {}),
    ...(i.mqtt?.caFile ? { IOTDM_CA_FILE: i.mqtt.caFile } : {}),
  };
}
