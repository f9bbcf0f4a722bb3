/**
 * Client-side pacing against AWS (and sandboxes that enforce AWS's rates): one token bucket
 * per operation at the account's default quota (15.1), so runs stay at the quota instead of
 * collecting throttling errors. Operations without a published quota are not paced.
 */
import { defaultRate } from "../common/quotas.js";
import { TokenBucket } from "../common/token-bucket.js";

export class Pacer {
  private readonly buckets = new Map<string, TokenBucket>();

  async acquire(service: string, operation: string): Promise<void> {
    const tps = defaultRate(service, operation);
    if (tps === undefined) return;
    const key = `${service}:${operation}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      // Start empty: the server's bucket may be partly spent already (by a previous run or
      // another client), and sending a full burst at exactly its rate leaves no margin.
      bucket = new TokenBucket(tps, Date.now(), 0);
      this.buckets.set(key, bucket);
    }
    const wait = bucket.reserve(Date.now());
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
}
