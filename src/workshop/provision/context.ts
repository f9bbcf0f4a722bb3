/** What every provisioning step receives. */
import type { AwsSession } from "../../aws/session.js";
import type { WorkshopIo } from "../io.js";
import type { ProvisionPlan } from "./plan.js";
import type { Tagger } from "./tagging.js";

export interface StepContext {
  session: AwsSession;
  io: WorkshopIo;
  plan: ProvisionPlan;
  tagger: Tagger;
}
