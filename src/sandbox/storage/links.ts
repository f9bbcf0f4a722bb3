/**
 * The store's relations between ids (group membership, principals, policy targets...) and its
 * binary objects (S3 object bytes), over the statements store.ts prepares.
 */
import type { Statements } from "./store.js";

/** A many-to-many relation `a -> b` (e.g. group -> thing) with insertion order kept in `seq`. */
export class Relation {
  constructor(
    private readonly stmts: Statements,
    readonly scope: string,
    readonly kind: string,
  ) {}

  link(a: string, b: string): boolean {
    return this.stmts.link.run(this.scope, this.kind, a, b, Date.now()).changes > 0;
  }

  unlink(a: string, b: string): boolean {
    return this.stmts.unlink.run(this.scope, this.kind, a, b).changes > 0;
  }

  has(a: string, b: string): boolean {
    return this.stmts.hasLink.get(this.scope, this.kind, a, b) !== undefined;
  }

  /** The b's linked to a, in b order, after `after`. */
  targets(a: string, after = "", limit = -1): string[] {
    return (this.stmts.targets.all(this.scope, this.kind, a, after, limit) as Array<{ b: string }>).map(
      (r) => r.b,
    );
  }

  /** The a's linked to b, in a order. */
  sources(b: string, after = "", limit = -1): string[] {
    return (this.stmts.sources.all(this.scope, this.kind, b, after, limit) as Array<{ a: string }>).map(
      (r) => r.a,
    );
  }

  /** Whether the relation holds no link at all in this scope. */
  isEmpty(): boolean {
    return this.stmts.anyLink.get(this.scope, this.kind) === undefined;
  }

  countTargets(a: string): number {
    return (this.stmts.countTargets.get(this.scope, this.kind, a) as { n: number }).n;
  }

  countSources(b: string): number {
    return (this.stmts.countSources.get(this.scope, this.kind, b) as { n: number }).n;
  }

  unlinkAllFrom(a: string): number {
    return this.stmts.unlinkFrom.run(this.scope, this.kind, a).changes;
  }

  unlinkAllTo(b: string): number {
    return this.stmts.unlinkTo.run(this.scope, this.kind, b).changes;
  }
}

/** Binary objects (S3 object bytes) by id. */
export class BlobStore {
  constructor(
    private readonly stmts: Statements,
    readonly scope: string,
  ) {}

  put(id: string, data: Buffer): void {
    this.stmts.putBlob.run(this.scope, id, data);
  }

  get(id: string): Buffer | undefined {
    return (this.stmts.getBlob.get(this.scope, id) as { data: Buffer } | undefined)?.data;
  }

  delete(id: string): void {
    this.stmts.deleteBlob.run(this.scope, id);
  }
}
