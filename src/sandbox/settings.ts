/**
 * Settings of one sandbox instance. Credentials and the account id are generated once per
 * data directory and kept in `settings.json`, so `iotdm sandbox env` always prints the same
 * values for the same instance. The admin token (`admin-token`) sits next to it.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { iotdmHome } from "../common/home.js";

export interface SandboxSettings {
  host: string;
  port: number;
  /** The MQTT broker's port: absent for the HTTP port + 1 (or any free port when that one is taken), 0 for any. */
  mqttPort?: number;
  dataDir: string;
  accountId: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Verify SigV4 signatures (SIG-1); `--no-auth` turns it off. */
  auth: boolean;
  /** `aws` enforces AWS's default request rates (section 15.1). */
  throttle: "off" | "aws";
  /** Share of calls answered with InternalFailure / ServiceUnavailable (0..1). */
  failRate: number;
  /** When an injected failure strikes (`--fail-mode`); `before` when absent. */
  failMode?: FailMode;
  /** TTY-4: seconds between DeprecateThingType and a permitted DeleteThingType. */
  thingTypeDeletionDelaySeconds: number;
  /** JOB-10: seconds a deleted job stays DELETION_IN_PROGRESS before it is gone (default 0). */
  jobDeletionDelaySeconds?: number;
  /** IDX-4 / DYN-1: seconds an index or dynamic group stays BUILDING before ACTIVE. */
  indexBuildDelaySeconds?: number;
}

/**
 * `before`: the call is refused without running (a failure on the way in); `after`: the call
 * runs and commits, then its answer is replaced by the injected error (a failure on the way
 * out, which a client's retry must survive: the retried call meets its own earlier effect);
 * `both`: each injected failure is one or the other, at random.
 */
export type FailMode = "before" | "after" | "both";
export const FAIL_MODES: readonly FailMode[] = ["before", "after", "both"];
export const isFailMode = (v: unknown): v is FailMode => FAIL_MODES.includes(v as FailMode);
/** The instance's fail mode: `before` unless set. */
export const failModeOf = (settings: SandboxSettings): FailMode => settings.failMode ?? "before";

export const DEFAULT_PORT = 4566 + 1000; // 5566: clear of LocalStack's 4566

/** The MQTT broker's port when none is given: the HTTP port's neighbour (0: any free port). */
export const defaultMqttPort = (httpPort: number): number => (httpPort + 1 <= 65535 ? httpPort + 1 : 0);
export const DEFAULT_REGION = "us-east-1";

/** Each port is its own instance unless a data directory is given, so sandboxes can run side by side. */
export function defaultDataDir(port: number): string {
  return join(iotdmHome(), "sandbox", String(port));
}

interface PersistedIdentity {
  accountId: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function randomString(alphabet: string, n: number): string {
  const bytes = randomBytes(n);
  let out = "";
  for (let i = 0; i < n; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

/** Reads (or creates) the identity of the sandbox stored in its data directory. */
export function loadIdentity(dataDir: string, accountId?: string): PersistedIdentity {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "settings.json");
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as PersistedIdentity;
    if (!accountId || accountId === stored.accountId) return stored;
    const updated = { ...stored, accountId };
    writeFileSync(file, JSON.stringify(updated, null, 2));
    return updated;
  }
  const identity: PersistedIdentity = {
    accountId: accountId ?? "000000000000",
    accessKeyId: `AKIA${randomString(ALNUM, 16)}`,
    secretAccessKey: randomBytes(30).toString("base64").replace(/[+/=]/g, "x").slice(0, 40),
  };
  writeFileSync(file, JSON.stringify(identity, null, 2), { mode: 0o600 });
  return identity;
}

/** File of the admin token in the data directory (mode 0600). */
export const ADMIN_TOKEN_FILE = "admin-token";

/**
 * The instance's admin token, which every `/_iotdm/*` endpoint but health requires
 * (`Authorization: Bearer <token>`): created at random on first start, readable only by its owner.
 */
export function ensureAdminToken(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, ADMIN_TOKEN_FILE);
  const existing = readAdminToken(dataDir);
  if (existing) {
    chmodSync(file, 0o600);
    return existing;
  }
  const token = randomBytes(32).toString("base64url");
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

/** The admin token of the instance with this data directory, or undefined (never started, or not ours to read). */
export function readAdminToken(dataDir: string): string | undefined {
  try {
    const token = readFileSync(join(dataDir, ADMIN_TOKEN_FILE), "utf8").trim();
    return token === "" ? undefined : token;
  } catch {
    return undefined;
  }
}

/** True for addresses only this machine can reach (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

/**
 * `host:port` by which a client on this machine reaches an instance listening on `host`: a
 * wildcard address (`0.0.0.0`, `::`) by loopback, an IPv6 literal in brackets.
 */
export function reachableAddress(host: string, port: number): string {
  const h = host === "0.0.0.0" || host === "::" || host === "[::]" ? "127.0.0.1" : host;
  return `${h.includes(":") && !h.startsWith("[") ? `[${h}]` : h}:${port}`;
}
