import type { GetRoleRequest, GetRoleResponse } from "@aws-sdk/client-iam";
import { defineOperation } from "../types.js";
import { C, requireRole, roleOutput } from "./helpers.js";

/** IAM-2: unknown role -> 404 NoSuchEntity (the workshop creates the role on that code). */
export const getRole = defineOperation<GetRoleRequest, GetRoleResponse>({
  name: "GetRole",
  constraints: { RoleName: C.roleName },
  handler: (input, ctx) => ({ Role: roleOutput(requireRole(ctx, input.RoleName as string), "get") }),
});
