import type { GetCardinalityRequest, GetCardinalityResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { aggregate } from "./aggregation.js";
import { nonEmpty, queryConstraints } from "./constraints.js";

/** AGG-1: distinct values of the field among matching things (exact here, approximate on AWS); 0 if none. */
export const getCardinality = defineOperation<GetCardinalityRequest, GetCardinalityResponse>({
  name: "GetCardinality",
  constraints: { ...queryConstraints, aggregationField: nonEmpty },
  handler: (input, ctx) => {
    const distinct = new Set<string>();
    aggregate(ctx, input).forEach((_doc, value) => distinct.add(`${typeof value}:${String(value)}`));
    return { cardinality: distinct.size };
  },
});
