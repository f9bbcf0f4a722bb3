/**
 * Persisted timers of the sandbox scheduler (scheduler.ts): one row per (account, region, kind, id)
 * with its due time on the sandbox clock (epoch ms) and a JSON payload. A table of its own, indexed
 * by due time, so finding the next due timer never scans every document. Writes join the caller's
 * transaction: a timer set by a request that is refused is never stored.
 */
import type { Db } from "./store.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS timers (
  account TEXT NOT NULL, region TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL,
  due INTEGER NOT NULL, payload TEXT NOT NULL,
  PRIMARY KEY (account, region, kind, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS timers_by_due ON timers (due, account, region, kind, id);
`;

export interface TimerRow {
  account: string;
  region: string;
  kind: string;
  id: string;
  /** Sandbox-clock epoch milliseconds. */
  due: number;
  /** JSON text. */
  payload: string;
}

export type TimerKey = Pick<TimerRow, "account" | "region" | "kind" | "id">;

export class TimerTable {
  private readonly stmts;

  constructor(db: Db) {
    db.exec(SCHEMA);
    this.stmts = {
      put: db.prepare(
        "INSERT OR REPLACE INTO timers (account, region, kind, id, due, payload) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      get: db.prepare("SELECT * FROM timers WHERE account = ? AND region = ? AND kind = ? AND id = ?"),
      delete: db.prepare("DELETE FROM timers WHERE account = ? AND region = ? AND kind = ? AND id = ?"),
      next: db.prepare("SELECT * FROM timers ORDER BY due, account, region, kind, id LIMIT 1"),
      clear: db.prepare("DELETE FROM timers"),
    };
  }

  put(row: TimerRow): void {
    this.stmts.put.run(row.account, row.region, row.kind, row.id, row.due, row.payload);
  }

  get(key: TimerKey): TimerRow | undefined {
    return this.stmts.get.get(key.account, key.region, key.kind, key.id) as TimerRow | undefined;
  }

  delete(key: TimerKey): boolean {
    return this.stmts.delete.run(key.account, key.region, key.kind, key.id).changes > 0;
  }

  /** The timer due first (ties in key order), or undefined when there is none. */
  next(): TimerRow | undefined {
    return this.stmts.next.get() as TimerRow | undefined;
  }

  clear(): void {
    this.stmts.clear.run();
  }
}
