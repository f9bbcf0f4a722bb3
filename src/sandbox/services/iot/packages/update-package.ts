import type { UpdatePackageRequest, UpdatePackageResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import {
  CLIENT_TOKEN,
  DESCRIPTION,
  PACKAGE_NAME,
  packages,
  requirePackage,
  requireVersion,
  VERSION_NAME,
  validation,
} from "./helpers.js";

/**
 * PKG-1: description and default version. `defaultVersionName` with `unsetDefaultVersion` -> 400;
 * the default must be PUBLISHED or DEPRECATED (a missing version is 404, emulator choice).
 */
export const updatePackage = defineOperation<UpdatePackageRequest, UpdatePackageResponse>({
  name: "UpdatePackage",
  validationError: "ValidationException",
  constraints: {
    packageName: PACKAGE_NAME,
    description: DESCRIPTION,
    defaultVersionName: VERSION_NAME,
    clientToken: CLIENT_TOKEN,
  },
  handler: (input, ctx) => {
    const doc = requirePackage(ctx, input.packageName!);
    if (input.defaultVersionName !== undefined && input.unsetDefaultVersion)
      throw validation("defaultVersionName and unsetDefaultVersion cannot be used together");
    if (input.defaultVersionName !== undefined) {
      const version = requireVersion(ctx, doc.packageName, input.defaultVersionName);
      if (version.status === "DRAFT")
        throw validation(
          `Package version ${input.defaultVersionName} must be PUBLISHED or DEPRECATED to be the default`,
        );
      doc.defaultVersionName = version.versionName;
    }
    if (input.unsetDefaultVersion) delete doc.defaultVersionName;
    if (input.description !== undefined) doc.description = input.description;
    doc.lastModifiedDate = ctx.clock.now().toISOString();
    packages(ctx).put(doc.packageName, doc);
    return {};
  },
});
