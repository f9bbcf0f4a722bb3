/** Starts and stops the background WAL checkpointer of a database file (see checkpoint-worker.ts). */
import { Worker } from "node:worker_threads";
import { WAL_LIMIT_BYTES } from "./store.js";

export interface CheckpointerOptions {
  /** Milliseconds between PASSIVE checkpoints. */
  intervalMs: number;
  /** WAL size beyond which the checkpointer tries to truncate it. */
  truncateAboveBytes: number;
  /** Milliseconds at least between two truncation attempts (each briefly holds writers back). */
  truncateEveryMs: number;
}

/** Also what checkpoint-worker.ts receives as workerData, with the file. */
export interface CheckpointerWorkerData extends CheckpointerOptions {
  file: string;
}

const DEFAULTS: CheckpointerOptions = {
  intervalMs: 250,
  truncateAboveBytes: WAL_LIMIT_BYTES,
  truncateEveryMs: 2000,
};

export class Checkpointer {
  private readonly worker: Worker;

  constructor(file: string, options: Partial<CheckpointerOptions> = {}) {
    const workerData: CheckpointerWorkerData = { file, ...DEFAULTS, ...options };
    this.worker = new Worker(new URL("./checkpoint-worker.js", import.meta.url), { workerData });
    this.worker.unref();
  }

  async stop(): Promise<void> {
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
