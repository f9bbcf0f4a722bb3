import type { DescribeIndexRequest, DescribeIndexResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { indexName } from "./constraints.js";
import { describeExistingIndex } from "./index-status.js";

/** IDX-4: name, status on the sandbox clock and schema; disabled or unknown → 404. */
export const describeIndex = defineOperation<DescribeIndexRequest, DescribeIndexResponse>({
  name: "DescribeIndex",
  constraints: { indexName },
  handler: (input, ctx) => describeExistingIndex(ctx, input.indexName as string),
});
