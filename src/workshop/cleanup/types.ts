/** The shapes cleanup works with: options, identification verdicts and the final report. */
import type { CallStats } from "../../aws/clients.js";

export type Scope = "all" | "things" | "groups";
export const SCOPES: readonly Scope[] = ["all", "things", "groups"];

/** How the classic (unnamed) shadow is listed: parentheses cannot occur in a shadow name. */
export const CLASSIC_SHADOW = "(classic)";

export interface CleanupOptions {
  scope: Scope;
  thingsPrefix: string;
  /** Look and report only: no call that changes anything. */
  dryRun: boolean;
}

/** Resource families in the order the summary lists them. */
export const FAMILIES = [
  "things",
  "shadows",
  "certificates",
  "policies",
  "thingGroups",
  "commands",
  "commandExecutions",
  "jobs",
  "jobTemplates",
  "packages",
  "packageVersions",
  "buckets",
  "objectVersions",
  "settings",
  "roles",
  "rolePolicies",
  "thingTypes",
] as const;
export type Family = (typeof FAMILIES)[number];

/** Why a resource counts as the workshop's (the three tiers, 5.5). */
export type Association =
  | "shadowOfThing"
  | "certificateOfThings"
  | "versionOfPackage"
  | "objectInBucket"
  | "policyOfRole"
  | "jobTargets"
  | "executionOfCommand"
  | "settingRole"
  | "settingWorkshopFound";

/** Why a resource is left alone. */
export type SkipReason =
  | "noMatch"
  | "noTagNoMatch"
  | "noTag"
  | "noTagNoTargets"
  | "certificateShared"
  | "policyInUse"
  | "typeInUse"
  | "dynamicGroupsRemain"
  | "foreignRole"
  | "noWorkshopFound"
  | "beingDeleted";

export type Identification =
  | { workshop: true; method: "tag"; evidence: string }
  | { workshop: true; method: "naming"; evidence: string }
  | { workshop: true; method: "association"; association: Association; evidence: string }
  | { workshop: false; reason: SkipReason; evidence: string };

export type Status = "deleted" | "wouldDelete" | "skipped" | "failed";

export interface Outcome {
  family: Family;
  name: string;
  status: Status;
  method?: "tag" | "naming" | "association";
  association?: Association;
  reason?: SkipReason;
  /** The tag, the pattern, the associated resource, or what blocks it. */
  evidence: string;
  error?: string;
  /** Dependents deleted with it (shadows of a thing, versions of a package...). */
  dependents?: Array<{ family: Family; names: string[]; association: Association; evidence: string }>;
}

export interface FamilyCounts {
  found: number;
  deleted: number;
  skipped: number;
  failed: number;
}

export interface CleanupReport {
  dryRun: boolean;
  scope: Scope;
  thingsPrefix: string;
  region: string;
  accountId: string;
  target: string;
  /** Calls were paced at AWS's default quotas (AWS, unknown endpoints, throttled sandboxes). */
  paced: boolean;
  families: Partial<Record<Family, FamilyCounts>>;
  totals: FamilyCounts;
  /** Families whose listing operation the target does not offer (nothing to clean there). */
  unavailable: Array<{ family: Family; operation: string }>;
  /** Sandbox only: how far the clock was advanced instead of waiting (thing types). */
  clockAdvancedSeconds: number;
  waitedSeconds: number;
  calls: CallStats;
  elapsedSeconds: number;
  resources: Outcome[];
}
