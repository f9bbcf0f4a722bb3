import type { GetPackageConfigurationRequest, GetPackageConfigurationResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { packageConfiguration } from "./lookup.js";

/** PKG-5: `{"versionUpdateByJobsConfig":{"enabled":false}}` until configured. */
export const getPackageConfiguration = defineOperation<
  GetPackageConfigurationRequest,
  GetPackageConfigurationResponse
>({
  name: "GetPackageConfiguration",
  validationError: "ValidationException",
  handler: (_input, ctx) => {
    const config = packageConfiguration(ctx.store, ctx.scope.accountId, ctx.scope.region);
    return { versionUpdateByJobsConfig: { enabled: config.enabled, roleArn: config.roleArn } };
  },
});
