/**
 * Inverted maps of one indexed field (value -> document ids) and the document-id bit sets the
 * query evaluation combines. A posting is a single id (most values of unique fields such as
 * thingName) or a set of ids, which keeps 100k-thing indexes small.
 */

export type Bits = Uint32Array;

/** A large posting as a bit set: 1 bit per possible id instead of ~16 bytes per member. */
export class DenseIds {
  bits: Bits = new Uint32Array(0);
  size = 0;

  add(id: number): void {
    const w = id >>> 5;
    if (w >= this.bits.length) {
      const grown = new Uint32Array(Math.max(w + 1, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    const mask = 1 << (id & 31);
    if ((this.bits[w] & mask) === 0) {
      this.bits[w] |= mask;
      this.size++;
    }
  }

  delete(id: number): void {
    const w = id >>> 5;
    const mask = 1 << (id & 31);
    if (w < this.bits.length && (this.bits[w] & mask) !== 0) {
      this.bits[w] &= ~mask;
      this.size--;
    }
  }
}

export type Posting = number | Set<number> | DenseIds;
/** Sets reaching this size become bit sets. */
const DENSE_FROM = 1024;

export const emptyBits = (capacity: number): Bits => new Uint32Array((capacity + 31) >>> 5);
export const setBit = (b: Bits, id: number): void => {
  b[id >>> 5] |= 1 << (id & 31);
};
export const clearBit = (b: Bits, id: number): void => {
  b[id >>> 5] &= ~(1 << (id & 31));
};
export const hasBit = (b: Bits, id: number): boolean => ((b[id >>> 5] >>> (id & 31)) & 1) === 1;

export function andInto(target: Bits, other: Bits): void {
  for (let i = 0; i < target.length; i++) target[i] &= other[i];
}
export function orInto(target: Bits, other: Bits): void {
  for (let i = 0; i < target.length; i++) target[i] |= other[i];
}
export function andNotInto(target: Bits, other: Bits): void {
  for (let i = 0; i < target.length; i++) target[i] &= ~other[i];
}
export function isEmpty(b: Bits): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
}
export function popcount(b: Bits): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    let v = b[i];
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

export function orPosting(b: Bits, p: Posting): void {
  if (typeof p === "number") setBit(b, p);
  else if (p instanceof DenseIds) {
    const n = Math.min(b.length, p.bits.length);
    for (let i = 0; i < n; i++) b[i] |= p.bits[i];
  } else for (const id of p) setBit(b, id);
}

/** The ids of a posting that are also in `b`. */
export function* postingIn(p: Posting, b: Bits): Generator<number> {
  if (typeof p === "number") {
    if (hasBit(b, p)) yield p;
  } else if (p instanceof DenseIds) {
    const n = Math.min(b.length, p.bits.length);
    for (let i = 0; i < n; i++) {
      let w = b[i] & p.bits[i];
      while (w !== 0) {
        const low = w & -w;
        yield i * 32 + 31 - Math.clz32(low);
        w ^= low;
      }
    }
  } else for (const id of p) if (hasBit(b, id)) yield id;
}

function add<K>(map: Map<K, Posting>, key: K, id: number): boolean {
  const p = map.get(key);
  if (p === undefined) {
    map.set(key, id);
    return true;
  }
  if (typeof p === "number") {
    if (p !== id) map.set(key, new Set([p, id]));
  } else if (p instanceof DenseIds || p.size < DENSE_FROM) p.add(id);
  else {
    const dense = new DenseIds();
    for (const member of p) dense.add(member);
    dense.add(id);
    map.set(key, dense);
  }
  return false;
}

function remove<K>(map: Map<K, Posting>, key: K, id: number): boolean {
  const p = map.get(key);
  if (p === undefined) return false;
  if (typeof p === "number") {
    if (p !== id) return false;
    map.delete(key);
    return true;
  }
  p.delete(id);
  if (p instanceof DenseIds) {
    if (p.size > 0) return false;
    map.delete(key);
    return true;
  }
  if (p.size > 1) return false;
  const [last] = p;
  if (last === undefined) map.delete(key);
  else map.set(key, last);
  return last === undefined;
}

/** One field: postings per lower-cased string, per number and per boolean. */
export class FieldIndex {
  readonly str = new Map<string, Posting>();
  readonly num = new Map<number, Posting>();
  readonly bool = new Map<boolean, Posting>();
  /** Original spelling of string values whose lower case differs (bucket keys). */
  private display?: Map<string, string>;
  private sortedKeys?: string[];

  constructor(readonly attribute: boolean) {}

  addStr(lower: string, original: string, id: number): void {
    if (add(this.str, lower, id)) this.sortedKeys = undefined;
    if (original !== lower) (this.display ??= new Map()).set(lower, original);
  }

  removeStr(lower: string, id: number): void {
    if (remove(this.str, lower, id)) {
      this.sortedKeys = undefined;
      this.display?.delete(lower);
    }
  }

  addNum(value: number, id: number): void {
    add(this.num, value, id);
  }

  removeNum(value: number, id: number): void {
    remove(this.num, value, id);
  }

  addBool(value: boolean, id: number): void {
    add(this.bool, value, id);
  }

  removeBool(value: boolean, id: number): void {
    remove(this.bool, value, id);
  }

  get size(): number {
    return this.str.size + this.num.size + this.bool.size;
  }

  displayOf(lower: string): string {
    return this.display?.get(lower) ?? lower;
  }

  /** String keys starting with `prefix`, via a sorted key list rebuilt only after keys change. */
  *keysWithPrefix(prefix: string): Generator<string> {
    const keys = (this.sortedKeys ??= [...this.str.keys()].sort());
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < keys.length && keys[i].startsWith(prefix); i++) yield keys[i];
  }
}
