import type { DeleteJobTemplateRequest } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { deleteTags } from "../common.js";
import { jobTemplateId } from "./constraints.js";
import { jobTemplateArn, jobTemplates, requireJobTemplate } from "./templates.js";

/** Unknown → 404 (the model lists it); jobs created from the template keep their copy. */
export const deleteJobTemplate = defineOperation<DeleteJobTemplateRequest, object>({
  name: "DeleteJobTemplate",
  constraints: { jobTemplateId },
  handler: (input, ctx) => {
    const doc = requireJobTemplate(ctx, input.jobTemplateId!);
    jobTemplates(ctx).delete(doc.jobTemplateId);
    deleteTags(ctx, jobTemplateArn(ctx, doc.jobTemplateId));
    return {};
  },
});
