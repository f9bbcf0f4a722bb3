import type { ListIndicesRequest, ListIndicesResponse } from "@aws-sdk/client-iot";
import { range } from "../../../protocol/validate.js";
import { defineOperation } from "../../types.js";
import { pageOfNames } from "../registry/listing.js";
import { existingIndexes } from "./index-status.js";

/** IDX-4: the indexes that exist, in name order. */
export const listIndices = defineOperation<ListIndicesRequest, ListIndicesResponse>({
  name: "ListIndices",
  constraints: { maxResults: range(1, 500) },
  handler: (input, ctx) => {
    const names = existingIndexes(ctx)
      .map((i) => i.indexName)
      .sort();
    const p = pageOfNames(names, input.nextToken, input.maxResults);
    return { indexNames: p.items, nextToken: p.nextToken };
  },
});
