/**
 * The end-of-run summary (5.7): a table of found / deleted (or would delete) / skipped /
 * failed per family with totals, the API calls and automatic retries, clock or waiting time
 * spent on the thing type rule, and the elapsed time.
 */
import { t } from "../../io/i18n.js";
import { displayWidth } from "../../io/table.js";
import type { WorkshopIo } from "../io.js";
import { familyName } from "./report.js";
import { type CleanupReport, FAMILIES, type FamilyCounts } from "./types.js";

const RULE = 84;

const padEnd = (s: string, width: number, fill = " ") =>
  s + fill.repeat(Math.max(0, width - displayWidth(s)));
const padStart = (s: string, width: number) => " ".repeat(Math.max(0, width - displayWidth(s))) + s;

function row(label: string, cells: string[], labelWidth: number, fill = " "): string {
  return `  ${padEnd(`${label} `, labelWidth, fill)}${cells.map((c) => padStart(c, 14)).join("")}`;
}

const cells = (c: FamilyCounts) => [c.found, c.deleted, c.skipped, c.failed].map(String);

/** `again`: the command that runs this cleanup again (with the flags that reach the same target). */
export function renderSummary(report: CleanupReport, io: WorkshopIo, hints: { again: string }): void {
  io.line("plain", "");
  io.line("title", "=".repeat(RULE));
  io.say("title", report.dryRun ? "cleanup.summary.titleDryRun" : "cleanup.summary.title");
  io.line("title", "=".repeat(RULE));
  const families = FAMILIES.filter((f) => report.families[f]);
  if (families.length === 0) io.say("info", "cleanup.summary.nothing");
  else {
    const labels = families.map(familyName);
    const labelWidth = Math.max(24, ...labels.map((l) => displayWidth(l) + 4));
    const header = [
      t("cleanup.summary.found"),
      t(report.dryRun ? "cleanup.summary.wouldDelete" : "cleanup.summary.deleted"),
      t("cleanup.summary.skipped"),
      t("cleanup.summary.failed"),
    ];
    io.line("plain", row("", header, labelWidth));
    io.line("detail", `  ${"-".repeat(RULE - 2)}`);
    families.forEach((f, i) => {
      const c = report.families[f] as FamilyCounts;
      io.line(c.failed > 0 ? "warn" : "plain", row(labels[i], cells(c), labelWidth, "."));
    });
    io.line("detail", `  ${"-".repeat(RULE - 2)}`);
    io.line("plain", row(t("cleanup.summary.total"), cells(report.totals), labelWidth));
  }
  io.line("title", "=".repeat(RULE));
  io.say("detail", "cleanup.summary.calls", { calls: report.calls.calls, retries: report.calls.retries });
  if (report.clockAdvancedSeconds > 0)
    io.say("detail", "cleanup.summary.clock", { seconds: report.clockAdvancedSeconds });
  if (report.waitedSeconds > 0) io.say("detail", "cleanup.summary.waited", { seconds: report.waitedSeconds });
  if (report.totals.failed > 0)
    io.say("warn", "cleanup.summary.someFailed", { count: report.totals.failed, command: hints.again });
  else io.say("success", report.dryRun ? "cleanup.summary.doneDryRun" : "cleanup.summary.done");
  io.say("info", "cleanup.summary.elapsed", { seconds: report.elapsedSeconds.toFixed(2) });
}
