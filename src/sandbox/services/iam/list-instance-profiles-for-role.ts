import type {
  ListInstanceProfilesForRoleRequest,
  ListInstanceProfilesForRoleResponse,
} from "@aws-sdk/client-iam";
import { defineOperation } from "../types.js";
import { C, requireRole } from "./helpers.js";

/**
 * IAM-4 precondition check: the sandbox offers no instance profile operations, so no role is
 * ever in one; the role itself must exist.
 */
export const listInstanceProfilesForRole = defineOperation<
  ListInstanceProfilesForRoleRequest,
  ListInstanceProfilesForRoleResponse
>({
  name: "ListInstanceProfilesForRole",
  constraints: { RoleName: C.roleName, Marker: C.marker, MaxItems: C.maxItems },
  handler: (input, ctx) => {
    requireRole(ctx, input.RoleName as string);
    return { InstanceProfiles: [], IsTruncated: false };
  },
});
