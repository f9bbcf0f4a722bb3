/**
 * Keeps the WAL of the request connection small: a worker thread copies it back into the
 * database all the time (checkpoint-worker.ts), and the request thread truncates it when it has
 * grown past a threshold.
 *
 * Under steady writes a PASSIVE checkpoint never catches up with the writer, so SQLite never
 * gets to restart the WAL and the file only grows (166 MB under load, kept until a clean stop).
 * A TRUNCATE checkpoint needs the writer's lock; taken from another connection it would make
 * the request thread's transactions fail (SQLITE_BUSY on their read-to-write upgrade), so it
 * runs on the request connection itself, between requests (a timer never fires inside one), and
 * without waiting for anyone (busy_timeout 0): if the worker is copying or a reader still needs
 * the log, it gives up at once and tries again later. Requests wait for it only for the copy
 * of the frames the worker has not copied yet.
 */
import { statSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { type Db, WAL_LIMIT_BYTES } from "./store.js";

export interface CheckpointerOptions {
  /** Milliseconds between the worker's PASSIVE checkpoints. */
  intervalMs: number;
  /** WAL size beyond which the request thread truncates it. */
  truncateAboveBytes: number;
  /** Milliseconds between two looks at the WAL size. */
  truncateEveryMs: number;
}

/** What checkpoint-worker.ts receives as workerData. */
export interface CheckpointerWorkerData {
  file: string;
  intervalMs: number;
}

const DEFAULTS: CheckpointerOptions = {
  intervalMs: 250,
  truncateAboveBytes: WAL_LIMIT_BYTES,
  truncateEveryMs: 2000,
};

export class Checkpointer {
  private readonly worker: Worker;
  private readonly truncation: NodeJS.Timeout;

  constructor(
    private readonly file: string,
    private readonly db: Db,
    options: Partial<CheckpointerOptions> = {},
  ) {
    const o = { ...DEFAULTS, ...options };
    const workerData: CheckpointerWorkerData = { file, intervalMs: o.intervalMs };
    this.worker = new Worker(new URL("./checkpoint-worker.js", import.meta.url), { workerData });
    this.worker.unref();
    this.truncation = setInterval(() => this.truncateIfLarge(o.truncateAboveBytes), o.truncateEveryMs);
    this.truncation.unref();
  }

  private walBytes(): number {
    try {
      return statSync(`${this.file}-wal`).size;
    } catch {
      return 0;
    }
  }

  private truncateIfLarge(aboveBytes: number): void {
    if (this.db.inTransaction || !this.db.open || this.walBytes() <= aboveBytes) return;
    const busyTimeout = this.db.pragma("busy_timeout", { simple: true }) as number;
    this.db.pragma("busy_timeout = 0");
    try {
      this.db.pragma("wal_checkpoint(TRUNCATE)");
    } catch {
      // busy: the next look tries again
    } finally {
      this.db.pragma(`busy_timeout = ${busyTimeout}`);
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.truncation);
    await new Promise<void>((resolve) => {
      const done = () => resolve();
      this.worker.once("message", done);
      this.worker.once("exit", done);
      this.worker.postMessage("stop");
      setTimeout(done, 2000).unref();
    });
    await this.worker.terminate();
  }
}
