/**
 * Where a command's AWS calls go. Chosen in this order: `--aws` (real AWS, standard credential
 * chain); `--endpoint-url`; a sandbox instance named by `--sandbox-port`/`--sandbox-dir`, else by
 * IOTDM_SANDBOX_PORT/IOTDM_SANDBOX_DIR (the CLI resolves and checks those: cli/instance.ts);
 * AWS_ENDPOINT_URL or a service-specific AWS_ENDPOINT_URL_*; else the default local sandbox
 * (started on demand). An endpoint that answers as an iotdm sandbox is that sandbox: labelled
 * so, paced only when its throttle is on, its clock used for the rules that wait. Sandboxes are
 * reached only through their public control API (sandbox/control.ts).
 */
import { portFree } from "../common/ports.js";
import { ExplainedError } from "../io/errors.js";
import {
  type InstanceRef,
  type RunningInstance,
  type StartOptions,
  advanceSandboxClock,
  ensureRunning,
  findRunning,
  instanceRef,
  sandboxAt,
  sandboxNow,
} from "../sandbox/control.js";

export interface TargetOptions {
  aws?: boolean;
  endpointUrl?: string;
  profile?: string;
  region?: string;
  /** The instance chosen by flag or IOTDM_SANDBOX_PORT / IOTDM_SANDBOX_DIR. */
  sandboxPort?: number;
  sandboxDir?: string;
}

/** The choice made from flags and environment, before anything is contacted. */
export type TargetSelection =
  | { kind: "aws"; region?: string; profile?: string }
  | { kind: "endpoint"; endpoint: string; fromFlag: boolean; region?: string; profile?: string }
  | { kind: "instance"; ref: InstanceRef; region?: string };

interface TargetBase {
  /** For messages and reports: "sandbox http://127.0.0.1:5566", "endpoint https://...", "AWS". */
  readonly label: string;
  /** Client-side pacing at AWS's default quotas (AWS, unknown endpoints, sandboxes with --throttle aws). */
  readonly paced: boolean;
  readonly region?: string;
  readonly profile?: string;
  /** The endpoint the SDK clients are given; undefined lets the SDK resolve it (AWS, AWS_ENDPOINT_URL*). */
  readonly clientEndpoint?: string;
  /** The target's clock now (ms): a sandbox's own clock, else this machine's. */
  now(): Promise<number>;
  /**
   * Moves the target's clock forward instead of waiting; false where that is impossible (AWS,
   * or a sandbox whose admin token cannot be read here: then the caller waits).
   */
  advanceClock(seconds: number): Promise<boolean>;
}

export interface SandboxTarget extends TargetBase {
  readonly kind: "sandbox";
  readonly region: string;
  readonly endpoint: string;
  readonly instance: InstanceRef;
  /** The instance's own identity when found by port or directory; else the standard credential chain. */
  readonly credentials?: { accessKeyId: string; secretAccessKey: string };
  /** This command started the instance (on demand). */
  readonly started: boolean;
}

export interface EndpointTarget extends TargetBase {
  readonly kind: "endpoint";
  readonly endpoint: string;
}

export interface AwsTarget extends TargetBase {
  readonly kind: "aws";
}

export type Target = SandboxTarget | EndpointTarget | AwsTarget;

type Env = Record<string, string | undefined>;

/** The endpoint AWS_ENDPOINT_URL (or the IoT one, or any service's) names, if any. */
function endpointFromEnvironment(env: Env): string | undefined {
  const named = Object.keys(env)
    .filter((k) => k.startsWith("AWS_ENDPOINT_URL_") && env[k])
    .sort();
  const key = env.AWS_ENDPOINT_URL
    ? "AWS_ENDPOINT_URL"
    : named.includes("AWS_ENDPOINT_URL_IOT")
      ? "AWS_ENDPOINT_URL_IOT"
      : named[0];
  return key ? env[key] : undefined;
}

const envRegion = (env: Env) => env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;

export function selectTarget(opts: TargetOptions, env: Env = process.env): TargetSelection {
  const { region, profile } = opts;
  if (opts.aws) return { kind: "aws", region, profile };
  if (opts.endpointUrl)
    return { kind: "endpoint", endpoint: opts.endpointUrl, fromFlag: true, region, profile };
  if (opts.sandboxPort !== undefined || opts.sandboxDir !== undefined)
    return {
      kind: "instance",
      ref: instanceRef({ port: opts.sandboxPort, dataDir: opts.sandboxDir }),
      region,
    };
  const endpoint = endpointFromEnvironment(env);
  if (endpoint) return { kind: "endpoint", endpoint, fromFlag: false, region, profile };
  return { kind: "instance", ref: instanceRef({}), region };
}

const localClock = {
  now: async () => Date.now(),
  advanceClock: async () => false,
};

function sandboxTarget(
  instance: InstanceRef,
  fields: Omit<SandboxTarget, "kind" | "label" | "instance" | "now" | "advanceClock">,
): SandboxTarget {
  return {
    kind: "sandbox",
    label: `sandbox ${fields.endpoint}`,
    instance,
    ...fields,
    now: () => sandboxNow(instance),
    advanceClock: (seconds) => advanceSandboxClock(instance, seconds),
  };
}

/** Contacts the selected target: recognises a sandbox behind an endpoint, starts a local instance if needed. */
export async function connectTarget(selection: TargetSelection, env: Env = process.env): Promise<Target> {
  if (selection.kind === "aws")
    return {
      kind: "aws",
      label: "AWS",
      paced: true,
      region: selection.region,
      profile: selection.profile,
      ...localClock,
    };
  if (selection.kind === "endpoint") {
    const clientEndpoint = selection.fromFlag ? selection.endpoint : undefined;
    const sandbox = await sandboxAt(selection.endpoint);
    if (!sandbox)
      return {
        kind: "endpoint",
        label: `endpoint ${selection.endpoint}`,
        endpoint: selection.endpoint,
        clientEndpoint,
        paced: true,
        region: selection.region,
        profile: selection.profile,
        ...localClock,
      };
    return sandboxTarget(sandbox.ref, {
      endpoint: new URL(selection.endpoint).origin,
      clientEndpoint,
      region: selection.region ?? envRegion(env) ?? sandbox.region,
      profile: selection.profile,
      // A sandbox that enforces AWS's rates is paced like AWS; otherwise no artificial pacing.
      paced: sandbox.throttle === "aws",
      started: false,
    });
  }
  const { instance, started } = await startInstance(selection.ref);
  return sandboxTarget(instance, {
    endpoint: instance.endpoint,
    clientEndpoint: instance.endpoint,
    credentials: { accessKeyId: instance.accessKeyId, secretAccessKey: instance.secretAccessKey },
    region: selection.region ?? instance.region,
    paced: instance.throttle === "aws",
    started,
  });
}

/** A port held by another program is one clear error instead of the sandbox's failed start. */
export async function assertPortFree(ref: Pick<InstanceRef, "host" | "port">): Promise<void> {
  if (!(await portFree(ref.host, ref.port)))
    throw new ExplainedError("PortInUse", "target.portBusy", { host: ref.host, port: ref.port });
}

/** The instance at `ref`, started in the background when none answers (its port must be free). */
export async function startInstance(
  ref: InstanceRef,
  options: StartOptions = {},
): Promise<{ instance: RunningInstance; started: boolean }> {
  const running = await findRunning(ref);
  if (running) return { instance: running, started: false };
  await assertPortFree(ref);
  return ensureRunning(ref, options);
}
