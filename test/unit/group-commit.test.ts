/**
 * Group commit (storage/group-commit.ts) on a real SQLite file: the transactions of one turn of
 * the event loop reach the file together, once the turn's I/O is handled; a transaction that
 * throws leaves none of its writes while the others of its batch commit; work queued for after
 * the commit runs only then; `durable()` settles once everything written so far is in the file.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { openDatabase, Store } from "../../src/sandbox/storage/store.js";
import { committedDocument } from "../helpers/sqlite-file.js";

const dir = mkdtempSync(join(tmpdir(), "iotdm-group-commit-"));
const file = join(dir, "state.db");
const errors: unknown[] = [];
const store = new Store(openDatabase(file), { groupCommit: true, onError: (e) => errors.push(e) });
after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const docs = store.collection<{ n: number }>("123456789012:us-east-1", "test.doc");

/** What another connection reads from the file: committed data only (WAL isolation). */
const onDisk = (id: string) => committedDocument<{ n: number }>(file, docs, id)?.n;

test("transactions of one turn reach the file together once it ends; durable() settles then", async () => {
  store.transaction(() => docs.put("a", { n: 1 }));
  store.transaction(() => docs.put("b", { n: 2 }));
  assert.equal(docs.get("a")?.n, 1, "the writer reads its own writes at once");
  assert.equal(onDisk("a"), undefined, "not committed before the turn ends");
  const durable = store.durable();
  assert.ok(durable, "a batch is under way");
  await durable;
  assert.deepEqual([onDisk("a"), onDisk("b")], [1, 2]);
  assert.equal(store.durable(), undefined, "nothing is waiting any more");
});

test("a transaction that throws leaves none of its writes; the others of its batch commit", async () => {
  store.transaction(() => docs.put("kept", { n: 1 }));
  assert.throws(() =>
    store.transaction(() => {
      docs.put("dropped", { n: 2 });
      docs.put("kept", { n: 99 });
      throw new Error("refused");
    }),
  );
  store.transaction(() => docs.put("after", { n: 3 }));
  assert.equal(docs.get("kept")?.n, 1);
  assert.equal(docs.get("dropped"), undefined);
  await store.durable();
  assert.deepEqual([onDisk("kept"), onDisk("dropped"), onDisk("after")], [1, undefined, 3]);
});

test("afterCommit work waits for the batch's commit and sees the file as written; a failing one spares the others", async () => {
  const seen: Array<number | undefined> = [];
  store.transaction(() => {
    docs.put("told", { n: 7 });
    store.afterCommit(() => seen.push(onDisk("told")));
    store.afterCommit(() => {
      throw new Error("listener failed");
    });
  });
  store.transaction(() => store.afterCommit(() => seen.push(-1)));
  assert.deepEqual(seen, [], "nothing runs before the commit");
  await store.durable();
  assert.deepEqual(seen, [7, -1]);
  assert.equal(errors.length, 1);
});

test("flush commits the batch under way at once (before a checkpoint or closing)", () => {
  store.transaction(() => docs.put("flushed", { n: 5 }));
  assert.equal(onDisk("flushed"), undefined);
  store.flush();
  assert.equal(onDisk("flushed"), 5);
});
