/**
 * Entry point of a sandbox server process (`iotdm sandbox serve`, or spawned in the
 * background by `iotdm sandbox start` and by commands that need a sandbox). Writes
 * `sandbox.json` (pid, port) into the data directory while it runs.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Sandbox } from "./server.js";
import type { SandboxSettings } from "./settings.js";

export interface ServeOptions {
  settings: SandboxSettings;
  /** Called once listening, with the bound port. */
  onListening?: (port: number) => void;
}

export async function serve({ settings, onListening }: ServeOptions): Promise<Sandbox> {
  const sandbox = new Sandbox(settings);
  const port = await sandbox.listen();
  settings.port = port;
  const stateFile = join(settings.dataDir, "sandbox.json");
  writeFileSync(
    stateFile,
    JSON.stringify({
      pid: process.pid,
      port,
      host: settings.host,
      mqtt: sandbox.mqttStatus(),
      startedAt: new Date().toISOString(),
    }),
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      rmSync(stateFile, { force: true });
      await sandbox.close();
    } finally {
      process.exit(0);
    }
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  onListening?.(port);
  return sandbox;
}
