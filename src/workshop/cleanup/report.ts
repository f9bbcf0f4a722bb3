/**
 * The cleanup tally: counts per family, one outcome per resource, and the per-resource lines
 * that say how each resource was identified or why it was left alone. Long families are
 * shortened on screen unless --dry-run or --debug asks for every line; the report keeps all.
 */
import { type MessageKey, t } from "../../io/i18n.js";
import type { WorkshopIo } from "../io.js";
import type { Association, Family, FamilyCounts, Outcome, SkipReason } from "./types.js";
import { CLASSIC_SHADOW, FAMILIES } from "./types.js";

export const FAMILY_KEYS: Record<Family, MessageKey> = {
  things: "cleanup.family.things",
  shadows: "cleanup.family.shadows",
  certificates: "cleanup.family.certificates",
  policies: "cleanup.family.policies",
  thingGroups: "cleanup.family.thingGroups",
  commands: "cleanup.family.commands",
  commandExecutions: "cleanup.family.commandExecutions",
  jobs: "cleanup.family.jobs",
  jobTemplates: "cleanup.family.jobTemplates",
  packages: "cleanup.family.packages",
  packageVersions: "cleanup.family.packageVersions",
  buckets: "cleanup.family.buckets",
  objectVersions: "cleanup.family.objectVersions",
  settings: "cleanup.family.settings",
  roles: "cleanup.family.roles",
  rolePolicies: "cleanup.family.rolePolicies",
  thingTypes: "cleanup.family.thingTypes",
};

const ASSOCIATION_KEYS: Record<Association, MessageKey> = {
  shadowOfThing: "cleanup.association.shadowOfThing",
  certificateOfThings: "cleanup.association.certificateOfThings",
  versionOfPackage: "cleanup.association.versionOfPackage",
  objectInBucket: "cleanup.association.objectInBucket",
  policyOfRole: "cleanup.association.policyOfRole",
  jobTargets: "cleanup.association.jobTargets",
  executionOfCommand: "cleanup.association.executionOfCommand",
  settingRole: "cleanup.association.settingRole",
  settingWorkshopFound: "cleanup.association.settingWorkshopFound",
};

const SKIP_KEYS: Record<SkipReason, MessageKey> = {
  noMatch: "cleanup.skip.noMatch",
  noTagNoMatch: "cleanup.skip.noTagNoMatch",
  noTag: "cleanup.skip.noTag",
  noTagNoTargets: "cleanup.skip.noTagNoTargets",
  certificateShared: "cleanup.skip.certificateShared",
  policyInUse: "cleanup.skip.policyInUse",
  typeInUse: "cleanup.skip.typeInUse",
  dynamicGroupsRemain: "cleanup.skip.dynamicGroupsRemain",
  foreignRole: "cleanup.skip.foreignRole",
  noWorkshopFound: "cleanup.skip.noWorkshopFound",
  beingDeleted: "cleanup.skip.beingDeleted",
};

/** Lines per family and status shown before the rest is summed up in one line. */
const SHOWN = 10;

export const familyName = (f: Family): string => t(FAMILY_KEYS[f]);

/** "a, b, c (+4)" */
export function shortList(names: readonly string[], max = 3): string {
  const head = names.slice(0, max).join(", ");
  return names.length > max ? `${head} (+${names.length - max})` : head;
}

const zero = (): FamilyCounts => ({ found: 0, deleted: 0, skipped: 0, failed: 0 });

export class Tally {
  readonly outcomes: Outcome[] = [];
  private readonly counts = new Map<Family, FamilyCounts>();
  private readonly unflushed = new Map<Family, Outcome[]>();

  constructor(
    private readonly io: WorkshopIo,
    private readonly verbose: boolean,
  ) {}

  private of(f: Family): FamilyCounts {
    let c = this.counts.get(f);
    if (!c) {
      c = zero();
      this.counts.set(f, c);
    }
    return c;
  }

