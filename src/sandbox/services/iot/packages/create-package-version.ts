import type { CreatePackageVersionRequest, CreatePackageVersionResponse } from "@aws-sdk/client-iot";
import { ServiceError } from "../../../errors.js";
import { defineOperation, type OperationContext } from "../../types.js";
import { putTags } from "../common.js";
import {
  ATTRIBUTE_CONSTRAINTS,
  CLIENT_TOKEN,
  checkArtifact,
  checkAttributes,
  DESCRIPTION,
  PACKAGE_NAME,
  type PackageVersionDoc,
  packages,
  packageVersionArn,
  packageVersions,
  RECIPE,
  TAG_CONSTRAINTS,
  tagList,
  VERSION_NAME,
  validation,
  versionId,
} from "./helpers.js";
import { idempotencyOf, repeatsCreation } from "./idempotency.js";

const answer = (ctx: OperationContext, doc: PackageVersionDoc): CreatePackageVersionResponse => ({
  packageVersionArn: packageVersionArn(ctx, doc.packageName, doc.versionName),
  packageName: doc.packageName,
  versionName: doc.versionName,
  description: doc.description,
  attributes: doc.attributes,
  status: doc.status,
});

/**
 * PKG-2: a DRAFT version of an existing package (missing package -> 400, the model has no NotFound
 * here); duplicate -> 409 unless the call repeats the creating one (idempotency.ts); attributes
 * <= 3 KB; the artifact must exist in the sandbox S3.
 */
export const createPackageVersion = defineOperation<
  CreatePackageVersionRequest,
  CreatePackageVersionResponse
>({
  name: "CreatePackageVersion",
  validationError: "ValidationException",
  constraints: {
    packageName: PACKAGE_NAME,
    versionName: VERSION_NAME,
    description: DESCRIPTION,
    recipe: RECIPE,
    clientToken: CLIENT_TOKEN,
    ...TAG_CONSTRAINTS,
    ...ATTRIBUTE_CONSTRAINTS,
  },
  handler: (input, ctx) => {
    const name = input.packageName!;
    const version = input.versionName!;
    if (!packages(ctx).has(name)) throw validation(`Package ${name} does not exist`);
    const id = versionId(name, version);
    const existing = packageVersions(ctx).get(id);
    if (existing && repeatsCreation(existing.created, input)) return answer(ctx, existing);
    if (existing)
      throw new ServiceError(
        "ConflictException",
        `Package version ${id} already exists`,
        { resourceId: id },
        409,
      );
    const attributes = checkAttributes(input.attributes);
    checkArtifact(ctx, input.artifact);
    const now = ctx.clock.now().toISOString();
    const doc: PackageVersionDoc = {
      packageName: name,
      versionName: version,
      attributes,
      status: "DRAFT",
      creationDate: now,
      lastModifiedDate: now,
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.artifact ? { artifact: input.artifact } : {}),
      ...(input.recipe !== undefined ? { recipe: input.recipe } : {}),
    };
    const created = idempotencyOf(input);
    if (created) doc.created = created;
    packageVersions(ctx).put(id, doc);
    putTags(ctx, packageVersionArn(ctx, name, version), tagList(input.tags), "ValidationException");
    return answer(ctx, doc);
  },
});
