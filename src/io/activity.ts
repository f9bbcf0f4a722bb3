/**
 * What a run has done so far: the step it is in, the progress of that step and the AWS calls
 * made (changes apart). A run that stops early (Ctrl-C: exit 130; a declined confirmation:
 * exit 1) says it in one line, and that running the same command again continues.
 */
import { t } from "./i18n.js";
import type { MessageKey } from "./message-keys.js";

export interface CallCounts {
  calls: number;
  /** Successful calls that change something (not Describe/List/Get/Search...). */
  changes: number;
}

export type StopReason = "interrupted" | "declined";

const LINES: Record<StopReason, { nothingChanged: MessageKey; partial: MessageKey }> = {
  interrupted: {
    nothingChanged: "common.stopped.interrupted.nothingChanged",
    partial: "common.stopped.interrupted.partial",
  },
  declined: {
    nothingChanged: "common.stopped.declined.nothingChanged",
    partial: "common.stopped.declined.partial",
  },
};

export class Activity {
  private step?: string;
  private progress?: { label: string; done: number; total: number };
  private counts?: () => CallCounts;

  enterStep(text: string): void {
    this.step = text.trim();
    this.progress = undefined;
  }

  track(label: string, done: number, total: number): void {
    this.progress = { label, done, total };
  }

  /** A session reports its calls here once it is open. */
  countCalls(counts: () => CallCounts): void {
    this.counts = counts;
  }

  /** The one line said when a run stops early. */
  stoppedLine(reason: StopReason): string {
    const counts = this.counts?.() ?? { calls: 0, changes: 0 };
    if (counts.changes === 0) return t(LINES[reason].nothingChanged);
    const where = this.progress
      ? `${this.progress.label} ${this.progress.done}/${this.progress.total}`
      : (this.step ?? "-");
    return t(LINES[reason].partial, {
      where,
      count: counts.changes,
      calls: counts.calls,
    });
  }
}