  /** Starts a family: its header line and how many resources were looked at. */
  scanned(family: Family, count: number): void {
    this.of(family);
    this.io.say("step", "cleanup.scan.found", { family: familyName(family), count });
  }

  add(o: Outcome): void {
    const c = this.of(o.family);
    c.found++;
    if (o.status === "failed") c.failed++;
    else if (o.status === "skipped") c.skipped++;
    else c.deleted++;
    for (const d of o.dependents ?? []) {
      const dc = this.of(d.family);
      dc.found += d.names.length;
      dc.deleted += d.names.length;
    }
    this.outcomes.push(o);
    const list = this.unflushed.get(o.family) ?? [];
    list.push(o);
    this.unflushed.set(o.family, list);
  }

  /** Counts dependents that failed to go (e.g. a shadow that could not be deleted). */
  dependentFailed(family: Family, count = 1): void {
    const c = this.of(family);
    c.found += count;
    c.failed += count;
  }

  private how(o: Outcome): string {
    if (o.method === "tag") return t("cleanup.how.tag", { evidence: o.evidence });
    if (o.method === "naming") return t("cleanup.how.naming", { evidence: o.evidence });
    if (o.association)
      return t("cleanup.how.association", {
        detail: t(ASSOCIATION_KEYS[o.association], { evidence: o.evidence }),
      });
    return "";
  }

  private print(o: Outcome): void {
    const name = o.name;
    if (o.status === "skipped") {
      const why = o.reason ? t(SKIP_KEYS[o.reason], { evidence: o.evidence }) : "";
      this.io.say("detail", "cleanup.line.skipped", { name, why });
      return;
    }
    if (o.status === "failed") {
      this.io.say("error", "cleanup.line.failed", { name, error: o.error ?? "" });
      return;
    }
    const how = this.how(o);
    const setting = o.family === "settings";
    const key =
      o.status === "wouldDelete"
        ? setting
          ? "cleanup.line.wouldTurnOff"
          : "cleanup.line.wouldDelete"
        : setting
          ? "cleanup.line.turnedOff"
          : "cleanup.line.deleted";
    this.io.say(o.status === "wouldDelete" ? "info" : "success", key, { name, how });
    for (const d of o.dependents ?? []) {
      const detail = t(ASSOCIATION_KEYS[d.association], { evidence: d.evidence });
      this.io.say("detail", "cleanup.line.dependent", {
        family: familyName(d.family),
        count: d.names.length,
        names: shortList(
          d.names.map((n) => (n === CLASSIC_SHADOW ? t("cleanup.classicShadow") : n)),
          5,
        ),
        how: t("cleanup.how.association", { detail }),
      });
    }
  }

  /** Prints the lines of a family (by name; all of them, or the first few per status). */
  flush(family: Family): void {
    const list = (this.unflushed.get(family) ?? []).sort((a, b) => (a.name < b.name ? -1 : 1));
    this.unflushed.delete(family);
    const shown = new Map<string, number>();
    let hidden = 0;
    for (const o of list) {
      const n = shown.get(o.status) ?? 0;
      if (!this.verbose && o.status !== "failed" && n >= SHOWN) {
        hidden++;
        continue;
      }
      shown.set(o.status, n + 1);
      this.print(o);
    }
    if (hidden > 0) this.io.say("detail", "cleanup.line.more", { count: hidden });
  }

  /** A family the target cannot list (e.g. jobs on a sandbox without jobs). */
  unavailableNotice(family: Family, operation: string): void {
    this.io.say("detail", "cleanup.unavailable", { family: familyName(family), operation });
  }

  counted(): { families: Partial<Record<Family, FamilyCounts>>; totals: FamilyCounts } {
    const families: Partial<Record<Family, FamilyCounts>> = {};
    const totals = zero();
    for (const f of FAMILIES) {
      const c = this.counts.get(f);
      if (!c) continue;
      families[f] = { ...c };
      totals.found += c.found;
      totals.deleted += c.deleted;
      totals.skipped += c.skipped;
      totals.failed += c.failed;
    }
    return { families, totals };
  }
}
