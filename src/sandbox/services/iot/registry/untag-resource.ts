import type { UntagResourceRequest, UntagResourceResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { collection, getTags, KIND } from "../common.js";
import { tagKey } from "./constraints.js";
import { requireTaggable } from "./taggable.js";

/** TAG-1: removes the given keys; absent keys are ignored. */
export const untagResource = defineOperation<UntagResourceRequest, UntagResourceResponse>({
  name: "UntagResource",
  constraints: { "tagKeys[]": tagKey },
  handler: (input, ctx) => {
    const arn = input.resourceArn as string;
    requireTaggable(ctx, arn);
    const tags = getTags(ctx, arn);
    for (const key of input.tagKeys ?? []) delete tags[key];
    const c = collection<Record<string, string>>(ctx, KIND.tags);
    if (Object.keys(tags).length > 0) c.put(arn, tags);
    else c.delete(arn);
    return {};
  },
});
