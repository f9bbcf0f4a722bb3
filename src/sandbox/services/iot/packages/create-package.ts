import type { CreatePackageRequest, CreatePackageResponse } from "@aws-sdk/client-iot";
import { ServiceError } from "../../../errors.js";
import { defineOperation } from "../../types.js";
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

/** PKG-1: a new package; an existing name -> 409 ConflictException. */
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
    if (packages(ctx).has(name))
      throw new ServiceError(
        "ConflictException",
        `Package ${name} already exists`,
        { resourceId: name },
        409,
      );
    const now = ctx.clock.now().toISOString();
    const doc: PackageDoc = { packageName: name, creationDate: now, lastModifiedDate: now };
    if (input.description !== undefined) doc.description = input.description;
    packages(ctx).put(name, doc);
    const arn = packageArn(ctx, name);
    putTags(ctx, arn, tagList(input.tags), "ValidationException");
    return { packageName: name, packageArn: arn, description: input.description };
  },
});
