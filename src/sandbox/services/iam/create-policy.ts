import type { CreatePolicyRequest, CreatePolicyResponse } from "@aws-sdk/client-iam";
import { ServiceError } from "../../errors.js";
import { items, len } from "../../protocol/validate.js";
import { defineOperation } from "../types.js";
import {
  C,
  checkPath,
  checkPolicyDocument,
  customerPolicyArn,
  iamNow,
  type ManagedPolicyDoc,
  managedPolicies,
  mergeTags,
  newUniqueId,
} from "./helpers.js";
import { customerPolicyOutput } from "./managed-policy.js";
import { policySize } from "./policy-document.js";

/** The quota on a managed policy document, whitespace excluded. */
const MANAGED_POLICY_QUOTA = 6_144;

/** IAM-6: a customer managed policy; names are unique in the account, whatever the path. */
export const createPolicy = defineOperation<CreatePolicyRequest, CreatePolicyResponse>({
  name: "CreatePolicy",
  constraints: {
    PolicyName: C.policyName,
    Path: C.policyPath,
    PolicyDocument: C.policyDocument,
    // Unlike a role description, a policy description has no pattern in the model.
    Description: len(0, 1000),
    Tags: items(0, 50),
    "Tags[].Key": C.tagKey,
    "Tags[].Value": C.tagValue,
  },
  handler: (input, ctx) => {
    const name = input.PolicyName as string;
    const path = input.Path ?? "/";
    checkPath(path);
    const collection = managedPolicies(ctx);
    for (const { doc } of collection.list())
      if (doc.PolicyName.toLowerCase() === name.toLowerCase())
        throw new ServiceError(
          "EntityAlreadyExists",
          `A policy called ${name} already exists. Duplicate names are not allowed.`,
        );
    const document = input.PolicyDocument as string;
    checkPolicyDocument(document, "identity");
    if (policySize(document) > MANAGED_POLICY_QUOTA)
      throw new ServiceError("LimitExceeded", `Cannot exceed quota for PolicySize: ${MANAGED_POLICY_QUOTA}`);
    const now = iamNow(ctx);
    const doc: ManagedPolicyDoc = {
      PolicyName: name,
      PolicyId: newUniqueId("ANPA"),
      Arn: customerPolicyArn(ctx.scope.accountId, path, name),
      Path: path,
      Description: input.Description,
      CreateDate: now,
      UpdateDate: now,
      Document: document,
      Tags: mergeTags([], input.Tags),
    };
    collection.put(doc.Arn, doc);
    return { Policy: customerPolicyOutput(ctx, doc, "detail") };
  },
});
