/**
 * The in-memory AWS_Things index of one (account, region): compact documents, per-field
 * inverted maps, and the documents in thing-name order. A query becomes a bit set over
 * document ids (one pass per leaf, then AND/OR/NOT on words); a page walks the name order
 * from the token's position, so every page costs about its own size.
 */
import {
  andInto,
  andNotInto,
  type Bits,
  emptyBits,
  FieldIndex,
  hasBit,
  isEmpty,
  orInto,
  orPosting,
  type Posting,
  setBit,
  clearBit,
} from "./field-index.js";
import { isAttributeField, leafTest, type LeafTest, type ValueSink } from "./query-match.js";
import type { QueryLeaf, QueryNode } from "./query-syntax.js";
import type { JsonObject } from "../../iot-data/shadow-document.js";
import { emitThingValues, type IndexedThing, type LoadedThing } from "./thing-document.js";

/** Query results kept for the pages that follow the first one. */
const RESULT_CACHE_SIZE = 16;

export class ThingIndex {
  private readonly docs: Array<IndexedThing | undefined> = [];
  private readonly free: number[] = [];
  private readonly ids = new Map<string, number>();
  /** Document ids sorted by thing name. */
  private order: number[] = [];
  private alive: Bits = emptyBits(0);
  readonly fields = new Map<string, FieldIndex>();
  /** Interned group names: one string per group, not one per membership. */
  private readonly names = new Map<string, string>();
  /** Bumped by every change, so cached results are never stale. */
  private generation = 0;
  private readonly results = new Map<string, { generation: number; bits: Bits }>();

  /** `key` identifies the configuration and epoch the index was built for. */
  constructor(readonly key: string) {}

  get size(): number {
    return this.ids.size;
  }

  get(name: string): IndexedThing | undefined {
    const id = this.ids.get(name);
    return id === undefined ? undefined : this.docs[id];
  }

  /** Bulk loading in name order (builds): appends without searching the order. */
  append({ doc, shadow }: LoadedThing): void {
    const last = this.order[this.order.length - 1];
    if (last !== undefined && (this.docs[last] as IndexedThing).name >= doc.name) {
      this.upsert({ doc, shadow });
      return;
    }
    const id = this.allocate(doc, shadow);
    this.order.push(id);
  }

  upsert({ doc, shadow }: LoadedThing): void {
    const existing = this.ids.get(doc.name);
    if (existing !== undefined) {
      this.unindex(existing);
      this.docs[existing] = this.intern(doc);
      this.index(existing, shadow);
      this.generation++;
      return;
    }
    const id = this.allocate(doc, shadow);
    this.order.splice(this.position(doc.name), 0, id);
  }

  remove(name: string): void {
    const id = this.ids.get(name);
    if (id === undefined) return;
    this.unindex(id);
    this.order.splice(this.position(name), 1);
    this.ids.delete(name);
    this.docs[id] = undefined;
    clearBit(this.alive, id);
    this.free.push(id);
    this.generation++;
  }

  /** Group membership changes made by dynamic groups, without reloading the document. */
  setGroups(name: string, groups: string[]): void {
    const id = this.ids.get(name);
    const doc = id === undefined ? undefined : this.docs[id];
    if (id === undefined || !doc) return;
    for (const g of doc.groups) this.drop("thingGroupNames", (f) => f.removeStr(g.toLowerCase(), id));
    doc.groups = groups.map((g) => this.internName(g));
    const field = this.field("thingGroupNames");
    for (const g of doc.groups) field.addStr(g.toLowerCase(), g, id);
    this.generation++;
  }

  private allocate(doc: IndexedThing, shadow: JsonObject | undefined): number {
    const id = this.free.pop() ?? this.docs.length;
    this.docs[id] = this.intern(doc);
    this.ids.set(doc.name, id);
    if (id >= this.alive.length * 32) {
      const grown = emptyBits(Math.max(64, id * 2));
      grown.set(this.alive);
      this.alive = grown;
    }
    setBit(this.alive, id);
    this.index(id, shadow);
    this.generation++;
    return id;
  }

  private internName(name: string): string {
    const known = this.names.get(name);
    if (known !== undefined) return known;
    this.names.set(name, name);
    return name;
  }

  private intern(doc: IndexedThing): IndexedThing {
    doc.groups = doc.groups.map((g) => this.internName(g));
    if (doc.type !== undefined) doc.type = this.internName(doc.type);
    return doc;
  }

