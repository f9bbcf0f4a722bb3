import type { DescribeJobTemplateRequest, DescribeJobTemplateResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { jobTemplateId } from "./constraints.js";
import { jobTemplateArn, requireJobTemplate } from "./templates.js";

export const describeJobTemplate = defineOperation<DescribeJobTemplateRequest, DescribeJobTemplateResponse>({
  name: "DescribeJobTemplate",
  constraints: { jobTemplateId },
  handler: (input, ctx) => {
    const { createdAt, ...doc } = requireJobTemplate(ctx, input.jobTemplateId!);
    return { ...doc, jobTemplateArn: jobTemplateArn(ctx, doc.jobTemplateId), createdAt: new Date(createdAt) };
  },
});
