import type {
  ListJobExecutionsForThingRequest,
  ListJobExecutionsForThingResponse,
} from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { decodeToken, page } from "../common.js";
import { DEFAULT_MAX_RESULTS } from "../registry/listing.js";
import { requireThing, things } from "../registry/model.js";
import { executionStatus, jobId, maxResults, namespaceId, thingName } from "./constraints.js";
import { type ExecutionDoc, executionId, executions, jobIdsOfThing, jobs } from "./model.js";
import { executionSummary } from "./views.js";

/**
 * The thing's latest execution per job, in job id order, optionally of one job, status or
 * namespace. A name that is no thing and has no executions → 404; a deleted thing's executions
 * (REMOVED, THG-5) stay listed.
 */
export const listJobExecutionsForThing = defineOperation<
  ListJobExecutionsForThingRequest,
  ListJobExecutionsForThingResponse
>({
  name: "ListJobExecutionsForThing",
  constraints: { thingName, status: executionStatus, namespaceId, maxResults, jobId },
  handler: (input, ctx) => {
    const name = input.thingName!;
    const after = decodeToken(input.nextToken) ?? "";
    const jobIds = jobIdsOfThing(ctx, name, after);
    if (jobIds.length === 0 && after === "" && !things(ctx).has(name)) requireThing(ctx, name);
    const max = input.maxResults ?? DEFAULT_MAX_RESULTS;
    const found: Array<{ id: string; doc: ExecutionDoc }> = [];
    for (const id of jobIds) {
      if (input.jobId !== undefined && id !== input.jobId) continue;
      const doc = executions(ctx).get(executionId(id, name));
      if (!doc || (input.status !== undefined && doc.status !== input.status)) continue;
      if (input.namespaceId !== undefined && jobs(ctx).get(id)?.namespaceId !== input.namespaceId) continue;
      found.push({ id, doc });
      if (found.length > max) break;
    }
    const p = page(found, max);
    return {
      executionSummaries: p.items.map(({ doc }) => ({
        jobId: doc.jobId,
        jobExecutionSummary: executionSummary(doc),
      })),
      nextToken: p.nextToken,
    };
  },
});
