/** What `provision` did, step by step: printed as a summary, or as JSON under --json. */
import type { CallStats } from "../../aws/clients.js";
import type { TagFailure } from "./tagging.js";

export type Outcome = "created" | "existing" | "undeprecated" | "published" | "skipped" | "failed";

export interface ResourceResult {
  name: string;
  outcome: Outcome;
  arn?: string;
  error?: string;
}

export interface LoggingResult {
  role: ResourceResult;
  enabled: boolean;
  logLevel: string;
  /** SetV2LoggingOptions calls, more than 1 while IAM propagated the new role. */
  attempts: number;
  error?: string;
}

export interface FirmwareResult extends ResourceResult {
  thingType: string;
  version: string;
  /** The S3 version id the package version's artifact points at. */
  versionId?: string;
}

export interface PackageResult extends ResourceResult {
  versions: Array<ResourceResult & { status?: string }>;
}

export interface ThingsResult {
  requested: number;
  created: number;
  /** Already existed (a re-run): attributes, type, group and shadows brought to the plan. */
  updated: number;
  failed: number;
  seconds: number;
  perSecond: number;
  /** The first failures, with their errors (the count is in `failed`). */
  failures: Array<{ name: string; error: string }>;
}

export interface SettingResult {
  ok: boolean;
  error?: string;
}

export interface ProvisionReport {
  ok: boolean;
  target: string;
  /** Calls were paced at AWS's default quotas (AWS, unknown endpoints, throttled sandboxes). */
  paced: boolean;
  accountId: string;
  region: string;
  plan: {
    thingTypes: string[];
    versions: string[];
    continent: string;
    countries: string[];
    count: number;
    prefix: string;
    firstThing: string;
    lastThing: string;
  };
  logging: LoggingResult;
  thingTypes: ResourceResult[];
  indexing: SettingResult;
  bucket: ResourceResult;
  firmware: FirmwareResult[];
  packages: PackageResult[];
  roles: ResourceResult[];
  packageConfiguration: SettingResult & { enabled: boolean; roleArn?: string };
  groups: ResourceResult[];
  things: ThingsResult;
  tags: { applied: number; failures: TagFailure[] };
  calls: CallStats;
  seconds: number;
}

/**
 * Every failed resource or setting of the run (tag failures are warnings, counted apart). A
 * failed logging role shows as logging not enabled, so it counts once.
 */
export function failureCount(r: Omit<ProvisionReport, "ok">): number {
  const failed = (list: ResourceResult[]) => list.filter((x) => x.outcome === "failed").length;
  return (
    failed([...r.thingTypes, r.bucket, ...r.firmware, ...r.packages, ...r.roles, ...r.groups]) +
    r.packages.reduce((n, p) => n + failed(p.versions), 0) +
    (r.logging.enabled ? 0 : 1) +
    (r.indexing.ok ? 0 : 1) +
    (r.packageConfiguration.ok ? 0 : 1) +
    r.things.failed
  );
}
