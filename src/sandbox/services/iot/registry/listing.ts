/** Pagination of the registry's List* operations: sorted by name, opaque `nextToken`. */
import type { Collection } from "../../../storage/store.js";
import { decodeToken, page } from "../common.js";

/** THG-6: default page size of the registry lists (emulator choice). */
export const DEFAULT_MAX_RESULTS = 50;

const SCAN_CHUNK = 500;

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** One page of a collection in id order, keeping the documents `keep` accepts. */
export function pageOfCollection<T>(
  c: Collection<T>,
  nextToken: string | undefined,
  maxResults: number | undefined,
  keep: (doc: T, id: string) => boolean = () => true,
): Page<{ id: string; doc: T }> {
  const max = maxResults ?? DEFAULT_MAX_RESULTS;
  let after = decodeToken(nextToken);
  const found: Array<{ id: string; doc: T }> = [];
  while (found.length <= max) {
    const chunk = c.list({ after, limit: SCAN_CHUNK });
    for (const entry of chunk) {
      if (keep(entry.doc, entry.id)) found.push(entry);
      if (found.length > max) break;
    }
    if (chunk.length < SCAN_CHUNK) break;
    after = chunk[chunk.length - 1].id;
  }
  return page(found, max);
}

/** One page of an already sorted list of names. */
export function pageOfNames(
  sortedNames: string[],
  nextToken: string | undefined,
  maxResults: number | undefined,
): Page<string> {
  const after = decodeToken(nextToken);
  const rest = after === undefined ? sortedNames : sortedNames.filter((n) => n > after);
  const p = page(
    rest.map((id) => ({ id, doc: id })),
    maxResults ?? DEFAULT_MAX_RESULTS,
  );
  return { items: p.items.map((i) => i.id), nextToken: p.nextToken };
}
