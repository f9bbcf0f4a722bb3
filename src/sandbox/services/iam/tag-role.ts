import type { TagRoleRequest } from "@aws-sdk/client-iam";
import { items } from "../../protocol/validate.js";
import { defineOperation } from "../types.js";
import { C, mergeTags, requireRole, roleKey, roles } from "./helpers.js";

/** IAM-5: adds or overwrites tags, at most 50 in total (409 LimitExceeded beyond). */
export const tagRole = defineOperation<TagRoleRequest, Record<string, never>>({
  name: "TagRole",
  constraints: {
    RoleName: C.roleName,
    Tags: items(0, 50),
    "Tags[].Key": C.tagKey,
    "Tags[].Value": C.tagValue,
  },
  handler: (input, ctx) => {
    const role = requireRole(ctx, input.RoleName as string);
    role.Tags = mergeTags(role.Tags, input.Tags);
    roles(ctx).put(roleKey(role.RoleName), role);
    return {};
  },
});
