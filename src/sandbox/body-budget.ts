/**
 * A budget for request bodies held in memory at once. A body reserves its size before it is read;
 * when the budget is spent, requests wait in line (first come, first served) for a short while,
 * then get the service's throttling answer. A body larger than the whole budget is read alone
 * (when nothing else is reserved), so every body under its service's limit can get through.
 */
interface Waiter {
  bytes: number;
  resolve(granted: boolean): void;
  timer: NodeJS.Timeout;
}

export class BodyBudget {
  private used = 0;
  private holders = 0;
  private readonly line: Waiter[] = [];

  constructor(
    readonly limitBytes: number,
    /** How long a request waits for room before it is refused. */
    readonly waitMs: number,
  ) {}

  get reservedBytes(): number {
    return this.used;
  }

  /** Reserves `bytes`; resolves false when there was no room within `waitMs`. */
  reserve(bytes: number): boolean | Promise<boolean> {
    if (this.line.length === 0 && this.fits(bytes)) return this.take(bytes);
    if (this.waitMs <= 0) return false;
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        bytes,
        resolve,
        timer: setTimeout(() => {
          this.line.splice(this.line.indexOf(waiter), 1);
          resolve(false);
          this.serve();
        }, this.waitMs),
      };
      this.line.push(waiter);
    });
  }

  /** More bytes for a body already holding a reservation (a body of unknown length); never waits. */
  grow(bytes: number): boolean {
    if (this.holders === 1 || this.used + bytes <= this.limitBytes) {
      this.used += bytes;
      return true;
    }
    return false;
  }

  release(bytes: number): void {
    this.used -= bytes;
    this.holders--;
    this.serve();
  }

  private fits(bytes: number): boolean {
    return this.holders === 0 || this.used + bytes <= this.limitBytes;
  }

  private take(bytes: number): true {
    this.used += bytes;
    this.holders++;
    return true;
  }

  private serve(): void {
    while (this.line.length > 0 && this.fits(this.line[0].bytes)) {
      const next = this.line.shift()!;
      clearTimeout(next.timer);
      next.resolve(this.take(next.bytes));
    }
  }
}
