import type { GetBucketsAggregationRequest, GetBucketsAggregationResponse } from "@aws-sdk/client-iot";
import { range } from "../../../protocol/validate.js";
import { defineOperation } from "../../types.js";
import { aggregate } from "./aggregation.js";
import { nonEmpty, queryConstraints } from "./constraints.js";

/** AGG-1: the bucket count when `termsAggregation.maxBuckets` is absent. */
export const DEFAULT_MAX_BUCKETS = 10;

/** AGG-1: matching things per field value, most frequent first (then by value); `totalCount` = matches. */
export const getBucketsAggregation = defineOperation<
  GetBucketsAggregationRequest,
  GetBucketsAggregationResponse
>({
  name: "GetBucketsAggregation",
  constraints: {
    ...queryConstraints,
    aggregationField: nonEmpty,
    "bucketsAggregationType.termsAggregation.maxBuckets": range(1, 10000),
  },
  handler: (input, ctx) => {
    const agg = aggregate(ctx, input);
    const buckets = new Map<string, { keyValue: string; things: Set<number | string> }>();
    agg.forEach((doc, value, display) => {
      const key = `${typeof value}:${String(value)}`;
      let b = buckets.get(key);
      if (!b) {
        b = { keyValue: display, things: new Set() };
        buckets.set(key, b);
      }
      b.things.add(doc);
    });
    const max = input.bucketsAggregationType?.termsAggregation?.maxBuckets ?? DEFAULT_MAX_BUCKETS;
    const sorted = [...buckets.values()]
      .map((b) => ({ keyValue: b.keyValue, count: b.things.size }))
      .sort((a, b) => b.count - a.count || (a.keyValue < b.keyValue ? -1 : a.keyValue > b.keyValue ? 1 : 0));
    return { totalCount: agg.matched, buckets: sorted.slice(0, max) };
  },
});
