/**
 * The environment of in-process CLI tests: a private IOTDM_HOME (config.json, default sandbox
 * directories), no shared AWS config or credentials files, no language preset, and a way to
 * run with some variables set (or removed) and restore them afterwards.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const VARIABLES = [
  "AWS_ENDPOINT_URL",
  "AWS_ENDPOINT_URL_IOT",
  "AWS_ENDPOINT_URL_STS",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
  "AWS_PROFILE",
  "AWS_IOT_LANG",
  "IOTDM_SANDBOX_PORT",
  "IOTDM_SANDBOX_DIR",
];

/** Call once per test file: returns the private IOTDM_HOME (removed when the process exits). */
export function isolateCliEnvironment(): string {
  const home = mkdtempSync(join(tmpdir(), "iotdm-home-"));
  process.env.IOTDM_HOME = home;
  process.env.AWS_CONFIG_FILE = "/dev/null";
  process.env.AWS_SHARED_CREDENTIALS_FILE = "/dev/null";
  process.env.AWS_EC2_METADATA_DISABLED = "true";
  process.env.NO_COLOR = "1";
  for (const k of VARIABLES) delete process.env[k];
  process.on("exit", () => rmSync(home, { recursive: true, force: true }));
  return home;
}

/** Runs `fn` with these variables (undefined removes one), then restores the previous values. */
export async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(vars);
  try {
    return await fn();
  } finally {
    apply(before);
  }
}

/** A command line's words: `words("--yes provision --count 3")` (no quoting: for literal test arguments). */
export const words = (line: string): string[] => line.split(" ").filter((w) => w.length > 0);
