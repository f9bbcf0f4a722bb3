/**
 * The sandbox's one scheduler: time-driven behaviour (job timeouts, retries, rollout, scheduled
 * jobs) runs on the sandbox clock through it. Timers are rows of the store (storage/timers.ts),
 * keyed by (account, region, kind, id), so they survive a restart; services register one handler
 * per kind in their `start` hook and set timers from their operations (`at` replaces, `cancel`).
 *
 * Due timers run in due order, each in its own store transaction with an operation context of
 * origin `internal`/`scheduler`; a timer a handler sets that is already due runs in the same pass.
 * A real-time setTimeout waits for the next due timer; advancing the clock runs everything then
 * due before the admin call answers (server.ts). A handler that throws is logged and its timer
 * dropped, so one bad timer never loops and never stops the server.
 */
import type { ContextRequest } from "./context.js";
import type { OperationContext, RequestScope } from "./services/types.js";
import type { Clock } from "./clock.js";
import type { Store } from "./storage/store.js";
import type { TimerRow } from "./storage/timers.js";

/** A kind of timer and the type of its payload (like a runtime slot, the type is for the checker). */
export interface TimerKind<P> {
  readonly name: string;
  readonly payload?: P;
}

export const timerKind = <P>(name: string): TimerKind<P> => ({ name });

/** What a handler is told about the timer that fired. */
export interface FiredTimer {
  kind: string;
  id: string;
  /** When it was due (sandbox-clock epoch ms); the clock may be past it after an advance. */
  dueMs: number;
}

export type TimerHandler<P> = (ctx: OperationContext, payload: P, timer: FiredTimer) => void;

export interface SchedulerDeps {
  store: Store;
  clock: Clock;
  /** Builds the context a handler runs with (context.ts). */
  context: (req: ContextRequest) => OperationContext;
  /** Where a failing handler is reported. */
  log: (message: string) => void;
  /** Timers run in one pass at most (default MAX_RUNS_PER_PASS). */
  maxRunsPerPass?: number;
}

/** setTimeout takes at most 2^31-1 ms; a farther timer is waited for in steps. */
const MAX_WAIT_MS = 2 ** 31 - 1;
/**
 * Timers run in one pass at most: a handler that keeps setting itself due again cannot hold
 * the process; the rest runs on the next turn of the event loop.
 */
const MAX_RUNS_PER_PASS = 100_000;

const ORIGIN = { kind: "internal", name: "scheduler" } as const;

export class Scheduler {
  private readonly handlers = new Map<string, TimerHandler<unknown>>();
  private wake?: NodeJS.Timeout;
  /** Due time the armed setTimeout waits for. */
  private wakeAt = Number.POSITIVE_INFINITY;
  private running = false;
  private stopped = true;

  constructor(private readonly deps: SchedulerDeps) {}

  /** Registers the handler of a kind (once, from a service's start hook). */
  on<P>(kind: TimerKind<P>, handler: TimerHandler<P>): void {
    if (this.handlers.has(kind.name)) throw new Error(`timer kind ${kind.name} has two handlers`);
    this.handlers.set(kind.name, handler as TimerHandler<unknown>);
  }

  /** Sets (or replaces) the timer (kind, id) of a scope; it joins the caller's transaction. */
  at<P>(scope: RequestScope, kind: TimerKind<P>, id: string, dueMs: number, payload: P): void {
    const due = Math.round(dueMs);
    if (!Number.isFinite(due)) throw new Error(`timer ${kind.name} ${id}: due time ${dueMs} is not a time`);
    this.deps.store.timers.put({
      account: scope.accountId,
      region: scope.region,
      kind: kind.name,
      id,
      due,
      payload: JSON.stringify(payload ?? null),
    });
    if (due < this.wakeAt) this.arm();
  }

  cancel<P>(scope: RequestScope, kind: TimerKind<P>, id: string): void {
    this.deps.store.timers.delete({ account: scope.accountId, region: scope.region, kind: kind.name, id });
  }

  /** The due time of a timer (sandbox-clock epoch ms), undefined when it is not set. */
  dueOf<P>(scope: RequestScope, kind: TimerKind<P>, id: string): number | undefined {
    return this.deps.store.timers.get({ account: scope.accountId, region: scope.region, kind: kind.name, id })
      ?.due;
  }

  /** Runs what is due (timers left over from before a restart too) and waits for the next. */
  start(): void {
    this.stopped = false;
    this.runDue();
  }

  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  /** The clock moved (advance, reset): what is now due runs before this returns. */
  clockChanged(): void {
    this.runDue();
  }

  /** Runs every timer due now, in due order; returns how many ran. */
  runDue(): number {
    if (this.running || this.stopped) return 0;
    this.running = true;
    let runs = 0;
    try {
      for (;;) {
        const next = this.deps.store.timers.next();
        if (!next || next.due > this.deps.clock.nowMs()) break;
        const max = this.deps.maxRunsPerPass ?? MAX_RUNS_PER_PASS;
        if (runs >= max) {
          this.deps.log(`iotdm sandbox: more than ${max} timers were due at once; the rest run next`);
          setImmediate(() => this.runDue()).unref();
          break;
        }
        this.fire(next);
        runs++;
      }
    } finally {
      this.running = false;
      this.arm();
    }
    return runs;
  }

  private fire(row: TimerRow): void {
    const timer: FiredTimer = { kind: row.kind, id: row.id, dueMs: row.due };
    const handler = this.handlers.get(row.kind);
    try {
      if (!handler) throw new Error("no handler is registered for this kind");
      const ctx = this.deps.context({
        scope: { accountId: row.account, region: row.region },
        origin: ORIGIN,
      });
      this.deps.store.transaction(() => {
        // Consumed first, so the handler may set the same timer again.
        this.deps.store.timers.delete(row);
        handler(ctx, JSON.parse(row.payload) as unknown, timer);
      });
    } catch (e) {
      this.deps.log(
        `iotdm sandbox: timer ${row.kind} ${row.id} failed and was dropped: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      // The failed transaction rolled back its own delete: drop the timer now, unless it changed meanwhile.
      this.deps.store.transaction(() => {
        const current = this.deps.store.timers.get(row);
        if (current?.due === row.due && current.payload === row.payload) this.deps.store.timers.delete(row);
      });
    }
  }

  /** Arms the real-time wait for the next due timer (the sandbox clock runs at real speed). */
  private arm(): void {
    if (this.stopped || this.running) return;
    this.disarm();
    const next = this.deps.store.timers.next();
    if (!next) return;
    const delay = Math.max(0, Math.min(next.due - this.deps.clock.nowMs(), MAX_WAIT_MS));
    this.wakeAt = next.due;
    this.wake = setTimeout(() => {
      this.wake = undefined;
      this.wakeAt = Number.POSITIVE_INFINITY;
      this.runDue();
    }, delay);
    this.wake.unref();
  }

  private disarm(): void {
    if (this.wake) clearTimeout(this.wake);
    this.wake = undefined;
    this.wakeAt = Number.POSITIVE_INFINITY;
  }
}
