import type { ListTagsForResourceRequest, ListTagsForResourceResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { decodeToken, getTags } from "../common.js";
import { requireTaggable } from "./taggable.js";

/** TAG-1: the resource's tags by key; at most 50 exist, so one page (a token resumes after its key). */
export const listTagsForResource = defineOperation<ListTagsForResourceRequest, ListTagsForResourceResponse>({
  name: "ListTagsForResource",
  handler: (input, ctx) => {
    const arn = input.resourceArn as string;
    requireTaggable(ctx, arn);
    const after = decodeToken(input.nextToken);
    const tags = Object.entries(getTags(ctx, arn))
      .filter(([k]) => after === undefined || k > after)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([Key, Value]) => ({ Key, Value }));
    return { tags };
  },
});
