/**
 * Runs in a worker thread with its own SQLite connection: copies the WAL back into the
 * database (PASSIVE checkpoints, which never block the writer) so the request thread never
 * pays for a checkpoint in the middle of a request.
 *
 * Under steady writes a PASSIVE checkpoint never catches up with the writer, so SQLite never
 * gets to restart the WAL and the file only grows (166 MB under load, kept until a clean stop).
 * So when the WAL has grown past a threshold, right after a PASSIVE round has copied nearly
 * everything, the worker asks for a TRUNCATE checkpoint without waiting for anyone
 * (busy_timeout 0): if no write is in progress and no reader still needs the WAL, it copies the
 * few frames left and truncates the file to zero; otherwise it gives up at once and tries again
 * later. Requests wait for it only for the copy of those last frames.
 */
import { statSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import type { CheckpointerWorkerData } from "./checkpointer.js";

const { file, intervalMs, truncateAboveBytes, truncateEveryMs } = workerData as CheckpointerWorkerData;
const db = new Database(file);
db.pragma("busy_timeout = 0");

let lastTruncateAttempt = 0;

function walBytes(): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

function checkpoint(): void {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
    const now = Date.now();
    if (now - lastTruncateAttempt < truncateEveryMs || walBytes() <= truncateAboveBytes) return;
    lastTruncateAttempt = now;
    db.pragma("wal_checkpoint(TRUNCATE)");
  } catch {
    // busy: the next round catches up
  }
}

const timer = setInterval(checkpoint, intervalMs);

parentPort?.on("message", (msg: string) => {
  if (msg !== "stop") return;
  clearInterval(timer);
  db.close();
  parentPort?.postMessage("stopped");
});
