/**
 * Runs in a worker thread with its own SQLite connection: copies the WAL back into the
 * database (PASSIVE checkpoints, which never block the writer) so the request thread never
 * pays for a checkpoint in the middle of a request. Truncating the WAL needs the writer's lock,
 * so the request thread does that itself between requests (checkpointer.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import type { CheckpointerWorkerData } from "./checkpointer.js";

const { file, intervalMs } = workerData as CheckpointerWorkerData;
const db = new Database(file);
db.pragma("busy_timeout = 5000");

const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // busy: the next round catches up
  }
}, intervalMs);

parentPort?.on("message", (msg: string) => {
  if (msg !== "stop") return;
  clearInterval(timer);
  db.close();
  parentPort?.postMessage("stopped");
});
