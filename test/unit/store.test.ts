/**
 * The store's documents on a real SQLite file: what a reader gets is always what the file holds,
 * with the in-memory cache of recent documents in between: a transaction that fails leaves
 * nothing of its writes (in the file or the cache), a deletion is seen at once, readers get their
 * own copies, a reset empties everything, and a cache far smaller than the data loses nothing.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { openDatabase, Store } from "../../src/sandbox/storage/store.js";
import { committedDocument } from "../helpers/sqlite-file.js";

const dir = mkdtempSync(join(tmpdir(), "iotdm-store-"));
const file = join(dir, "state.db");
const store = new Store(openDatabase(file));
after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Doc {
  n: number;
  tags?: string[];
}
const docs = store.collection<Doc>("123456789012:us-east-1", "test.doc");

/** The body the file holds, read by another connection. */
const onDisk = (id: string) => committedDocument<Doc>(file, docs, id);

test("a failed transaction leaves neither its writes nor its deletions, in the file or for readers", () => {
  docs.put("a", { n: 1 });
  docs.put("b", { n: 1 });
  assert.throws(() =>
    store.transaction(() => {
      docs.put("a", { n: 2 });
      docs.delete("b");
      docs.put("c", { n: 1 });
      assert.equal(docs.get("a")?.n, 2, "the transaction reads its own write");
      throw new Error("refused");
    }),
  );
  assert.deepEqual([docs.get("a"), docs.get("b"), docs.get("c")], [{ n: 1 }, { n: 1 }, undefined]);
  assert.deepEqual([docs.has("b"), docs.has("c")], [true, false]);
  assert.deepEqual([onDisk("a"), onDisk("b"), onDisk("c")], [{ n: 1 }, { n: 1 }, undefined]);
});

test("a reader's copy is its own: changing it changes nothing stored", () => {
  docs.put("own", { n: 1, tags: ["x"] });
  const copy = docs.get("own")!;
  copy.n = 99;
  copy.tags!.push("y");
  assert.deepEqual(docs.get("own"), { n: 1, tags: ["x"] });
});

test("a deletion is seen at once; a reset empties every collection", () => {
  docs.put("gone", { n: 1 });
  assert.equal(docs.get("gone")?.n, 1);
  assert.equal(docs.delete("gone"), true);
  assert.equal(docs.get("gone"), undefined);
  assert.equal(docs.has("gone"), false);
  assert.equal(docs.delete("gone"), false, "deleting what is known to be gone");
  assert.equal(onDisk("gone"), undefined);
  docs.put("gone", { n: 2 });
  assert.equal(docs.has("gone"), true);
  assert.deepEqual(onDisk("gone"), { n: 2 });
  docs.put("kept", { n: 1 });
  store.clear();
  assert.equal(docs.get("kept"), undefined);
  assert.equal(docs.count(), 0);
});

test("far more documents than the cache holds: every one reads back as last written", () => {
  const n = 25_000;
  store.transaction(() => {
    for (let i = 0; i < n; i++) docs.put(`many-${i}`, { n: i });
  });
  store.transaction(() => {
    for (let i = 0; i < n; i += 2) docs.put(`many-${i}`, { n: -i - 1 });
  });
  for (let i = 0; i < n; i++) assert.equal(docs.get(`many-${i}`)?.n, i % 2 === 0 ? -i - 1 : i);
});

test("afterCommit: work waits for the outermost commit, sees what was written, and is dropped on rollback", () => {
  const ran: string[] = [];
  store.afterCommit(() => ran.push("no transaction: at once"));
  store.transaction(() => {
    docs.put("committed", { n: 1 });
    store.transaction(() => store.afterCommit(() => ran.push(`after commit: ${onDisk("committed")?.n}`)));
    assert.deepEqual(ran, ["no transaction: at once"]);
  });
  assert.throws(() =>
    store.transaction(() => {
      store.afterCommit(() => ran.push("rolled back"));
      throw new Error("abort");
    }),
  );
  store.transaction(() => undefined);
  assert.deepEqual(ran, ["no transaction: at once", "after commit: 1"]);
});

test("getShared: one frozen copy for every reader until the document changes, then the new one", () => {
  docs.put("settings", { n: 1, tags: ["a"] });
  const first = docs.getShared("settings");
  assert.deepEqual(first, { n: 1, tags: ["a"] });
  assert.equal(docs.getShared("settings"), first);
  assert.ok(Object.isFrozen(first) && Object.isFrozen(first?.tags));
  docs.put("settings", { n: 2 });
  assert.deepEqual(docs.getShared("settings"), { n: 2 });
  assert.throws(() =>
    store.transaction(() => {
      docs.put("settings", { n: 3 });
      throw new Error("abort");
    }),
  );
  assert.deepEqual(docs.getShared("settings"), { n: 2 });
  docs.delete("settings");
  assert.equal(docs.getShared("settings"), undefined);
});

test("savepoint: inside a transaction that goes on, a failed part leaves none of its writes and none of its after-commit work", () => {
  const ran: string[] = [];
  store.transaction(() => {
    docs.put("kept", { n: 1 });
    store.afterCommit(() => ran.push("kept"));
    assert.throws(() =>
      store.savepoint(() => {
        docs.put("kept", { n: 2 });
        docs.put("undone", { n: 3 });
        store.afterCommit(() => ran.push("undone"));
        throw new Error("rejected");
      }),
    );
    assert.deepEqual(docs.get("kept"), { n: 1 });
    assert.equal(docs.get("undone"), undefined);
  });
  assert.deepEqual(ran, ["kept"]);
  assert.deepEqual(onDisk("kept"), { n: 1 });
  assert.equal(onDisk("undone"), undefined);
});
