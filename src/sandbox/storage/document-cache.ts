/** The store's in-memory cache of documents (store.ts). */
/**
 * Documents kept in memory as their JSON text: two generations of at most this many each. A
 * device's shadow update touches three (thing, shadow, classic shadow for the index): a fleet of
 * 10,000 updated in turn stays in the cache.
 */
const CACHED_DOCUMENTS = 16_000;

/** What the cache knows of a document: its JSON text, or `ABSENT` when there is none. */
export const ABSENT = null;
export type Known = string | typeof ABSENT;

/**
 * The JSON text of recently read or written documents, so the settings, jobs and package
 * versions that every request reads cost a parse, not a SQLite lookup (a fifth of the time);
 * documents known not to exist (a shadow's tombstone, most of the time) cost nothing.
 * Text, not objects: every reader gets its own copy to change. The server process is the
 * database's only writer, every write goes through a Collection (which updates this), and a
 * transaction that fails or a reset empties it, so it never holds what the file does not.
 * Two generations rather than a strict LRU: a full young one becomes the old one and the old one
 * is dropped, all in O(1) (evicting from the front of one Map makes V8 skip ever more holes).
 */
export class DocumentCache {
  private young = new Map<string, Known>();
  private old = new Map<string, Known>();

  /** The document's text, `ABSENT`, or undefined when the cache does not know. */
  get(key: string): Known | undefined {
    const body = this.young.get(key);
    if (body !== undefined) return body;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: string, body: Known): void {
    if (this.young.size >= CACHED_DOCUMENTS) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, body);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}

/** Freezes a parsed document and everything in it (Collection.getShared's copies). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
