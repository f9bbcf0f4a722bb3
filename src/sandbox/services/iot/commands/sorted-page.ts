/**
 * Pagination of ListCommands and ListCommandExecutions: items sorted by a time and then by id,
 * ascending or descending, with an opaque token naming the last item returned (so a page stays
 * right while items are added or removed between calls).
 */
import { decodeToken, encodeToken } from "../common.js";

export interface Sortable {
  time: number;
  id: string;
}

/** 16 digits hold every epoch-ms time until year 318857, so the keys sort as text. */
const keyOf = (s: Sortable): string => `${String(Math.max(0, s.time)).padStart(16, "0")}/${s.id}`;

export function sortedPage<T extends Sortable>(
  all: T[],
  order: "ASCENDING" | "DESCENDING",
  nextToken: string | undefined,
  max: number,
): { items: T[]; nextToken?: string } {
  const after = decodeToken(nextToken, "ValidationException");
  const sign = order === "ASCENDING" ? 1 : -1;
  const keyed = all.map((item) => ({ item, key: keyOf(item) }));
  keyed.sort((a, b) => (a.key < b.key ? -sign : a.key > b.key ? sign : 0));
  const rest = after === undefined ? keyed : keyed.filter((k) => (sign > 0 ? k.key > after : k.key < after));
  const items = rest.slice(0, max);
  return {
    items: items.map((k) => k.item),
    nextToken: rest.length > max ? encodeToken(items[items.length - 1].key) : undefined,
  };
}

/** Every document of a collection (the commands of one account and region are few). */
export function allOf<T>(
  list: (opts: { after?: string; limit: number }) => Array<{ id: string; doc: T }>,
): T[] {
  const out: T[] = [];
  const CHUNK = 1000;
  let after: string | undefined;
  for (;;) {
    const chunk = list({ after, limit: CHUNK });
    for (const e of chunk) out.push(e.doc);
    if (chunk.length < CHUNK) return out;
    after = chunk[chunk.length - 1].id;
  }
}
