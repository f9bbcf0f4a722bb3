/**
 * Managed policies (IAM-6): customer ones are stored (lookup.ts layout, id = ARN); AWS
 * managed ones are known by ARN only, so they have no dates, description or document here.
 */
import { createHash } from "node:crypto";
import type { Policy } from "@aws-sdk/client-iam";
import type { OperationContext } from "../types.js";
import {
  attachedPolicies,
  type ManagedPolicyDoc,
  managedPolicies,
  noSuchEntity,
  parsePolicyArn,
  roles,
} from "./helpers.js";

/** Managed policies have one version in the sandbox. */
export const DEFAULT_VERSION_ID = "v1";

export type PolicyView = "detail" | "list";

/** Roles in the account using the policy as their permissions boundary. */
export function boundaryUsageCount(ctx: OperationContext, arn: string): number {
  let n = 0;
  for (const { doc } of roles(ctx).list()) if (doc.PermissionsBoundary?.PermissionsBoundaryArn === arn) n++;
  return n;
}

function counts(ctx: OperationContext, arn: string) {
  return {
    AttachmentCount: attachedPolicies(ctx).countSources(arn),
    PermissionsBoundaryUsageCount: boundaryUsageCount(ctx, arn),
  };
}

/** The Policy structure of a customer managed policy (ListPolicies omits description and tags). */
export function customerPolicyOutput(ctx: OperationContext, doc: ManagedPolicyDoc, view: PolicyView): Policy {
  const out: Policy = {
    PolicyName: doc.PolicyName,
    PolicyId: doc.PolicyId,
    Arn: doc.Arn,
    Path: doc.Path,
    DefaultVersionId: DEFAULT_VERSION_ID,
    ...counts(ctx, doc.Arn),
    IsAttachable: true,
    CreateDate: new Date(doc.CreateDate),
    UpdateDate: new Date(doc.UpdateDate),
  };
  if (view === "detail") {
    out.Description = doc.Description;
    if (doc.Tags.length > 0) out.Tags = doc.Tags;
  }
  return out;
}

/** An AWS managed policy as far as the sandbox knows it: name, path, a stable id, counts. */
export function awsManagedPolicyOutput(ctx: OperationContext, arn: string): Policy | undefined {
  const parsed = parsePolicyArn(arn);
  if (!parsed?.awsManaged) return undefined;
  const digest = createHash("sha256").update(arn).digest("hex").toUpperCase();
  return {
    PolicyName: parsed.name,
    PolicyId: `ANPA${digest.slice(0, 17)}`,
    Arn: arn,
    Path: parsed.path,
    DefaultVersionId: DEFAULT_VERSION_ID,
    ...counts(ctx, arn),
    IsAttachable: true,
  };
}

/** A customer managed policy of this account, or 404 NoSuchEntity. */
export function requireCustomerPolicy(ctx: OperationContext, arn: string): ManagedPolicyDoc {
  const doc = managedPolicies(ctx).get(arn);
  if (!doc) throw noSuchEntity(`Policy ${arn} was not found.`);
  return doc;
}
