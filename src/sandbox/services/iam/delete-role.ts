import type { DeleteRoleRequest } from "@aws-sdk/client-iam";
import { ServiceError } from "../../errors.js";
import { defineOperation } from "../types.js";
import {
  attachedPolicies,
  C,
  requireRole,
  roleKey,
  rolePolicies,
  rolePolicyPrefix,
  roles,
} from "./helpers.js";

/**
 * IAM-4: a role is deleted only once it has no inline and no attached policies (the sandbox
 * has no instance profiles, so that third precondition always holds).
 */
export const deleteRole = defineOperation<DeleteRoleRequest, Record<string, never>>({
  name: "DeleteRole",
  constraints: { RoleName: C.roleName },
  handler: (input, ctx) => {
    const role = requireRole(ctx, input.RoleName as string);
    if (rolePolicies(ctx).list({ prefix: rolePolicyPrefix(role.RoleName), limit: 1 }).length > 0)
      throw new ServiceError("DeleteConflict", "Cannot delete entity, must delete policies first.");
    if (attachedPolicies(ctx).countTargets(roleKey(role.RoleName)) > 0)
      throw new ServiceError("DeleteConflict", "Cannot delete entity, must detach all policies first.");
    roles(ctx).delete(roleKey(role.RoleName));
    return {};
  },
});
