import type { ListJobTemplatesRequest, ListJobTemplatesResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { pageOfCollection } from "../registry/listing.js";
import { maxResults } from "./constraints.js";
import { jobTemplateArn, jobTemplates } from "./templates.js";

/** Templates in id order (emulator choice). */
export const listJobTemplates = defineOperation<ListJobTemplatesRequest, ListJobTemplatesResponse>({
  name: "ListJobTemplates",
  constraints: { maxResults },
  handler: (input, ctx) => {
    const p = pageOfCollection(jobTemplates(ctx), input.nextToken, input.maxResults);
    return {
      jobTemplates: p.items.map(({ doc }) => ({
        jobTemplateArn: jobTemplateArn(ctx, doc.jobTemplateId),
        jobTemplateId: doc.jobTemplateId,
        description: doc.description,
        createdAt: new Date(doc.createdAt),
      })),
      nextToken: p.nextToken,
    };
  },
});
