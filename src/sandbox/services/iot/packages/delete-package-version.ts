import type { DeletePackageVersionRequest, DeletePackageVersionResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { deleteTags } from "../common.js";
import {
  CLIENT_TOKEN,
  PACKAGE_NAME,
  packages,
  packageVersionArn,
  packageVersions,
  VERSION_NAME,
  validation,
  versionId,
} from "./helpers.js";

/** PKG-4: unknown version -> 200; the package's default version -> 400 ValidationException. */
export const deletePackageVersion = defineOperation<
  DeletePackageVersionRequest,
  DeletePackageVersionResponse
>({
  name: "DeletePackageVersion",
  validationError: "ValidationException",
  constraints: { packageName: PACKAGE_NAME, versionName: VERSION_NAME, clientToken: CLIENT_TOKEN },
  handler: (input, ctx) => {
    const name = input.packageName!;
    const version = input.versionName!;
    const id = versionId(name, version);
    if (!packageVersions(ctx).has(id)) return {};
    if (packages(ctx).get(name)?.defaultVersionName === version)
      throw validation(`Package version ${version} is the default version of ${name} and cannot be deleted`);
    packageVersions(ctx).delete(id);
    deleteTags(ctx, packageVersionArn(ctx, name, version));
    return {};
  },
});
