import type { DeleteDynamicThingGroupRequest, DeleteDynamicThingGroupResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { deleteTags } from "../common.js";
import { resourceName } from "../registry/constraints.js";
import { checkExpectedVersion, thingGroupArn, thingGroups } from "../registry/model.js";
import { requireDynamic } from "./dynamic-group-helpers.js";
import { removeAllMembers } from "./dynamic-groups.js";
import { withFleet } from "./fleet.js";
import { bumpDynamicGroupsGeneration } from "./index-status.js";

/** DYN-5: unknown → 200; static group → 400; members are detached, tags removed. */
export const deleteDynamicThingGroup = defineOperation<
  DeleteDynamicThingGroupRequest,
  DeleteDynamicThingGroupResponse
>({
  name: "DeleteDynamicThingGroup",
  constraints: { thingGroupName: resourceName },
  handler: (input, ctx) => {
    const name = input.thingGroupName as string;
    const doc = thingGroups(ctx).get(name);
    if (!doc) return {};
    requireDynamic(doc, "DeleteDynamicThingGroup");
    checkExpectedVersion("thing group", name, doc.version, input.expectedVersion);
    withFleet(ctx, (_fleet, s) => {
      removeAllMembers(ctx, s.index, name);
      thingGroups(ctx).delete(name);
      deleteTags(ctx, thingGroupArn(ctx, name));
      bumpDynamicGroupsGeneration(ctx);
    });
    return {};
  },
});
