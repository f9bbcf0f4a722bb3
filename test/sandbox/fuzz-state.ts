/**
 * Fuzz test, part 3: the sandbox's stored state, read read-only from the data directory's
 * state.db while the sandbox runs, to prove that a refused request stored nothing. SQLite's
 * `data_version` tells cheaply whether anything committed since the last look; only then are
 * the `docs`, `links`, `blobs` and `timers` tables compared row by row.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";

export type Snapshot = Map<string, string>;

/**
 * Derived state that the sandbox may rewrite while answering reads or refusals, excluded from
 * the comparison: none so far (add a kind here only with the reason it is derived).
 */
const DERIVED_KINDS = new Set<string>();

export class StateWatch {
  private readonly db: Database.Database;
  private version: number;
  private snapshot: Snapshot;

  constructor(dataDir: string) {
    this.db = new Database(join(dataDir, "state.db"), { readonly: true, fileMustExist: true });
    this.version = this.dataVersion();
    this.snapshot = this.read();
  }

  private dataVersion(): number {
    return this.db.pragma("data_version", { simple: true }) as number;
  }

  private read(): Snapshot {
    const out: Snapshot = new Map();
    const docs = this.db.prepare("SELECT scope, kind, id, body FROM docs").all() as Array<
      Record<string, string>
    >;
    for (const r of docs) if (!DERIVED_KINDS.has(r.kind)) out.set(`doc ${r.scope} ${r.kind} ${r.id}`, r.body);
    const links = this.db.prepare("SELECT scope, kind, a, b FROM links").all() as Array<
      Record<string, string>
    >;
    for (const r of links) out.set(`link ${r.scope} ${r.kind} ${r.a} ${r.b}`, "");
    const blobs = this.db.prepare("SELECT scope, id, data FROM blobs").all() as Array<{
      scope: string;
      id: string;
      data: Buffer;
    }>;
    for (const r of blobs)
      out.set(`blob ${r.scope} ${r.id}`, createHash("sha256").update(r.data).digest("hex"));
    const timers = this.db
      .prepare("SELECT account, region, kind, id, due, payload FROM timers")
      .all() as Array<Record<string, string>>;
    for (const r of timers)
      out.set(`timer ${r.account} ${r.region} ${r.kind} ${r.id}`, `${r.due} ${r.payload}`);
    return out;
  }

  /** After an accepted request: what is stored now is the new reference. */
  accept(): void {
    const v = this.dataVersion();
    if (v === this.version) return;
    this.version = v;
    this.snapshot = this.read();
  }

  /** After a refused request: the rows that differ from the reference (empty when nothing changed). */
  changesSinceReference(): string[] {
    const v = this.dataVersion();
    if (v === this.version) return [];
    this.version = v;
    const now = this.read();
    const changed: string[] = [];
    for (const [k, body] of now)
      if (this.snapshot.get(k) !== body) changed.push(`${this.snapshot.has(k) ? "changed" : "added"} ${k}`);
    for (const k of this.snapshot.keys()) if (!now.has(k)) changed.push(`removed ${k}`);
    // Report once: later requests are compared with what is stored now.
    this.snapshot = now;
    return changed;
  }

  close(): void {
    this.db.close();
  }
}
