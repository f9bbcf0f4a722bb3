import { randomUUID } from "node:crypto";
import type { CreateDynamicThingGroupRequest, CreateDynamicThingGroupResponse } from "@aws-sdk/client-iot";
import { ServiceError } from "../../../errors.js";
import { defineOperation } from "../../types.js";
import { invalidRequest, putTags } from "../common.js";
import { checkGroupAttributeCount } from "../registry/attributes.js";
import {
  resourceName,
  tagListConstraints,
  thingGroupPropertiesConstraints,
} from "../registry/constraints.js";
import { readIndexingSettings } from "../registry/indexing.js";
import { alreadyExists, type ThingGroupDoc, thingGroupArn, thingGroups } from "../registry/model.js";
import { indexName, nonEmpty } from "./constraints.js";
import { buildingStatus, checkDynamicTarget } from "./dynamic-group-helpers.js";
import { dynamicGroups, MAX_DYNAMIC_GROUPS, recomputeGroup } from "./dynamic-groups.js";
import type { DynamicGroup } from "./fleet-state.js";
import { withFleet } from "./fleet.js";
import { currentThingIndex } from "./fleet-state.js";
import { bumpDynamicGroupsGeneration, THINGS_INDEX } from "./index-status.js";
import { parseQuery, QUERY_VERSION } from "./query-syntax.js";

/**
 * DYN-4 decides by "most recently created", so dynamic groups never share a creation date:
 * one created in the same millisecond as the newest is dated a millisecond later.
 */
function creationAfter(nowMs: number, groups: DynamicGroup[]): string {
  const newest = groups.reduce((max, g) => Math.max(max, Date.parse(g.creationDate)), -Infinity);
  return new Date(Math.max(nowMs, newest + 1)).toISOString();
}

/**
 * DYN-1: needs thing indexing; the query is validated; names are shared with static groups
 * (409); at most 100 dynamic groups (410). Membership is computed before the response.
 */
export const createDynamicThingGroup = defineOperation<
  CreateDynamicThingGroupRequest,
  CreateDynamicThingGroupResponse
>({
  name: "CreateDynamicThingGroup",
  constraints: {
    thingGroupName: resourceName,
    indexName,
    queryString: nonEmpty,
    ...thingGroupPropertiesConstraints("thingGroupProperties"),
    ...tagListConstraints("tags"),
  },
  handler: (input, ctx) => {
    const name = input.thingGroupName as string;
    const queryString = input.queryString as string;
    if (readIndexingSettings(ctx).thing.thingIndexingMode === "OFF")
      throw invalidRequest(
        "Dynamic thing groups need fleet indexing: enable thing indexing with UpdateIndexingConfiguration first.",
      );
    checkDynamicTarget(input.indexName, input.queryVersion);
    parseQuery(queryString);
    const arn = thingGroupArn(ctx, name);
    const existing = thingGroups(ctx).get(name);
    if (existing) throw alreadyExists(`Thing group ${name} already exists.`, existing.thingGroupId, arn);
    const attributes = { ...(input.thingGroupProperties?.attributePayload?.attributes ?? {}) };
    checkGroupAttributeCount(attributes);
    return withFleet(ctx, (fleet, s) => {
      const existingGroups = dynamicGroups(ctx, s);
      if (existingGroups.length >= MAX_DYNAMIC_GROUPS)
        throw new ServiceError(
          "LimitExceededException",
          `An account can have at most ${MAX_DYNAMIC_GROUPS} dynamic thing groups.`,
          {},
          410,
        );
      const index = currentThingIndex(fleet, ctx);
      const thingGroupId = randomUUID();
      const doc: ThingGroupDoc = {
        thingGroupName: name,
        thingGroupId,
        version: 1,
        description: input.thingGroupProperties?.thingGroupDescription,
        attributes,
        creationDate: creationAfter(ctx.clock.nowMs(), existingGroups),
        dynamic: true,
        indexName: THINGS_INDEX,
        queryString,
        queryVersion: QUERY_VERSION,
        ...buildingStatus(ctx, "BUILDING"),
      };
      thingGroups(ctx).put(name, doc);
      putTags(ctx, arn, input.tags);
      bumpDynamicGroupsGeneration(ctx);
      const groups = dynamicGroups(ctx, s);
      const group = groups.find((g) => g.name === name);
      if (index && group) recomputeGroup(ctx, index, group, groups);
      return {
        thingGroupName: name,
        thingGroupArn: arn,
        thingGroupId,
        indexName: THINGS_INDEX,
        queryString,
        queryVersion: QUERY_VERSION,
      };
    });
  },
});
