import type { UntagRoleRequest } from "@aws-sdk/client-iam";
import { items } from "../../protocol/validate.js";
import { defineOperation } from "../types.js";
import { C, requireRole, roleKey, roles } from "./helpers.js";

/** IAM-5: removes the named tags (keys compare case-insensitively); absent keys are ignored. */
export const untagRole = defineOperation<UntagRoleRequest, Record<string, never>>({
  name: "UntagRole",
  constraints: { RoleName: C.roleName, TagKeys: items(0, 50), "TagKeys[]": C.tagKey },
  handler: (input, ctx) => {
    const role = requireRole(ctx, input.RoleName as string);
    const removed = new Set((input.TagKeys ?? []).map((k) => k.toLowerCase()));
    role.Tags = role.Tags.filter((t) => !removed.has(t.Key.toLowerCase()));
    roles(ctx).put(roleKey(role.RoleName), role);
    return {};
  },
});
