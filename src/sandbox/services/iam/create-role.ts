import type { CreateRoleRequest, CreateRoleResponse } from "@aws-sdk/client-iam";
import { ServiceError } from "../../errors.js";
import { items } from "../../protocol/validate.js";
import { defineOperation } from "../types.js";
import {
  C,
  checkPath,
  checkPolicyDocument,
  findManagedPolicy,
  iamNow,
  mergeTags,
  newUniqueId,
  roleKey,
  roleOutput,
  roles,
} from "./helpers.js";
import type { RoleDoc } from "./lookup.js";

/** IAM-1: names unique case-insensitively; the trust policy must be a policy with a principal. */
export const createRole = defineOperation<CreateRoleRequest, CreateRoleResponse>({
  name: "CreateRole",
  constraints: {
    Path: C.rolePath,
    RoleName: C.roleName,
    AssumeRolePolicyDocument: C.policyDocument,
    Description: C.description,
    MaxSessionDuration: C.maxSessionDuration,
    PermissionsBoundary: C.arn,
    Tags: items(0, 50),
    "Tags[].Key": C.tagKey,
    "Tags[].Value": C.tagValue,
  },
  handler: (input, ctx) => {
    const name = input.RoleName as string;
    const path = input.Path ?? "/";
    checkPath(path);
    const collection = roles(ctx);
    if (collection.has(roleKey(name)))
      throw new ServiceError("EntityAlreadyExists", `Role with name ${name} already exists.`);
    const trust = input.AssumeRolePolicyDocument as string;
    checkPolicyDocument(trust, "trust");
    const boundary = input.PermissionsBoundary;
    if (boundary !== undefined && !findManagedPolicy(ctx, boundary))
      // CreateRole models no NoSuchEntity: a missing boundary policy is invalid input.
      throw new ServiceError("InvalidInput", `Scope ARN: ${boundary} does not exist or is not attachable.`);
    const role: RoleDoc = {
      Path: path,
      RoleName: name,
      RoleId: newUniqueId("AROA"),
      Arn: `arn:aws:iam::${ctx.scope.accountId}:role${path}${name}`,
      CreateDate: iamNow(ctx),
      AssumeRolePolicyDocument: trust,
      Description: input.Description,
      MaxSessionDuration: input.MaxSessionDuration ?? 3600,
      PermissionsBoundary: boundary
        ? { PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: boundary }
        : undefined,
      Tags: mergeTags([], input.Tags),
    };
    collection.put(roleKey(name), role);
    return { Role: roleOutput(role, "create") };
  },
});
