import type { GetPackageVersionRequest, GetPackageVersionResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { PACKAGE_NAME, packageVersionArn, requireVersion, VERSION_NAME } from "./helpers.js";

/** PKG-4: the version with its artifact, recipe, status and dates. */
export const getPackageVersion = defineOperation<GetPackageVersionRequest, GetPackageVersionResponse>({
  name: "GetPackageVersion",
  validationError: "ValidationException",
  constraints: { packageName: PACKAGE_NAME, versionName: VERSION_NAME },
  handler: (input, ctx) => {
    const doc = requireVersion(ctx, input.packageName!, input.versionName!);
    return {
      packageVersionArn: packageVersionArn(ctx, doc.packageName, doc.versionName),
      packageName: doc.packageName,
      versionName: doc.versionName,
      description: doc.description,
      attributes: doc.attributes,
      artifact: doc.artifact,
      status: doc.status,
      creationDate: new Date(doc.creationDate),
      lastModifiedDate: new Date(doc.lastModifiedDate),
      recipe: doc.recipe,
    };
  },
});
