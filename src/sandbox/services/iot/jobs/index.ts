import type { OperationDefinition } from "../../types.js";
import { associateTargetsWithJob } from "./associate-targets-with-job.js";
import { cancelJob } from "./cancel-job.js";
import { cancelJobExecution } from "./cancel-job-execution.js";
import { createJob } from "./create-job.js";
import { createJobTemplate } from "./create-job-template.js";
import { deleteJob } from "./delete-job.js";
import { deleteJobExecution } from "./delete-job-execution.js";
import { deleteJobTemplate } from "./delete-job-template.js";
import { describeJob } from "./describe-job.js";
import { describeJobExecution } from "./describe-job-execution.js";
import { describeJobTemplate } from "./describe-job-template.js";
import { getJobDocument } from "./get-job-document.js";
import { listJobExecutionsForJob } from "./list-job-executions-for-job.js";
import { listJobExecutionsForThing } from "./list-job-executions-for-thing.js";
import { listJobs } from "./list-jobs.js";
import { listJobTemplates } from "./list-job-templates.js";
import { updateJob } from "./update-job.js";

export { startJobs } from "./continuous.js";

export const jobsOperations: OperationDefinition[] = [
  createJob,
  describeJob,
  listJobs,
  updateJob,
  cancelJob,
  deleteJob,
  getJobDocument,
  associateTargetsWithJob,
  listJobExecutionsForJob,
  listJobExecutionsForThing,
  describeJobExecution,
  cancelJobExecution,
  deleteJobExecution,
  createJobTemplate,
  describeJobTemplate,
  listJobTemplates,
  deleteJobTemplate,
];
