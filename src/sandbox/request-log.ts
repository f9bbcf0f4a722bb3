/**
 * The request log: the last API exchanges an instance answered (time, service, operation, status,
 * latency, error code, request id; never bodies, headers or credentials), in a fixed ring, read by
 * `iotdm sandbox logs` through the admin API with a `since` cursor (the sequence number of the last
 * entry seen). A reader may wait for the next entry (long poll).
 */
export interface LogEntry {
  /** 1, 2, 3... in answer order; the cursor of `since`. */
  seq: number;
  /** ISO-8601 time the request arrived. */
  time: string;
  service: string;
  operation: string;
  method: string;
  status: number;
  latencyMs: number;
  errorCode?: string;
  requestId: string;
}

export type NewLogEntry = Omit<LogEntry, "seq" | "time"> & { time: Date };

interface Stored extends Omit<LogEntry, "seq" | "time"> {
  timeMs: number;
}

export const REQUEST_LOG_CAPACITY = 2000;

export class RequestLog {
  private readonly ring: Array<Stored | undefined>;
  /** Sequence number the next entry gets. */
  private nextSeq = 1;
  private waiters: Array<() => void> = [];

  constructor(readonly capacity = REQUEST_LOG_CAPACITY) {
    this.ring = new Array<Stored | undefined>(capacity);
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** Keeps the listed fields of `entry` only (callers may pass more, such as the response). */
  add(entry: NewLogEntry): void {
    const { service, operation, method, status, latencyMs, errorCode, requestId } = entry;
    const stored: Stored = {
      service,
      operation,
      method,
      status,
      latencyMs,
      requestId,
      timeMs: entry.time.getTime(),
    };
    if (errorCode !== undefined) stored.errorCode = errorCode;
    this.ring[this.nextSeq % this.capacity] = stored;
    this.nextSeq++;
    if (this.waiters.length > 0) {
      const waiting = this.waiters;
      this.waiters = [];
      for (const wake of waiting) wake();
    }
  }

  /** Entries after `since` (oldest first, at most `limit`), and the cursor to ask with next. */
  since(since: number, limit = this.capacity): { entries: LogEntry[]; next: number } {
    const oldest = Math.max(1, this.nextSeq - this.capacity);
    const entries: LogEntry[] = [];
    for (let seq = Math.max(since + 1, oldest); seq < this.nextSeq && entries.length < limit; seq++) {
      const { timeMs, ...stored } = this.ring[seq % this.capacity]!;
      entries.push({ seq, time: new Date(timeMs).toISOString(), ...stored });
    }
    // A cursor beyond the last entry (another instance's) restarts from the present.
    const next =
      entries.length > 0 ? entries[entries.length - 1].seq : Math.min(Math.max(since, 0), this.lastSeq);
    return { entries, next };
  }

  /** Resolves once an entry after `since` exists, or after `ms`. */
  waitAfter(since: number, ms: number): Promise<void> {
    if (this.lastSeq > since || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve();
      }, ms);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(wake);
    });
  }
}
