import type { CreatePackageRequest, CreatePackageResponse } from "@aws-sdk/client-iot";
import { ServiceError } from "../../../errors.js";
import { defineOperation, type OperationContext } from "../../types.js";
import { putTags } from "../common.js";
import {
  CLIENT_TOKEN,
  DESCRIPTION,
  PACKAGE_NAME,
  type PackageDoc,
  packageArn,
  packages,
  TAG_CONSTRAINTS,
  tagList,
} from "./helpers.js";
import { idempotencyOf, repeatsCreation } from "./idempotency.js";

const answer = (ctx: OperationContext, doc: PackageDoc): CreatePackageResponse => ({
  packageName: doc.packageName,
  packageArn: packageArn(ctx, doc.packageName),
  description: doc.description,
});

/**
 * PKG-1: a new package; an existing name -> 409 ConflictException, unless the call repeats the
 * one that created it (same clientToken and request, idempotency.ts).
 */
export const createPackage = defineOperation<CreatePackageRequest, CreatePackageResponse>({
  name: "CreatePackage",
  validationError: "ValidationException",
  constraints: {
    packageName: PACKAGE_NAME,
    description: DESCRIPTION,
    clientToken: CLIENT_TOKEN,
    ...TAG_CONSTRAINTS,
  },
  handler: (input, ctx) => {
    const name = input.packageName!;
    const existing = packages(ctx).get(name);
    if (existing && repeatsCreation(existing.created, input)) return answer(ctx, existing);
    if (existing)
      throw new ServiceError(
        "ConflictException",
        `Package ${name} already exists`,
        { resourceId: name },
        409,
      );
    const now = ctx.clock.now().toISOString();
    const doc: PackageDoc = { packageName: name, creationDate: now, lastModifiedDate: now };
    if (input.description !== undefined) doc.description = input.description;
    const created = idempotencyOf(input);
    if (created) doc.created = created;
    packages(ctx).put(name, doc);
    putTags(ctx, packageArn(ctx, name), tagList(input.tags), "ValidationException");
    return answer(ctx, doc);
  },
});
