/** The jobs' timers on the sandbox-clock scheduler (handlers: iot-jobs-data/timers.ts). */
import { timerKind } from "../../../scheduler.js";

/** A job by id and createdAt: one deleted and created again under the same id is another job. */
export interface JobRef {
  jobId: string;
  createdAt: number;
}

/** id = job id: a SCHEDULED job's start (JOB-4, schedule.ts). */
export const JOB_START = timerKind<JobRef>("iot.jobs.scheduledStart");
/** id = job id: a job's scheduled end (JOB-4, schedule.ts). */
export const JOB_END = timerKind<JobRef>("iot.jobs.scheduledEnd");
/** id = job id: the next batch of a rollout (JOB-5, rollout.ts). */
export const ROLLOUT_TICK = timerKind<{ jobId: string }>("iot.jobs.rollout");
/** id = job id: the end of a job's DELETION_IN_PROGRESS (JOB-10, delete-job.ts). */
export const JOB_PURGE = timerKind<JobRef>("iot.jobs.purge");
