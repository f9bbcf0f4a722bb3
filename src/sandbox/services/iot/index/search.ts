/**
 * What SearchIndex and the aggregations share: the query version, the target index and its
 * state (IDX-4), the parsed query, and the matching documents (IDX-10).
 */
import { createHash } from "node:crypto";
import { ServiceError } from "../../../errors.js";
import type { OperationContext } from "../../types.js";
import { invalidRequest } from "../common.js";
import type { Bits } from "./field-index.js";
import { thingIndex } from "./fleet.js";
import { type IndexedGroup, indexedGroups } from "./group-index.js";
import { GROUPS_INDEX, queryableIndex, THINGS_INDEX } from "./index-status.js";
import { matchesDocument } from "./query-match.js";
import { parseQuery, QUERY_VERSION } from "./query-syntax.js";
import type { ThingIndex } from "./thing-index.js";

export type QueryResult =
  { kind: "things"; index: ThingIndex; bits: Bits } | { kind: "groups"; groups: IndexedGroup[] };

/** IDX-10: 2017-09-30 is the only query version. */
export function checkQueryVersion(queryVersion: string | undefined): void {
  if (queryVersion !== undefined && queryVersion !== QUERY_VERSION)
    throw invalidRequest(
      `Query version ${queryVersion} is not supported; the query version is ${QUERY_VERSION}.`,
    );
}

export interface QueryInput {
  indexName?: string;
  queryString?: string;
  queryVersion?: string;
}

/** Runs a query on AWS_Things (default) or AWS_ThingGroups. */
export function runQuery(ctx: OperationContext, input: QueryInput): QueryResult {
  checkQueryVersion(input.queryVersion);
  const indexName = input.indexName ?? THINGS_INDEX;
  queryableIndex(ctx, indexName);
  const queryString = input.queryString as string;
  const query = parseQuery(queryString);
  if (indexName === GROUPS_INDEX)
    return { kind: "groups", groups: indexedGroups(ctx).filter((g) => matchesDocument(query, g.values)) };
  const index = thingIndex(ctx);
  if (!index)
    throw new ServiceError("ResourceNotFoundException", `Index ${indexName} does not exist.`, {}, 404);
  return { kind: "things", index, bits: index.evaluate(query, queryString) };
}

const queryHash = (indexName: string, queryString: string): string =>
  createHash("sha256").update(`${indexName}\n${queryString}`).digest("base64url").slice(0, 16);

/** IDX-10: opaque token = the last name returned, bound to the query it continues. */
export function encodeSearchToken(indexName: string, queryString: string, lastName: string): string {
  return Buffer.from(JSON.stringify({ q: queryHash(indexName, queryString), a: lastName })).toString(
    "base64url",
  );
}

export function decodeSearchToken(
  indexName: string,
  queryString: string,
  token: string | undefined,
): string | undefined {
  if (token === undefined || token === "") return undefined;
  try {
    const v = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { q?: unknown; a?: unknown };
    if (v.q === queryHash(indexName, queryString) && typeof v.a === "string") return v.a;
  } catch {
    // refused below
  }
  throw invalidRequest("The nextToken is not valid for this query.");
}
