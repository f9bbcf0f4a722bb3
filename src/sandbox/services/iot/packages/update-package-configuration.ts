import type {
  UpdatePackageConfigurationRequest,
  UpdatePackageConfigurationResponse,
} from "@aws-sdk/client-iot";
import { findRoleByArn } from "../../iam/lookup.js";
import { defineOperation } from "../../types.js";
import { collection, KIND } from "../common.js";
import {
  CLIENT_TOKEN,
  PACKAGE_CONFIGURATION_ID,
  type PackageConfigurationDoc,
  validation,
} from "./helpers.js";
import { packageConfiguration } from "./lookup.js";

/**
 * PKG-5: stores `versionUpdateByJobsConfig`. Enabling needs a role (given now or stored before) that
 * exists in the sandbox IAM; disabling keeps the stored role.
 */
export const updatePackageConfiguration = defineOperation<
  UpdatePackageConfigurationRequest,
  UpdatePackageConfigurationResponse
>({
  name: "UpdatePackageConfiguration",
  validationError: "ValidationException",
  constraints: {
    clientToken: CLIENT_TOKEN,
    "versionUpdateByJobsConfig.roleArn": { min: 20, max: 2048, minMaxOf: "length" },
  },
  handler: (input, ctx) => {
    const current = packageConfiguration(ctx.store, ctx.scope.accountId, ctx.scope.region);
    const requested = input.versionUpdateByJobsConfig ?? {};
    const roleArn = requested.roleArn ?? current.roleArn;
    if (requested.roleArn !== undefined && !findRoleByArn(ctx.store, requested.roleArn))
      throw validation(`The role ${requested.roleArn} does not exist or cannot be used`);
    const enabled = requested.enabled ?? current.enabled;
    if (enabled && !roleArn) throw validation("A roleArn is required to enable versionUpdateByJobsConfig");
    const doc: PackageConfigurationDoc = { enabled, ...(roleArn ? { roleArn } : {}) };
    collection<PackageConfigurationDoc>(ctx, KIND.settings).put(PACKAGE_CONFIGURATION_ID, doc);
    return {};
  },
});
