/**
 * Test harness: a real sandbox process (the CLI's `sandbox serve`) on a free port with a
 * fresh data directory, and SDK v3 client configuration pointing at it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// Tests never touch the user's ~/.iotdm (config.json, default sandboxes): this process and
// every CLI it spawns use a private IOTDM_HOME.
if (!process.env.IOTDM_HOME) {
  const home = mkdtempSync(join(tmpdir(), "iotdm-home-"));
  process.env.IOTDM_HOME = home;
  process.on("exit", () => rmSync(home, { recursive: true, force: true }));
}

export const CLI = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..", "src", "cli", "main.js");

export interface TestSandbox {
  endpoint: string;
  port: number;
  dataDir: string;
  region: string;
  accountId: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Config for any SDK v3 client (add forcePathStyle for S3 via s3Config). */
  config: {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
    maxAttempts: number;
  };
  s3Config: {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
    forcePathStyle: true;
    maxAttempts: number;
  };
  env: Record<string, string>;
  /** The instance's MQTT broker: port, URL and (with mutual TLS) the CA file; read from its health. */
  mqtt(): Promise<{ port: number; url: string; caFile?: string }>;
  process: ChildProcess;
  /** The instance's admin token (`<dataDir>/admin-token`), sent by `admin`. */
  adminToken: string;
  /** Advance the sandbox clock. */
  advanceClock(seconds: number): Promise<void>;
  /** POSTs to an admin endpoint with the admin token; the JSON answer, whatever the status. */
  admin(path: string, body?: unknown): Promise<unknown>;
  /** What the process wrote on stderr so far (only with `captureStderr`). */
  stderr(): string;
  /** Stops the process (SIGTERM, or SIGKILL with `kill: true`), keeping the data dir. */
  stop(opts?: { kill?: boolean }): Promise<void>;
  /** Starts the process again on the same data dir and port. */
  restart(opts?: { kill?: boolean }): Promise<void>;
  /** Stops and removes the data dir. */
  dispose(): Promise<void>;
}

const RESERVATIONS = join(tmpdir(), "iotdm-test-ports");
const reserved: string[] = [];
process.on("exit", () => {
  for (const file of reserved) rmSync(file, { force: true });
});

/** A port the OS says is free right now. */
function osFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A free port no other test process has been given: test files run in parallel processes and
 * the OS may hand the same free port to two of them before either listens, so each port is
 * also reserved by an exclusive file (removed when this process exits).
 */
export async function freePort(): Promise<number> {
  mkdirSync(RESERVATIONS, { recursive: true });
  for (;;) {
    const port = await osFreePort();
    const file = join(RESERVATIONS, String(port));
    try {
      closeSync(openSync(file, "wx"));
      reserved.push(file);
      return port;
    } catch {
      // Given to another test process already: ask again.
    }
  }
}

class ExitedDuringStart extends Error {}

/**
 * Waits until *this* child answers on the port: another test's sandbox may have taken the
 * port between freePort() and our listen (tests run in parallel), so the pid must match.
 */
async function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  let exited = child.exitCode !== null;
  child.once("exit", () => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new ExitedDuringStart("sandbox process exited during start");
    try {
      const res = await fetch(`http://127.0.0.1:${port}/_iotdm/health`);
      if (res.ok && ((await res.json()) as { pid?: number }).pid === child.pid) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 30));
  }
  throw new Error("sandbox did not start in 20 s");
}

export interface StartTestSandboxOptions {
  args?: string[];
  dataDir?: string;
  /** Keep the process's stderr for `stderr()` instead of passing it through. */
  captureStderr?: boolean;
}

export async function startSandbox(opts: StartTestSandboxOptions = {}): Promise<TestSandbox> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), "iotdm-test-"));
  let port = 0;
  let mqttPort = 0;
  let stderr = "";
  // The broker's port is reserved like the HTTP one, so it never takes a port another test was given.
  const ownMqttPort = opts.args?.includes("--mqtt-port") ?? false;
  const launch = () => {
    const mqttArgs = ownMqttPort ? [] : ["--mqtt-port", String(mqttPort)];
    const child = spawn(
      process.execPath,
      [
        CLI,
        "sandbox",
        "serve",
        "--port",
        String(port),
        "--data-dir",
        dataDir,
        ...mqttArgs,
        ...(opts.args ?? []),
      ],
      { stdio: ["ignore", "ignore", opts.captureStderr ? "pipe" : "inherit"] },
    );
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    return child;
  };
  let child!: ChildProcess;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    if (!ownMqttPort) mqttPort = await freePort();
    child = launch();
    try {
      await waitForHealth(port, child);
      break;
    } catch (err) {
      // Lost the port race: try another port, a few times.
      if (!(err instanceof ExitedDuringStart) || attempt >= 5) throw err;
    }
  }
  const identity = JSON.parse(readFileSync(join(dataDir, "settings.json"), "utf8")) as {
    accountId: string;
    accessKeyId: string;
    secretAccessKey: string;
  };
  const adminToken = readFileSync(join(dataDir, "admin-token"), "utf8").trim();
  const endpoint = `http://127.0.0.1:${port}`;
  const region = "us-east-1";
  const credentials = { accessKeyId: identity.accessKeyId, secretAccessKey: identity.secretAccessKey };
  const stop = async ({ kill = false } = {}) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const done = new Promise((r) => child.once("exit", r));
    child.kill(kill ? "SIGKILL" : "SIGTERM");
    await done;
  };
  const admin = async (path: string, body: unknown = {}) => {
    const res = await fetch(`${endpoint}/_iotdm/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
      body: JSON.stringify(body),
    });
    return res.json();
  };
  const sandbox: TestSandbox = {
    endpoint,
    port,
    dataDir,
    region,
    accountId: identity.accountId,
    credentials,
    config: { endpoint, region, credentials, maxAttempts: 1 },
    s3Config: { endpoint, region, credentials, forcePathStyle: true, maxAttempts: 1 },
    env: {
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
    },
    mqtt: async () => {
      const health = (await (await fetch(`${endpoint}/_iotdm/health`)).json()) as {
        mqtt?: { port: number; url: string; caFile?: string };
      };
      if (!health.mqtt) throw new Error("the sandbox reports no MQTT broker");
      return health.mqtt;
    },
    get process() {
      return child;
    },
    adminToken,
    stderr: () => stderr,
    advanceClock: async (seconds) => {
      await admin("clock", { advanceSeconds: seconds });
    },
    admin,
    stop,
    restart: async (o) => {
      await stop(o);
      child = launch();
      await waitForHealth(port, child);
    },
    dispose: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return sandbox;
}
