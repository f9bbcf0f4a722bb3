/**
 * Progress of a long phase: a cli-progress bar with throughput on a terminal; without one,
 * a line every 10% (so logs and tests still see progress), nothing under --json.
 */
import cliProgress from "cli-progress";
import type { IoHost } from "./host.js";
import { t } from "./i18n.js";

export class ProgressView {
  private readonly bar?: cliProgress.SingleBar;
  private readonly started = Date.now();
  private done = 0;
  private lastDecile = 0;

  constructor(
    private readonly host: IoHost,
    private readonly label: string,
    private readonly total: number,
  ) {
    host.activity.track(label, 0, total);
    if (host.json) return;
    if (host.interactive && (host.out as NodeJS.WriteStream).isTTY) {
      this.bar = new cliProgress.SingleBar(
        {
          format: `${label} [{bar}] {value}/{total} {percentage}% | {rate}/s | {duration_formatted}`,
          stream: host.out as NodeJS.WriteStream,
          hideCursor: true,
          noTTYOutput: false,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(total, 0, { rate: "0" });
    }
  }

  private rate(): string {
    const seconds = (Date.now() - this.started) / 1000;
    return seconds > 0 ? (this.done / seconds).toFixed(0) : "0";
  }

  tick(n = 1): void {
    this.done += n;
    this.host.activity.track(this.label, this.done, this.total);
    if (this.bar) {
      this.bar.update(this.done, { rate: this.rate() });
      return;
    }
    if (this.host.json || this.total === 0) return;
    const decile = Math.floor((this.done / this.total) * 10);
    if (decile > this.lastDecile && this.done < this.total) {
      this.lastDecile = decile;
      this.host.line(
        "detail",
        t("common.progressLine", {
          label: this.label,
          done: this.done,
          total: this.total,
          rate: this.rate(),
        }),
      );
    }
  }

  stop(): { done: number; seconds: number; rate: number } {
    const seconds = (Date.now() - this.started) / 1000;
    this.bar?.update(this.done, { rate: this.rate() });
    this.bar?.stop();
    return { done: this.done, seconds, rate: seconds > 0 ? this.done / seconds : 0 };
  }
}
