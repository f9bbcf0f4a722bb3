/** An open AWS session: the clients of one target, with the caller's account and region. */
import type { AwsClients } from "./clients.js";
import type { Target } from "./target.js";

export interface AwsSession {
  clients: AwsClients;
  target: Target;
  accountId: string;
  region: string;
  /** Parallelism for a workflow phase: `parallel`, or 1 under --debug (calls one at a time). */
  concurrency(parallel: number): number;
  close(): void;
}
