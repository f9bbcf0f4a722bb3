import type {
  PackageVersionAction,
  PackageVersionStatus,
  UpdatePackageVersionRequest,
  UpdatePackageVersionResponse,
} from "@aws-sdk/client-iot";
import { oneOf } from "../../../protocol/validate.js";
import { defineOperation } from "../../types.js";
import {
  ATTRIBUTE_CONSTRAINTS,
  CLIENT_TOKEN,
  checkArtifact,
  checkAttributes,
  DESCRIPTION,
  PACKAGE_NAME,
  packageVersions,
  RECIPE,
  requireVersion,
  VERSION_NAME,
  validation,
  versionId,
} from "./helpers.js";

/** PKG-3: the transitions each action allows; applying the current state again is a no-op. */
const TRANSITIONS: Record<PackageVersionAction, { to: PackageVersionStatus; from: PackageVersionStatus[] }> =
  {
    PUBLISH: { to: "PUBLISHED", from: ["DRAFT", "DEPRECATED", "PUBLISHED"] },
    DEPRECATE: { to: "DEPRECATED", from: ["PUBLISHED", "DEPRECATED"] },
  };

/**
 * PKG-3: lifecycle DRAFT -> PUBLISHED <-> DEPRECATED by `action`; attributes and artifact change
 * only while DRAFT; description and recipe in any state.
 */
export const updatePackageVersion = defineOperation<
  UpdatePackageVersionRequest,
  UpdatePackageVersionResponse
>({
  name: "UpdatePackageVersion",
  validationError: "ValidationException",
  constraints: {
    packageName: PACKAGE_NAME,
    versionName: VERSION_NAME,
    description: DESCRIPTION,
    action: oneOf("PUBLISH", "DEPRECATE"),
    recipe: RECIPE,
    clientToken: CLIENT_TOKEN,
    ...ATTRIBUTE_CONSTRAINTS,
  },
  handler: (input, ctx) => {
    const doc = requireVersion(ctx, input.packageName!, input.versionName!);
    if ((input.attributes !== undefined || input.artifact !== undefined) && doc.status !== "DRAFT")
      throw validation(`The attributes and artifact of a ${doc.status} package version cannot be changed`);
    if (input.attributes !== undefined) doc.attributes = checkAttributes(input.attributes);
    if (input.artifact !== undefined) {
      checkArtifact(ctx, input.artifact);
      doc.artifact = input.artifact;
    }
    if (input.description !== undefined) doc.description = input.description;
    if (input.recipe !== undefined) doc.recipe = input.recipe;
    if (input.action !== undefined) {
      const transition = TRANSITIONS[input.action as PackageVersionAction];
      if (!transition.from.includes(doc.status))
        throw validation(`A ${doc.status} package version cannot be changed with action ${input.action}`);
      doc.status = transition.to;
    }
    doc.lastModifiedDate = ctx.clock.now().toISOString();
    packageVersions(ctx).put(versionId(doc.packageName, doc.versionName), doc);
    return {};
  },
});
