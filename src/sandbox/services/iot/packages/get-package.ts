import type { GetPackageRequest, GetPackageResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { PACKAGE_NAME, packageArn, requirePackage } from "./helpers.js";

/** PKG-1: the package with its ARN (the workshop reads the ARN here, not from ListPackages). */
export const getPackage = defineOperation<GetPackageRequest, GetPackageResponse>({
  name: "GetPackage",
  validationError: "ValidationException",
  constraints: { packageName: PACKAGE_NAME },
  handler: (input, ctx) => {
    const doc = requirePackage(ctx, input.packageName!);
    return {
      packageName: doc.packageName,
      packageArn: packageArn(ctx, doc.packageName),
      description: doc.description,
      defaultVersionName: doc.defaultVersionName,
      creationDate: new Date(doc.creationDate),
      lastModifiedDate: new Date(doc.lastModifiedDate),
    };
  },
});
