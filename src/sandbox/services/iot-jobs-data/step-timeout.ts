/** JOB-23: the step timeout a device may set with StartNext (1..10080 minutes) or Update (also -1: cancel). */
import { invalidRequest } from "../iot/common.js";
import { range } from "../../protocol/validate.js";

/** Up to 7 days; the -1 of UpdateJobExecution and the refusal of 0 are checked by checkStepTimeout. */
export const STEP_TIMEOUT = range(-1, 10080);

export function checkStepTimeout(minutes: number | undefined, cancelAllowed: boolean): void {
  if (minutes === undefined || minutes >= 1 || (cancelAllowed && minutes === -1)) return;
  throw invalidRequest(
    `stepTimeoutInMinutes must be from 1 to 10080${cancelAllowed ? ", or -1 to cancel the step timer" : ""}; got ${minutes}.`,
  );
}
