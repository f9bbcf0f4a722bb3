import type { ListPackagesRequest, ListPackagesResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { decodeToken, page } from "../common.js";
import { MAX_RESULTS, packages } from "./helpers.js";

/** Emulator choice: AWS does not document the default page size; the maximum keeps single calls complete. */
const DEFAULT_PAGE = 100;

/** PKG-1: summaries in name order, without ARNs. */
export const listPackages = defineOperation<ListPackagesRequest, ListPackagesResponse>({
  name: "ListPackages",
  validationError: "ValidationException",
  constraints: { maxResults: MAX_RESULTS },
  handler: (input, ctx) => {
    const after = decodeToken(input.nextToken, "ValidationException");
    const max = input.maxResults ?? DEFAULT_PAGE;
    const { items, nextToken } = page(packages(ctx).list({ after, limit: max + 1 }), max);
    return {
      packageSummaries: items.map(({ doc }) => ({
        packageName: doc.packageName,
        defaultVersionName: doc.defaultVersionName,
        creationDate: new Date(doc.creationDate),
        lastModifiedDate: new Date(doc.lastModifiedDate),
      })),
      nextToken,
    };
  },
});
