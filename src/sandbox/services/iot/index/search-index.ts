import type { SearchIndexRequest, SearchIndexResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { queryConstraints } from "./constraints.js";
import { THINGS_INDEX } from "./index-status.js";
import { decodeSearchToken, encodeSearchToken, runQuery } from "./search.js";
import { renderThingDocument } from "./thing-document.js";

/** IDX-10: a page never holds more than 100 results, whatever `maxResults` asks. */
export const MAX_SEARCH_PAGE = 100;

/** IDX-10/IDX-11: results in name order, `nextToken` iff more results follow. */
export const searchIndex = defineOperation<SearchIndexRequest, SearchIndexResponse>({
  name: "SearchIndex",
  constraints: { ...queryConstraints, maxResults: { min: 1, minMaxOf: "value" } },
  handler: (input, ctx) => {
    const indexName = input.indexName ?? THINGS_INDEX;
    const queryString = input.queryString as string;
    const result = runQuery(ctx, input);
    const after = decodeSearchToken(indexName, queryString, input.nextToken);
    const size = Math.min(input.maxResults ?? MAX_SEARCH_PAGE, MAX_SEARCH_PAGE);
    if (result.kind === "things") {
      const page = result.index.page(result.bits, after, size);
      const things = page.docs.map(renderThingDocument);
      const last = page.docs[page.docs.length - 1];
      return {
        things,
        thingGroups: [],
        nextToken: page.more && last ? encodeSearchToken(indexName, queryString, last.name) : undefined,
      };
    }
    const rest = after === undefined ? result.groups : result.groups.filter((g) => g.name > after);
    const groups = rest.slice(0, size);
    const last = groups[groups.length - 1];
    return {
      things: [],
      thingGroups: groups.map((g) => g.document),
      nextToken:
        rest.length > size && last ? encodeSearchToken(indexName, queryString, last.name) : undefined,
    };
  },
});
