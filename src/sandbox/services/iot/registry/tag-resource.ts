import type { TagResourceRequest, TagResourceResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { putTags } from "../common.js";
import { tagListConstraints } from "./constraints.js";
import { requireTaggable } from "./taggable.js";

/** TAG-1: adds or overwrites keys (≤ 50 in total, no `aws:` prefix). */
export const tagResource = defineOperation<TagResourceRequest, TagResourceResponse>({
  name: "TagResource",
  constraints: tagListConstraints("tags"),
  handler: (input, ctx) => {
    const arn = input.resourceArn as string;
    requireTaggable(ctx, arn);
    putTags(ctx, arn, input.tags);
    return {};
  },
});
