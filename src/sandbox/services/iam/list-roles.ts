import type { ListRolesRequest, ListRolesResponse } from "@aws-sdk/client-iam";
import { len } from "../../protocol/validate.js";
import { defineOperation } from "../types.js";
import { C, iamPage, roleOutput, roles } from "./helpers.js";

/** Roles in name order (case-insensitive), filtered by path prefix, Marker/MaxItems paging. */
export const listRoles = defineOperation<ListRolesRequest, ListRolesResponse>({
  name: "ListRoles",
  constraints: {
    PathPrefix: len(1, 512, "^\\u002F[\\u0021-\\u007F]*$"),
    Marker: C.marker,
    MaxItems: C.maxItems,
  },
  handler: (input, ctx) => {
    const prefix = input.PathPrefix ?? "/";
    const matching = roles(ctx)
      .list()
      .filter(({ doc }) => doc.Path.startsWith(prefix));
    const page = iamPage(matching, (r) => r.id, input.Marker, input.MaxItems);
    return {
      Roles: page.items.map(({ doc }) => roleOutput(doc, "list")),
      IsTruncated: page.IsTruncated,
      Marker: page.Marker,
    };
  },
});
