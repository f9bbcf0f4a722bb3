import type { GetPercentilesRequest, GetPercentilesResponse } from "@aws-sdk/client-iot";
import { fractional, range } from "../../../protocol/validate.js";
import { defineOperation } from "../../types.js";
import { aggregate, invalidAggregation } from "./aggregation.js";
import { nonEmpty, queryConstraints } from "./constraints.js";

/** AGG-1: the percents asked when none are given. */
export const DEFAULT_PERCENTS = [1, 5, 25, 50, 75, 95, 99];

/** Linear interpolation between the closest ranks of the sorted values. */
function percentile(sorted: number[], percent: number): number {
  const rank = (percent / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/** AGG-1: percentiles of a Number field over the matching things (none when no value exists). */
export const getPercentiles = defineOperation<GetPercentilesRequest, GetPercentilesResponse>({
  name: "GetPercentiles",
  constraints: { ...queryConstraints, aggregationField: nonEmpty, "percents[]": fractional(range(0, 100)) },
  handler: (input, ctx) => {
    const agg = aggregate(ctx, input);
    if (agg.type !== "Number")
      throw invalidAggregation(
        `GetPercentiles needs a Number field; ${input.aggregationField} is a ${agg.type}.`,
      );
    const values: number[] = [];
    agg.forEach((_doc, value) => values.push(value as number));
    if (values.length === 0) return { percentiles: [] };
    values.sort((a, b) => a - b);
    const percents = input.percents ?? DEFAULT_PERCENTS;
    return { percentiles: percents.map((percent) => ({ percent, value: percentile(values, percent) })) };
  },
});
