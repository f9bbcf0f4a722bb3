/** Job templates (CreateJobTemplate ...): stored documents and how CreateJob reads one. */
import type { MaintenanceWindow } from "@aws-sdk/client-iot";
import type { Collection } from "../../../storage/store.js";
import type { OperationContext } from "../../types.js";
import { collection, iotArn, KIND, notFound, parseIotArn } from "../common.js";
import type { JobConfigs } from "./model.js";

/** KIND.jobTemplate, id = jobTemplateId. */
export interface JobTemplateDoc extends JobConfigs {
  jobTemplateId: string;
  description: string;
  /** The document text (read from S3 at creation when `documentSource` was given). */
  document: string;
  documentSource?: string;
  maintenanceWindows?: MaintenanceWindow[];
  destinationPackageVersions?: string[];
  /** epoch ms */
  createdAt: number;
}

export const jobTemplates = (ctx: OperationContext): Collection<JobTemplateDoc> =>
  collection<JobTemplateDoc>(ctx, KIND.jobTemplate);

export const jobTemplateArn = (ctx: OperationContext, id: string): string => iotArn(ctx, `jobtemplate/${id}`);

export function requireJobTemplate(ctx: OperationContext, id: string): JobTemplateDoc {
  const doc = jobTemplates(ctx).get(id);
  if (!doc) throw notFound(`Job template ${id} cannot be found.`);
  return doc;
}

/** CreateJob's `jobTemplateArn`: a template of this account and region that exists (404). */
export function templateByArn(ctx: OperationContext, arn: string): JobTemplateDoc {
  const parsed = parseIotArn(ctx, arn);
  if (parsed?.type !== "jobtemplate" || parsed.id.includes("/"))
    throw notFound(`Job template ${arn} cannot be found.`);
  return requireJobTemplate(ctx, parsed.id);
}
