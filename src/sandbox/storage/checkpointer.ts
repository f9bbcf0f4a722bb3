/** Starts and stops the background WAL checkpointer of a database file (see checkpoint-worker.ts). */
import { Worker } from "node:worker_threads";

export class Checkpointer {
  private readonly worker: Worker;

  constructor(file: string, intervalMs = 250) {
    this.worker = new Worker(new URL("./checkpoint-worker.js", import.meta.url), {
      workerData: { file, intervalMs },
    });
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
