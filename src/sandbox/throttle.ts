/**
 * `--throttle aws`: one token bucket per (account, region, operation) at AWS's default
 * request rate, burst = rate (section 15.1). Operations without a published rate are not
 * limited. `--fail-rate` answers a share of calls with the service's internal error, before
 * the call runs or, with `--fail-mode after|both`, after it has run and committed.
 */
import { defaultRate } from "../common/quotas.js";
import { TokenBucket } from "../common/token-bucket.js";
import type { FailMode } from "./settings.js";

/** `fail`: answer the injected error instead of running; `failAfter`: run, commit, then answer it. */
export type AdmitVerdict = "ok" | "throttle" | "fail" | "failAfter";

export class Throttle {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly mode: () => "off" | "aws",
    private readonly failRate: () => number,
    private readonly failMode: () => FailMode,
    private readonly random: () => number = Math.random,
  ) {}

  admit(service: string, operation: string, scope: string, nowMs = Date.now()): AdmitVerdict {
    if (this.mode() === "aws") {
      const tps = defaultRate(service, operation);
      if (tps !== undefined) {
        const key = `${scope}:${service}:${operation}`;
        let b = this.buckets.get(key);
        if (!b) {
          b = new TokenBucket(tps, nowMs);
          this.buckets.set(key, b);
        }
        if (!b.tryTake(nowMs)) return "throttle";
      }
    }
    const share = this.failRate();
    if (share > 0 && this.random() < share) return this.failure();
    return "ok";
  }

  private failure(): "fail" | "failAfter" {
    const mode = this.failMode();
    if (mode === "both") return this.random() < 0.5 ? "fail" : "failAfter";
    return mode === "after" ? "failAfter" : "fail";
  }
}
