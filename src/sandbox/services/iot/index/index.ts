import type { OperationDefinition } from "../../types.js";
import { createDynamicThingGroup } from "./create-dynamic-thing-group.js";
import { deleteDynamicThingGroup } from "./delete-dynamic-thing-group.js";
import { describeIndex } from "./describe-index.js";
import { getBucketsAggregation } from "./get-buckets-aggregation.js";
import { getCardinality } from "./get-cardinality.js";
import { getPercentiles } from "./get-percentiles.js";
import { getStatistics } from "./get-statistics.js";
import { getThingConnectivityData } from "./get-thing-connectivity-data.js";
import { listIndices } from "./list-indices.js";
import { searchIndex } from "./search-index.js";
import { updateDynamicThingGroup } from "./update-dynamic-thing-group.js";

/** Fleet indexing (aws-semantics.md §4) and dynamic thing groups (§5). */
export const indexOperations: OperationDefinition[] = [
  searchIndex,
  describeIndex,
  listIndices,
  getStatistics,
  getCardinality,
  getPercentiles,
  getBucketsAggregation,
  createDynamicThingGroup,
  updateDynamicThingGroup,
  deleteDynamicThingGroup,
  getThingConnectivityData,
];
