import type { UpdateRoleRequest, UpdateRoleResponse } from "@aws-sdk/client-iam";
import { defineOperation } from "../types.js";
import { C, requireRole, roleKey, roles } from "./helpers.js";

/** Changes the description and/or the maximum session duration of a role. */
export const updateRole = defineOperation<UpdateRoleRequest, UpdateRoleResponse>({
  name: "UpdateRole",
  constraints: { RoleName: C.roleName, Description: C.description, MaxSessionDuration: C.maxSessionDuration },
  handler: (input, ctx) => {
    const role = requireRole(ctx, input.RoleName as string);
    if (input.Description !== undefined) role.Description = input.Description;
    if (input.MaxSessionDuration !== undefined) role.MaxSessionDuration = input.MaxSessionDuration;
    roles(ctx).put(roleKey(role.RoleName), role);
    return {};
  },
});
