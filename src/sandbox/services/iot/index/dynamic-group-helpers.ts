/** What the dynamic thing group handlers share (DYN-1, DYN-5). */
import type { OperationContext } from "../../types.js";
import { invalidRequest, notFound } from "../common.js";
import type { ThingGroupDoc } from "../registry/model.js";
import { buildDelayMs, GROUPS_INDEX, THINGS_INDEX } from "./index-status.js";
import { checkQueryVersion } from "./search.js";

/** DYN-1: dynamic groups query AWS_Things with query version 2017-09-30. */
export function checkDynamicTarget(indexName: string | undefined, queryVersion: string | undefined): void {
  checkQueryVersion(queryVersion);
  if (indexName === undefined || indexName === THINGS_INDEX) return;
  if (indexName === GROUPS_INDEX)
    throw invalidRequest(`Dynamic thing groups query ${THINGS_INDEX}, not ${indexName}.`);
  throw notFound(`Index ${indexName} does not exist.`);
}

/** DYN-1/DYN-5: BUILDING (new) or REBUILDING (query changed) until the build delay has passed. */
export function buildingStatus(
  ctx: OperationContext,
  phase: "BUILDING" | "REBUILDING",
): Pick<ThingGroupDoc, "status" | "activeAt"> {
  const delay = buildDelayMs(ctx.settings);
  if (delay === 0) return { status: "ACTIVE", activeAt: undefined };
  return { status: phase, activeAt: new Date(ctx.clock.nowMs() + delay).toISOString() };
}

/** DYN-3 and GRP-5: the dynamic operations refuse static groups. */
export function requireDynamic(group: ThingGroupDoc, operation: string): void {
  if (!group.dynamic)
    throw invalidRequest(
      `${group.thingGroupName} is a static thing group: ${operation} only applies to dynamic thing groups.`,
    );
}
