/** The end of a provisioning run (features.md 4.6): untagged resources, counts, time, next steps. */
import type { WorkshopIo } from "../io.js";
import { type ProvisionReport, failureCount } from "./report.js";
import { reportTagFailures } from "./tagging.js";

/** Commands the summary suggests, with the flags that reach the same target. */
export interface SummaryHints {
  cleanup: string;
}

export function renderProvisionSummary(
  io: WorkshopIo,
  r: ProvisionReport & { retyped?: number },
  hints: SummaryHints,
): void {
  reportTagFailures(io, r.tags.failures);
  io.line("plain", "");
  const problems = failureCount(r);
  if (problems === 0) io.say("success", "provision.summary.done");
  else io.say("warn", "provision.summary.problems", { count: problems });
  io.say("plain", "provision.summary.devices", {
    count: r.things.requested,
    countries: r.plan.countries.length,
    created: r.things.created,
    updated: r.things.updated,
    failed: r.things.failed,
    first: r.plan.firstThing,
    last: r.plan.lastThing,
  });
  if (r.retyped) io.say("warn", "provision.summary.retyped", { count: r.retyped });
  io.say("plain", "provision.summary.resources", {
    types: r.thingTypes.filter((t) => t.outcome !== "failed").length,
    groups: r.groups.filter((g) => g.outcome !== "failed").length,
    packages: r.packages.filter((p) => p.outcome !== "failed" && p.outcome !== "skipped").length,
    versions: r.packages.reduce((n, p) => n + p.versions.filter((v) => v.outcome !== "failed").length, 0),
    bucket: r.bucket.name || "-",
  });
  io.say("plain", "provision.summary.time", {
    seconds: r.seconds.toFixed(2),
    things: r.things.seconds.toFixed(2),
    rate: r.things.perSecond,
  });
  io.say("detail", "provision.summary.calls", {
    calls: r.calls.calls,
    retries: r.calls.retries,
    errors: r.calls.failures,
  });
  io.line("plain", "");
  io.say("title", "provision.summary.learnedTitle");
  io.say("success", "provision.summary.learned");
  io.line("plain", "");
  io.say("info", "provision.summary.next", { command: hints.cleanup });
}
