import type { ListPoliciesRequest, ListPoliciesResponse, Policy } from "@aws-sdk/client-iam";
import { oneOf } from "../../protocol/validate.js";
import { defineOperation, type OperationContext } from "../types.js";
import { attachedPolicies, C, iamPage, managedPolicies, parsePolicyArn, roles } from "./helpers.js";
import { awsManagedPolicyOutput, customerPolicyOutput } from "./managed-policy.js";

/** AWS managed policies the sandbox knows of: those attached to a role of the account. */
function knownAwsManagedArns(ctx: OperationContext): Set<string> {
  const relation = attachedPolicies(ctx);
  const arns = new Set<string>();
  for (const { id } of roles(ctx).list())
    for (const arn of relation.targets(id)) if (parsePolicyArn(arn)?.awsManaged) arns.add(arn);
  return arns;
}

function usageMatches(p: Policy, filter: string | undefined): boolean {
  if (filter === "PermissionsPolicy") return (p.AttachmentCount ?? 0) > 0;
  if (filter === "PermissionsBoundary") return (p.PermissionsBoundaryUsageCount ?? 0) > 0;
  return true;
}

const sortKey = (p: Policy): string => `${p.PolicyName}\u0000${p.Arn}`;

/**
 * IAM-6: customer managed policies (Scope Local/All) and the known AWS managed ones (Scope
 * AWS/All), in name order, filtered by path, attachment and usage.
 */
export const listPolicies = defineOperation<ListPoliciesRequest, ListPoliciesResponse>({
  name: "ListPolicies",
  constraints: {
    Scope: oneOf("All", "AWS", "Local"),
    PathPrefix: C.policyPath,
    PolicyUsageFilter: oneOf("PermissionsPolicy", "PermissionsBoundary"),
    Marker: C.marker,
    MaxItems: C.maxItems,
  },
  handler: (input, ctx) => {
    const scope = input.Scope ?? "All";
    const candidates: Policy[] = [];
    if (scope !== "AWS")
      for (const { doc } of managedPolicies(ctx).list())
        candidates.push(customerPolicyOutput(ctx, doc, "list"));
    if (scope !== "Local")
      for (const arn of knownAwsManagedArns(ctx)) candidates.push(awsManagedPolicyOutput(ctx, arn) as Policy);
    const prefix = input.PathPrefix ?? "/";
    const matching = candidates
      .filter((p) => (p.Path ?? "/").startsWith(prefix))
      .filter(
        (p) => !input.OnlyAttached || (p.AttachmentCount ?? 0) + (p.PermissionsBoundaryUsageCount ?? 0) > 0,
      )
      .filter((p) => usageMatches(p, input.PolicyUsageFilter))
      .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    const page = iamPage(matching, sortKey, input.Marker, input.MaxItems);
    return { Policies: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
  },
});
