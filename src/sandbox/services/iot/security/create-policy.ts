import { randomBytes } from "node:crypto";
import type { CreatePolicyRequest, CreatePolicyResponse } from "@aws-sdk/client-iot";
import { ServiceError } from "../../../errors.js";
import { len } from "../../../protocol/validate.js";
import { defineOperation } from "../../types.js";
import { iotArn, putTags } from "../common.js";
import { C, type PolicyDoc, policies } from "./helpers.js";
import { checkIotPolicyDocument } from "./policy-helpers.js";

/** POL-1: a new IoT policy, version "1"; existing name 409, malformed document 400. */
export const createPolicy = defineOperation<CreatePolicyRequest, CreatePolicyResponse>({
  name: "CreatePolicy",
  constraints: {
    policyName: C.policyName,
    policyDocument: len(0, 404600, "^[\\s\\S]*$"),
    "tags[].Key": len(1, 128, "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$"),
    "tags[].Value": len(0, 256),
  },
  handler: (input, ctx) => {
    const name = input.policyName as string;
    const collection = policies(ctx);
    const arn = iotArn(ctx, `policy/${name}`);
    if (collection.has(name))
      throw new ServiceError("ResourceAlreadyExistsException", `Policy ${name} already exists`, {
        resourceId: name,
        resourceArn: arn,
      });
    const document = input.policyDocument as string;
    checkIotPolicyDocument(document);
    putTags(ctx, arn, input.tags);
    const now = ctx.clock.now().toISOString();
    const doc: PolicyDoc = {
      policyName: name,
      policyArn: arn,
      policyDocument: document,
      defaultVersionId: "1",
      creationDate: now,
      lastModifiedDate: now,
      generationId: randomBytes(32).toString("hex"),
    };
    collection.put(name, doc);
    return {
      policyName: name,
      policyArn: arn,
      policyDocument: document,
      policyVersionId: doc.defaultVersionId,
    };
  },
});
