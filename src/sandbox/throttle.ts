/**
 * `--throttle aws`: one token bucket per (account, region, operation) at AWS's default
 * request rate, burst = rate (section 15.1). Operations without a published rate are not
 * limited. `--fail-rate` answers a share of calls with the service's internal error.
 */
import { defaultRate } from "../common/quotas.js";
import { TokenBucket } from "../common/token-bucket.js";

export class Throttle {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly mode: () => "off" | "aws",
    private readonly failRate: () => number,
    private readonly random: () => number = Math.random,
  ) {}

  admit(service: string, operation: string, scope: string, nowMs = Date.now()): "ok" | "throttle" | "fail" {
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
    if (share > 0 && this.random() < share) return "fail";
    return "ok";
  }
}
