/**
 * A pool of worker threads that run SDK calls (see call-worker.ts). AwsClients routes a
 * client's `send` here when many calls are in flight, so a workflow's fan-out of thousands
 * of calls is not limited to one core; pacing, statistics and errors stay in the main thread.
 */
import { Worker } from "node:worker_threads";

export interface PoolRequest {
  id: number;
  /** Service key: `iot`, `iot-data`, `iot-jobs-data`, `iam`. */
  client: string;
  /** Structured-cloneable client configuration (a worker builds its client from the first one it sees). */
  config: Record<string, unknown>;
  command: string;
  input: unknown;
}

export type PoolResponse = { id: number; output: unknown } | { id: number; error: SerialisedError };

export interface SerialisedError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

/** An SDK error as plain data: name, message, $metadata, $fault and modelled members. */
export function serialiseError(e: unknown): SerialisedError {
  const err = e instanceof Error ? e : new Error(String(e));
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(err)) {
    if (k === "$response" || typeof v === "function") continue;
    try {
      structuredClone(v);
      fields[k] = v;
    } catch {
      // not cloneable: dropped
    }
  }
  return { name: err.name, message: err.message, fields };
}

/**
 * Takes the SDK's logger middleware off a client: it builds redacted copies of every input and
 * output for a logger we never give it (a few percent of a call's CPU); --debug logs calls
 * through our own middleware (clients.ts).
 */
export function withoutSdkLogger<C>(client: C): C {
  (client as { middlewareStack: { remove(name: string): boolean } }).middlewareStack.remove(
    "loggerMiddleware",
  );
  return client;
}

/** Rebuilds an error whose `name` is the AWS error code, as the SDK's errors have. */
export function rebuildError(s: SerialisedError): Error {
  const e = new Error(s.message);
  e.name = s.name;
  Object.assign(e, s.fields);
  return e;
}

export class CallPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private turn = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL("./call-worker.js", import.meta.url));
      w.on("message", (res: PoolResponse) => this.settle(res));
      w.on("error", (err) => {
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      });
      w.unref();
      this.workers.push(w);
    }
  }

  private settle(res: PoolResponse): void {
    const p = this.pending.get(res.id);
    if (!p) return;
    this.pending.delete(res.id);
    if ("error" in res) p.reject(rebuildError(res.error));
    else p.resolve(res.output);
  }

  run(client: string, config: Record<string, unknown>, command: string, input: unknown): Promise<unknown> {
    const id = this.nextId++;
    const worker = this.workers[this.turn++ % this.workers.length];
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) for (const w of this.workers) w.ref();
      worker.postMessage({ id, client, config, command, input } satisfies PoolRequest);
    }).finally(() => {
      if (this.pending.size === 0) for (const w of this.workers) w.unref();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
