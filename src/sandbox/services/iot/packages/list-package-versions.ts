import type { ListPackageVersionsRequest, ListPackageVersionsResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { decodeToken, page } from "../common.js";
import { MAX_RESULTS, PACKAGE_NAME, packageVersions, STATUS } from "./helpers.js";

/** Emulator choice: AWS does not document the default page size; the maximum keeps single calls complete. */
const DEFAULT_PAGE = 100;

/** PKG-4: the package's versions in name order, optionally of one status. */
export const listPackageVersions = defineOperation<ListPackageVersionsRequest, ListPackageVersionsResponse>({
  name: "ListPackageVersions",
  validationError: "ValidationException",
  constraints: { packageName: PACKAGE_NAME, status: STATUS, maxResults: MAX_RESULTS },
  handler: (input, ctx) => {
    const name = input.packageName!;
    const after = decodeToken(input.nextToken, "ValidationException");
    const max = input.maxResults ?? DEFAULT_PAGE;
    const matching = [];
    for (const entry of packageVersions(ctx).list({ prefix: `${name}/`, after })) {
      if (input.status !== undefined && entry.doc.status !== input.status) continue;
      matching.push(entry);
      if (matching.length > max) break;
    }
    const { items, nextToken } = page(matching, max);
    return {
      packageVersionSummaries: items.map(({ doc }) => ({
        packageName: doc.packageName,
        versionName: doc.versionName,
        status: doc.status,
        creationDate: new Date(doc.creationDate),
        lastModifiedDate: new Date(doc.lastModifiedDate),
      })),
      nextToken,
    };
  },
});
