import type { ListCommandsRequest, ListCommandsResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { maxResults, namespace, parameterName, sortOrder } from "./constraints.js";
import { commands } from "./model.js";
import { allOf, sortedPage } from "./sorted-page.js";
import { commandSummary } from "./views.js";

/** The model's documented default page size. */
const DEFAULT_MAX_RESULTS = 25;

/** CMD-2: by createdAt, DESCENDING unless asked; filters by namespace and by a mandatory parameter's name. */
export const listCommands = defineOperation<ListCommandsRequest, ListCommandsResponse>({
  name: "ListCommands",
  validationError: "ValidationException",
  constraints: { maxResults, namespace, commandParameterName: parameterName, sortOrder },
  handler: (input, ctx) => {
    const c = commands(ctx);
    const matching = allOf((o) => c.list(o)).filter(
      (doc) =>
        (input.namespace === undefined || doc.namespace === input.namespace) &&
        (input.commandParameterName === undefined ||
          (doc.mandatoryParameters ?? []).some((p) => p.name === input.commandParameterName)),
    );
    const p = sortedPage(
      matching.map((doc) => ({ time: doc.createdAt, id: doc.commandId, doc })),
      input.sortOrder ?? "DESCENDING",
      input.nextToken,
      input.maxResults ?? DEFAULT_MAX_RESULTS,
    );
    return { commands: p.items.map((i) => commandSummary(ctx, i.doc)), nextToken: p.nextToken };
  },
});