  /** First index in `order` whose name is >= `name`. */
  private position(name: string): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.docs[this.order[mid]] as IndexedThing).name < name) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private field(name: string): FieldIndex {
    let f = this.fields.get(name);
    if (!f) {
      f = new FieldIndex(isAttributeField(name));
      this.fields.set(name, f);
    }
    return f;
  }

  private sink(id: number, adding: boolean): ValueSink {
    return adding
      ? {
          str: (field, lower, original) => this.field(field).addStr(lower, original, id),
          num: (field, value) => this.field(field).addNum(value, id),
          bool: (field, value) => this.field(field).addBool(value, id),
        }
      : {
          str: (field, lower) => this.drop(field, (f) => f.removeStr(lower, id)),
          num: (field, value) => this.drop(field, (f) => f.removeNum(value, id)),
          bool: (field, value) => this.drop(field, (f) => f.removeBool(value, id)),
        };
  }

  private drop(name: string, removal: (f: FieldIndex) => void): void {
    const f = this.fields.get(name);
    if (!f) return;
    removal(f);
    if (f.size === 0) this.fields.delete(name);
  }

  private index(id: number, shadow: JsonObject | undefined): void {
    emitThingValues(this.docs[id] as IndexedThing, this.sink(id, true), shadow);
  }

  private unindex(id: number): void {
    emitThingValues(this.docs[id] as IndexedThing, this.sink(id, false));
  }

  /** The ids matching a query; the last results are cached until the index changes. */
  evaluate(query: QueryNode, cacheKey?: string): Bits {
    if (cacheKey !== undefined) {
      const hit = this.results.get(cacheKey);
      if (hit && hit.generation === this.generation) return hit.bits;
    }
    const bits = this.eval(query);
    if (cacheKey !== undefined) {
      this.results.delete(cacheKey);
      this.results.set(cacheKey, { generation: this.generation, bits });
      if (this.results.size > RESULT_CACHE_SIZE)
        this.results.delete(this.results.keys().next().value as string);
    }
    return bits;
  }

  private allBits(): Bits {
    return this.alive.slice();
  }

  private eval(node: QueryNode): Bits {
    switch (node.kind) {
      case "leaf":
        return this.leaf(node);
      case "not": {
        const out = this.allBits();
        andNotInto(out, this.eval(node.child));
        return out;
      }
      case "or": {
        const out = emptyBits(this.alive.length * 32);
        for (const c of node.children) orInto(out, this.eval(c));
        return out;
      }
      case "and": {
        const positive = node.children.filter((c) => c.kind !== "not");
        const negative = node.children.filter((c) => c.kind === "not");
        let out: Bits | undefined;
        for (const c of positive) {
          const bits = this.eval(c);
          if (out) andInto(out, bits);
          else out = bits;
          if (isEmpty(out)) return out;
        }
        out ??= this.allBits();
        for (const c of negative) if (c.kind === "not") andNotInto(out, this.eval(c.child));
        return out;
      }
    }
  }

  private leaf(leaf: QueryLeaf): Bits {
    const out = emptyBits(this.alive.length * 32);
    const test = leafTest(leaf);
    if (test.field === undefined) {
      for (const f of this.fields.values()) collect(out, f, test);
      return out;
    }
    const f = this.fields.get(test.field);
    if (f) collect(out, f, test);
    if (test.exists) {
      // `path:*` on an object path holds when any leaf below it exists.
      const below = `${test.field}.`;
      for (const [name, sub] of this.fields) if (name.startsWith(below)) collect(out, sub, test);
    }
    return out;
  }

  /** One page in name order after `after`, and whether more matches follow it. */
  page(bits: Bits, after: string | undefined, size: number): { docs: IndexedThing[]; more: boolean } {
    const docs: IndexedThing[] = [];
    let i = after === undefined ? 0 : this.position(after);
    if (after !== undefined && i < this.order.length && this.docs[this.order[i]]?.name === after) i++;
    for (; i < this.order.length; i++) {
      const id = this.order[i];
      if (!hasBit(bits, id)) continue;
      if (docs.length === size) return { docs, more: true };
      docs.push(this.docs[id] as IndexedThing);
    }
    return { docs, more: false };
  }

  /** Matching documents in name order. */
  *matching(bits: Bits): Generator<IndexedThing> {
    for (const id of this.order) if (hasBit(bits, id)) yield this.docs[id] as IndexedThing;
  }
}

function collect(out: Bits, f: FieldIndex, test: LeafTest): void {
  const or = (p: Posting | undefined) => {
    if (p !== undefined) orPosting(out, p);
  };
  if (test.exists) {
    for (const p of f.str.values()) or(p);
    for (const p of f.num.values()) or(p);
    for (const p of f.bool.values()) or(p);
    return;
  }
  if (test.probe) {
    or(f.str.get(test.probe.str));
    if (test.probe.num !== undefined) or(f.num.get(test.probe.num));
    if (test.probe.bool !== undefined) or(f.bool.get(test.probe.bool));
    return;
  }
  if (test.prefix) {
    for (const k of f.keysWithPrefix(test.prefix)) if (test.str(k, f.attribute)) or(f.str.get(k));
  } else for (const [k, p] of f.str) if (test.str(k, f.attribute)) or(p);
  for (const [n, p] of f.num) if (test.num(n, f.attribute)) or(p);
  for (const [b, p] of f.bool) if (test.bool(b)) or(p);
}
