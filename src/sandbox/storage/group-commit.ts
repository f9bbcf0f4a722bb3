/**
 * Group commit for the request connection: the transactions of one turn of the event loop run as
 * SAVEPOINTs of one SQLite transaction, committed once that turn's I/O has been handled
 * (setImmediate). A commit writes every page it changed to the WAL, one write each; requests
 * handled together change many of the same pages (the last leaf of a table, its indexes), so one
 * commit for them writes far fewer pages than one commit each.
 *
 * Nothing is answered before it is committed: the after-commit work (MQTT messages) runs once
 * the batch is, and the HTTP front awaits {@link GroupCommit.pending} before it writes a response.
 * A commit that fails rolls the whole batch back, and those awaiting it answer an error.
 */
import type { Db } from "./store.js";

export interface GroupCommitHooks {
  /** The batch committed: run what waited for it. */
  committed(): void;
  /** The batch was rolled back: forget what the cache and the after-commit queue hold of it. */
  rolledBack(): void;
}

interface Batch {
  done: Promise<void>;
  settle(error?: unknown): void;
}

export class GroupCommit {
  private batch?: Batch;

  constructor(
    private readonly db: Db,
    private readonly hooks: GroupCommitHooks,
  ) {}

  /** Begins a batch unless one is under way; it commits at the end of this turn of the loop. */
  open(): void {
    if (this.batch) return;
    this.db.exec("BEGIN");
    let settle: (error?: unknown) => void = () => undefined;
    const done = new Promise<void>((resolve, reject) => {
      settle = (error) => (error === undefined ? resolve() : reject(error));
    });
    // Nobody may be waiting for it: a failure is reported through those who await it, if any.
    done.catch(() => undefined);
    this.batch = { done, settle };
    setImmediate(() => this.commit());
  }

  pending(): Promise<void> | undefined {
    return this.batch?.done;
  }

  commit(): void {
    const batch = this.batch;
    if (!batch) return;
    this.batch = undefined;
    try {
      this.db.exec("COMMIT");
    } catch (e) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      this.hooks.rolledBack();
      batch.settle(e);
      return;
    }
    try {
      this.hooks.committed();
    } finally {
      batch.settle();
    }
  }
}
