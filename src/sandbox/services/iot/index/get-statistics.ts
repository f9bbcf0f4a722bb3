import type { GetStatisticsRequest, GetStatisticsResponse, Statistics } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { aggregate } from "./aggregation.js";
import { nonEmpty, queryConstraints } from "./constraints.js";

/**
 * AGG-1: numbers → count, average, sum, minimum, maximum, sum of squares, population variance
 * and standard deviation; booleans the same over 0/1; strings → the count of matching things
 * that have the field.
 */
export const getStatistics = defineOperation<GetStatisticsRequest, GetStatisticsResponse>({
  name: "GetStatistics",
  constraints: { ...queryConstraints, aggregationField: nonEmpty },
  handler: (input, ctx) => {
    const agg = aggregate(ctx, input);
    if (agg.type === "String") {
      const things = new Set<number | string>();
      agg.forEach((doc) => things.add(doc));
      return { statistics: { count: things.size } };
    }
    let count = 0;
    let sum = 0;
    let sumOfSquares = 0;
    let minimum = Infinity;
    let maximum = -Infinity;
    agg.forEach((_doc, value) => {
      const x = typeof value === "boolean" ? Number(value) : (value as number);
      count++;
      sum += x;
      sumOfSquares += x * x;
      minimum = Math.min(minimum, x);
      maximum = Math.max(maximum, x);
    });
    if (count === 0) return { statistics: { count: 0 } };
    const average = sum / count;
    const variance = Math.max(0, sumOfSquares / count - average * average);
    const statistics: Statistics = {
      count,
      average,
      sum,
      minimum,
      maximum,
      sumOfSquares,
      variance,
      stdDeviation: Math.sqrt(variance),
    };
    return { statistics };
  },
});
