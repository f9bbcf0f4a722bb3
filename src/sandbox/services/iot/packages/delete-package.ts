import type { DeletePackageRequest, DeletePackageResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { deleteTags } from "../common.js";
import { CLIENT_TOKEN, PACKAGE_NAME, packageArn, packages, validation, versionsOf } from "./helpers.js";

/** PKG-1: unknown package -> 200; a package that still has versions -> 400 ValidationException. */
export const deletePackage = defineOperation<DeletePackageRequest, DeletePackageResponse>({
  name: "DeletePackage",
  validationError: "ValidationException",
  constraints: { packageName: PACKAGE_NAME, clientToken: CLIENT_TOKEN },
  handler: (input, ctx) => {
    const name = input.packageName!;
    if (!packages(ctx).has(name)) return {};
    if (versionsOf(ctx, name).length > 0)
      throw validation(`Package ${name} has versions; delete all its versions before deleting the package`);
    packages(ctx).delete(name);
    deleteTags(ctx, packageArn(ctx, name));
    return {};
  },
});
