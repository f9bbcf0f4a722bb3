import type { ListJobsRequest, ListJobsResponse } from "@aws-sdk/client-iot";
import { defineOperation, type OperationContext } from "../../types.js";
import { decodeToken, page } from "../common.js";
import { resourceName } from "../registry/constraints.js";
import { DEFAULT_MAX_RESULTS } from "../registry/listing.js";
import { thingGroupArn, thingGroups } from "../registry/model.js";
import { jobStatus, maxResults, namespaceId, targetSelection } from "./constraints.js";
import { type JobDoc, jobs } from "./model.js";
import { jobSummary } from "./views.js";

/** Newest first, then by id: the creation time counted down, so that ids sort the same way. */
const sortKey = (job: JobDoc) =>
  `${String(Number.MAX_SAFE_INTEGER - job.createdAt).padStart(16, "0")}/${job.jobId}`;

/** JOB-11: group filters match a job targeting that group (thingGroupId: the group with that id). */
function groupArnFilter(ctx: OperationContext, input: ListJobsRequest): string[] | undefined {
  const arns: string[] = [];
  if (input.thingGroupName !== undefined) arns.push(thingGroupArn(ctx, input.thingGroupName));
  if (input.thingGroupId !== undefined) {
    const group = thingGroups(ctx)
      .list()
      .find((g) => g.doc.thingGroupId === input.thingGroupId);
    arns.push(group ? thingGroupArn(ctx, group.id) : "");
  }
  return arns.length > 0 ? arns : undefined;
}

/** JOB-11: filters status, targetSelection, thing group name/id, namespace; newest first (emulator choice). */
export const listJobs = defineOperation<ListJobsRequest, ListJobsResponse>({
  name: "ListJobs",
  constraints: {
    status: jobStatus,
    targetSelection,
    maxResults,
    thingGroupName: resourceName,
    thingGroupId: { ...resourceName, pattern: "^[a-zA-Z0-9\\-]+$" },
    namespaceId,
  },
  handler: (input, ctx) => {
    const after = decodeToken(input.nextToken);
    const groupArns = groupArnFilter(ctx, input);
    const matching = [];
    for (const { doc } of jobs(ctx).iterate()) {
      if (input.status !== undefined && doc.status !== input.status) continue;
      if (input.targetSelection !== undefined && doc.targetSelection !== input.targetSelection) continue;
      if (input.namespaceId !== undefined && doc.namespaceId !== input.namespaceId) continue;
      if (groupArns && !groupArns.every((arn) => doc.targets.includes(arn))) continue;
      const id = sortKey(doc);
      if (after === undefined || id > after) matching.push({ id, doc });
    }
    matching.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const p = page(matching, input.maxResults ?? DEFAULT_MAX_RESULTS);
    return { jobs: p.items.map(({ doc }) => jobSummary(ctx, doc)), nextToken: p.nextToken };
  },
});
