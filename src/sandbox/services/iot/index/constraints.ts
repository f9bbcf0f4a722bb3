/** Constraint values of the fleet indexing inputs, copied from aws-operations.json (VAL-1). */
import type { Constraint } from "../../../protocol/validate.js";
import { len } from "../../../protocol/validate.js";

/** IndexName */
export const indexName = len(1, 128, "^[a-zA-Z0-9:_-]+$");
/** QueryString, AggregationField: at least one character, no maximum. */
export const nonEmpty: Constraint = { min: 1, minMaxOf: "length" };
/** The members every query operation shares. */
export const queryConstraints = { indexName, queryString: nonEmpty };
