import type { OperationDefinition } from "../../types.js";
import { createPackage } from "./create-package.js";
import { createPackageVersion } from "./create-package-version.js";
import { deletePackage } from "./delete-package.js";
import { deletePackageVersion } from "./delete-package-version.js";
import { getPackage } from "./get-package.js";
import { getPackageConfiguration } from "./get-package-configuration.js";
import { getPackageVersion } from "./get-package-version.js";
import { listPackageVersions } from "./list-package-versions.js";
import { listPackages } from "./list-packages.js";
import { updatePackage } from "./update-package.js";
import { updatePackageConfiguration } from "./update-package-configuration.js";
import { updatePackageVersion } from "./update-package-version.js";

export const packagesOperations: OperationDefinition[] = [
  createPackage,
  getPackage,
  listPackages,
  updatePackage,
  deletePackage,
  createPackageVersion,
  getPackageVersion,
  listPackageVersions,
  updatePackageVersion,
  deletePackageVersion,
  getPackageConfiguration,
  updatePackageConfiguration,
];
