/**
 * The sandbox's state: one SQLite file (WAL) holding JSON documents by (scope, kind, id)
 * and links between ids (group membership, principals...). Every request runs in one
 * transaction, so a crash or kill -9 never leaves half an operation behind.
 */
import Database from "better-sqlite3";
import { ABSENT, DocumentCache, deepFreeze, type Known } from "./document-cache.js";
import { GroupCommit } from "./group-commit.js";
import { BlobStore, Relation } from "./links.js";
import { TimerTable } from "./timers.js";

export type Db = Database.Database;
export { BlobStore, Relation };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS docs (
  scope TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY (scope, kind, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS links (
  scope TEXT NOT NULL, kind TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, seq INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, kind, a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS links_by_b ON links (scope, kind, b, a);
CREATE TABLE IF NOT EXISTS blobs (
  scope TEXT NOT NULL, id TEXT NOT NULL, data BLOB NOT NULL,
  PRIMARY KEY (scope, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;

/**
 * What the WAL file may keep once it is reset: SQLite truncates it to this size whenever a
 * writer restarts it (`journal_size_limit`), and the checkpointer truncates it to zero when it
 * grows past this (checkpointer.ts), so a burst does not leave a large file behind.
 */
export const WAL_LIMIT_BYTES = 8 * 1024 * 1024;

export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  // NORMAL in WAL mode loses nothing on a process kill (only on power loss), and is fast.
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  // Checkpoints run in a background thread (Checkpointer), not inside request commits.
  db.pragma("wal_autocheckpoint = 0");
  db.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
  db.exec(SCHEMA);
  return db;
}

export interface ListOptions {
  /** Exclusive lower bound (the last id of the previous page). */
  after?: string;
  prefix?: string;
  limit?: number;
}

/** A typed collection of JSON documents of one kind within one scope. */
export class Collection<T> {
  private readonly keyPrefix: string;

  constructor(
    private readonly stmts: Statements,
    readonly scope: string,
    readonly kind: string,
  ) {
    this.keyPrefix = `${scope}\u0000${kind}\u0000`;
  }

  get(id: string): T | undefined {
    const body = this.body(id);
    return body === ABSENT ? undefined : (JSON.parse(body) as T);
  }

  /**
   * The document as one frozen copy shared by every reader until it changes: for documents read
   * on every request and rarely written (settings), where parsing each time is the cost.
   */
  getShared(id: string): Readonly<T> | undefined {
    const body = this.body(id);
    if (body === ABSENT) return undefined;
    const key = this.keyPrefix + id;
    const known = this.stmts.shared.get(key);
    if (known?.body === body) return known.value as T;
    const value = deepFreeze(JSON.parse(body) as T);
    this.stmts.shared.set(key, { body, value });
    return value;
  }

  private body(id: string): Known {
    const key = this.keyPrefix + id;
    let body = this.stmts.cache.get(key);
    if (body === undefined) {
      body = (this.stmts.get.get(this.scope, this.kind, id) as { body: string } | undefined)?.body ?? ABSENT;
      this.stmts.cache.set(key, body);
    }
    return body;
  }

  has(id: string): boolean {
    const known = this.stmts.cache.get(this.keyPrefix + id);
    if (known !== undefined) return known !== ABSENT;
    return this.stmts.has.get(this.scope, this.kind, id) !== undefined;
  }

  put(id: string, doc: T): void {
    const body = JSON.stringify(doc);
    this.stmts.put.run(this.scope, this.kind, id, body);
    this.stmts.cache.set(this.keyPrefix + id, body);
  }

  delete(id: string): boolean {
    const key = this.keyPrefix + id;
    if (this.stmts.cache.get(key) === ABSENT) return false;
    const deleted = this.stmts.delete.run(this.scope, this.kind, id).changes > 0;
    this.stmts.cache.set(key, ABSENT);
    return deleted;
  }

  /** Documents in id order, after `after`, with ids starting with `prefix`. */
  list(opts: ListOptions = {}): Array<{ id: string; doc: T }> {
    // Two plain range statements keep SQLite on the primary key (an OR in the bound would not).
    const limit = opts.limit ?? -1;
    const inclusive = opts.prefix !== undefined && (opts.after === undefined || opts.prefix > opts.after);
    const rows = (
      inclusive
        ? this.stmts.listFrom.all(this.scope, this.kind, opts.prefix, limit)
        : this.stmts.listAfter.all(this.scope, this.kind, opts.after ?? "", limit)
    ) as Array<{ id: string; body: string }>;
    const out: Array<{ id: string; doc: T }> = [];
    for (const r of rows) {
      if (opts.prefix !== undefined && !r.id.startsWith(opts.prefix)) break;
      out.push({ id: r.id, doc: JSON.parse(r.body) as T });
    }
    return out;
  }

  *iterate(): Generator<{ id: string; doc: T }> {
    // A statement of its own: iterating keeps it busy, and callers may query while they iterate.
    const stmt = this.stmts.db.prepare("SELECT id, body FROM docs WHERE scope = ? AND kind = ? ORDER BY id");
    for (const r of stmt.iterate(this.scope, this.kind) as Iterable<{ id: string; body: string }>) {
      yield { id: r.id, doc: JSON.parse(r.body) as T };
    }
  }

  count(): number {
    return (this.stmts.count.get(this.scope, this.kind) as { n: number }).n;
  }
}

/** The prepared statements of one database, shared by its collections, relations and blob stores. */
export type Statements = ReturnType<typeof prepare>;

function prepare(db: Db) {
  return {
    db,
    cache: new DocumentCache(),
    /** Collection.getShared's parsed copies, by document key, with the text they were parsed from. */
    shared: new Map<string, { body: string; value: unknown }>(),
    get: db.prepare("SELECT body FROM docs WHERE scope = ? AND kind = ? AND id = ?"),
    has: db.prepare("SELECT 1 FROM docs WHERE scope = ? AND kind = ? AND id = ?"),
    put: db.prepare("INSERT OR REPLACE INTO docs (scope, kind, id, body) VALUES (?, ?, ?, ?)"),
    delete: db.prepare("DELETE FROM docs WHERE scope = ? AND kind = ? AND id = ?"),
    listAfter: db.prepare(
      "SELECT id, body FROM docs WHERE scope = ? AND kind = ? AND id > ? ORDER BY id LIMIT ?",
    ),
    listFrom: db.prepare(
      "SELECT id, body FROM docs WHERE scope = ? AND kind = ? AND id >= ? ORDER BY id LIMIT ?",
    ),
    count: db.prepare("SELECT count(*) AS n FROM docs WHERE scope = ? AND kind = ?"),
    link: db.prepare("INSERT OR IGNORE INTO links (scope, kind, a, b, seq) VALUES (?, ?, ?, ?, ?)"),
    unlink: db.prepare("DELETE FROM links WHERE scope = ? AND kind = ? AND a = ? AND b = ?"),
    hasLink: db.prepare("SELECT 1 FROM links WHERE scope = ? AND kind = ? AND a = ? AND b = ?"),
    targets: db.prepare(
      "SELECT b FROM links WHERE scope = ? AND kind = ? AND a = ? AND b > ? ORDER BY b LIMIT ?",
    ),
    sources: db.prepare(
      "SELECT a FROM links WHERE scope = ? AND kind = ? AND b = ? AND a > ? ORDER BY a LIMIT ?",
    ),
    anyLink: db.prepare("SELECT 1 FROM links WHERE scope = ? AND kind = ? LIMIT 1"),
    countTargets: db.prepare("SELECT count(*) AS n FROM links WHERE scope = ? AND kind = ? AND a = ?"),
    countSources: db.prepare("SELECT count(*) AS n FROM links WHERE scope = ? AND kind = ? AND b = ?"),
    unlinkFrom: db.prepare("DELETE FROM links WHERE scope = ? AND kind = ? AND a = ?"),
    unlinkTo: db.prepare("DELETE FROM links WHERE scope = ? AND kind = ? AND b = ?"),
    putBlob: db.prepare("INSERT OR REPLACE INTO blobs (scope, id, data) VALUES (?, ?, ?)"),
    getBlob: db.prepare("SELECT data FROM blobs WHERE scope = ? AND id = ?"),
    deleteBlob: db.prepare("DELETE FROM blobs WHERE scope = ? AND id = ?"),
  };
}

export interface StoreOptions {
  /**
   * Commit the transactions of one turn of the event loop together (group commit, group-commit.ts):
   * one commit writes the pages they share once.
   */
  groupCommit?: boolean;
  /** Where a failure of work run after a batch's commit goes (it has no request to fail). */
  onError?: (e: unknown) => void;
}

/** Entry point to the state of one sandbox: typed collections and relations by scope. */
export class Store {
  private readonly stmts: Statements;
  /** The scheduler's persisted timers (scheduler.ts). */
  readonly timers: TimerTable;

  /** One transaction function for every request (better-sqlite3 builds one per `transaction()`). */
  private readonly atomically: (fn: () => unknown) => unknown;
  private readonly batches?: GroupCommit;
  /** Transactions under way: a transaction begun inside one joins it. */
  private depth = 0;

  constructor(
    readonly db: Db,
    options: StoreOptions = {},
  ) {
    this.stmts = prepare(db);
    this.timers = new TimerTable(db);
    this.atomically = db.transaction((fn: () => unknown) => fn());
    if (options.groupCommit) {
      // Each request's after-commit work runs even when another's fails (it has no request to fail).
      const onError = options.onError ?? ((e: unknown) => process.emitWarning(String(e)));
      this.batches = new GroupCommit(db, {
        committed: () => this.runCommitted(onError),
        rolledBack: () => {
          this.stmts.cache.clear();
          this.committed = [];
        },
      });
    }
  }

  collection<T>(scope: string, kind: string): Collection<T> {
    return new Collection<T>(this.stmts, scope, kind);
  }

  relation(scope: string, kind: string): Relation {
    return new Relation(this.stmts, scope, kind);
  }

  blobs(scope: string): BlobStore {
    return new BlobStore(this.stmts, scope);
  }

  /** Work waiting for the current transaction to commit (afterCommit). */
  private committed: Array<() => void> = [];

  /**
   * Runs fn atomically; nested calls join the outer transaction. With group commit, fn runs in a
   * SAVEPOINT of the batch under way (its writes undone alone if it throws), and what it queued
   * for after the commit waits for the batch: whoever tells a client about the change awaits
   * {@link durable} first.
   */
  transaction<R>(fn: () => R): R {
    if (this.depth > 0) return fn();
    this.batches?.open();
    this.depth++;
    let result: R;
    try {
      result = this.undoable(fn);
    } finally {
      this.depth--;
    }
    if (!this.batches) this.runCommitted();
    return result;
  }

  /**
   * Settles once every change made so far is committed (undefined when it already is); rejects
   * when the batch holding them could not be (they are gone).
   */
  durable(): Promise<void> | undefined {
    return this.batches?.pending();
  }

  /** Commits the batch under way now (before a checkpoint or closing). */
  flush(): void {
    this.batches?.commit();
  }

  /**
   * Runs fn so that, if it throws, none of its writes stay, even inside a transaction that goes on
   * (a SAVEPOINT): an MQTT request answered `rejected` keeps nothing of what it began, as the same
   * request over HTTP does. What fn queued for after the commit is dropped with its writes.
   */
  savepoint<R>(fn: () => R): R {
    return this.db.inTransaction ? this.undoable(fn) : this.transaction(fn);
  }

  /**
   * fn in a transaction of its own, or a SAVEPOINT inside the current one (better-sqlite3 nests
   * transaction functions so). Rolled back, its documents may be cached, and what it queued for
   * after the commit never happens.
   */
  private undoable<R>(fn: () => R): R {
    const queued = this.committed.length;
    try {
      return this.atomically(fn) as R;
    } catch (e) {
      this.stmts.cache.clear();
      this.committed.length = queued;
      throw e;
    }
  }

  /**
   * Runs fn once the current transaction has committed (now when there is none): what must not
   * happen for a change that is rolled back, e.g. an MQTT message telling devices about it.
   */
  afterCommit(fn: () => void): void {
    if (this.db.inTransaction) this.committed.push(fn);
    else fn();
  }

  private runCommitted(onError?: (e: unknown) => void): void {
    while (this.committed.length > 0) {
      const pending = this.committed;
      this.committed = [];
      for (const fn of pending) {
        if (!onError) fn();
        else
          try {
            fn();
          } catch (e) {
            onError(e);
          }
      }
    }
  }

  /** Empties every table (the admin plane's reset). */
  clear(): void {
    this.transaction(() => {
      for (const t of ["docs", "links", "blobs", "meta", "timers"]) this.db.exec(`DELETE FROM ${t}`);
    });
    this.stmts.cache.clear();
  }

  getMeta(key: string): string | undefined {
    return (this.db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined)
      ?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)").run(key, value);
  }

  close(): void {
    this.flush();
    this.db.close();
  }
}
