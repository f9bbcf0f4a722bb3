/**
 * Where a command's AWS calls go. The local sandbox by default (started on demand); an
 * explicit endpoint (`--endpoint-url`, AWS_ENDPOINT_URL or a service-specific
 * AWS_ENDPOINT_URL_*) with the standard credential chain; or real AWS with `--aws`.
 */
import { type RunningInstance, ensureRunning, instanceRef } from "../sandbox/control.js";

export interface TargetOptions {
  aws?: boolean;
  endpointUrl?: string;
  profile?: string;
  region?: string;
  sandboxPort?: number;
  sandboxDir?: string;
}

export type Target =
  | { kind: "sandbox"; region: string; endpoint: string; instance: RunningInstance; paced: boolean }
  | { kind: "endpoint"; region?: string; endpoint?: string; profile?: string; paced: true }
  | { kind: "aws"; region?: string; profile?: string; paced: true };

function endpointFromEnvironment(): boolean {
  return Object.keys(process.env).some((k) => k === "AWS_ENDPOINT_URL" || k.startsWith("AWS_ENDPOINT_URL_"));
}

export async function resolveTarget(opts: TargetOptions): Promise<Target> {
  const region = opts.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (opts.aws) return { kind: "aws", region, profile: opts.profile, paced: true };
  if (opts.endpointUrl || endpointFromEnvironment())
    return { kind: "endpoint", region, endpoint: opts.endpointUrl, profile: opts.profile, paced: true };
  const { instance } = await ensureRunning(instanceRef({ port: opts.sandboxPort, dataDir: opts.sandboxDir }));
  return {
    kind: "sandbox",
    region: opts.region ?? instance.region,
    endpoint: instance.endpoint,
    instance,
    // A sandbox that enforces AWS's rates is paced like AWS; otherwise no artificial pacing.
    paced: instance.throttle === "aws",
  };
}

/** A short label for messages: "sandbox http://127.0.0.1:5566", "endpoint ...", "AWS". */
export function describeTarget(target: Target): string {
  if (target.kind === "sandbox") return `sandbox ${target.endpoint}`;
  if (target.kind === "endpoint")
    return `endpoint ${target.endpoint ?? process.env.AWS_ENDPOINT_URL ?? "(AWS_ENDPOINT_URL_*)"}`;
  return "AWS";
}
