import type {
  AttachedPolicy,
  ListAttachedRolePoliciesRequest,
  ListAttachedRolePoliciesResponse,
} from "@aws-sdk/client-iam";
import { defineOperation } from "../types.js";
import {
  attachedPolicies,
  C,
  findManagedPolicy,
  iamPage,
  parsePolicyArn,
  requireRole,
  roleKey,
} from "./helpers.js";

/** IAM-6: `AttachedPolicies[{PolicyName, PolicyArn}]` in ARN order, filtered by policy path. */
export const listAttachedRolePolicies = defineOperation<
  ListAttachedRolePoliciesRequest,
  ListAttachedRolePoliciesResponse
>({
  name: "ListAttachedRolePolicies",
  constraints: { RoleName: C.roleName, PathPrefix: C.policyPath, Marker: C.marker, MaxItems: C.maxItems },
  handler: (input, ctx) => {
    const role = requireRole(ctx, input.RoleName as string);
    const prefix = input.PathPrefix ?? "/";
    const attached = attachedPolicies(ctx)
      .targets(roleKey(role.RoleName))
      .filter((arn) => parsePolicyArn(arn)?.path.startsWith(prefix))
      .map((arn) => findManagedPolicy(ctx, arn))
      .filter((p): p is AttachedPolicy => p !== undefined);
    const page = iamPage(attached, (p) => p.PolicyArn as string, input.Marker, input.MaxItems);
    return { AttachedPolicies: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
  },
});
