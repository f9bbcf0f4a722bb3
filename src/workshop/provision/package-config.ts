/**
 * Step 8, package configuration: when a job installs a package version, IoT updates the
 * device's `$package` shadow itself, through the package configuration role.
 */
import { UpdatePackageConfigurationCommand } from "@aws-sdk/client-iot";
import type { AwsSession } from "../../aws/session.js";
import type { WorkshopIo } from "../io.js";
import type { StepContext } from "./context.js";
import { describeError, errorMessage, hasCode } from "../errors.js";
import { retryWhilePropagating } from "./propagation.js";
import type { ProvisionReport, ResourceResult } from "./report.js";

/** Turns version updates by jobs on with this role, retried while IAM propagates a new role. */
export async function enableVersionUpdates(
  session: AwsSession,
  io: WorkshopIo,
  roleArn: string,
): Promise<void> {
  await retryWhilePropagating(
    session,
    io,
    () =>
      session.clients.iot.send(
        new UpdatePackageConfigurationCommand({ versionUpdateByJobsConfig: { enabled: true, roleArn } }),
      ),
    (e) => hasCode(e, "ValidationException", "InvalidRequestException") && /role/i.test(errorMessage(e)),
  );
}

export async function provisionPackageConfiguration(
  ctx: StepContext,
  role: ResourceResult,
): Promise<ProvisionReport["packageConfiguration"]> {
  const { session, io } = ctx;
  await io.learn("provision.learn.packageConfiguration");
  io.say("step", "provision.step.packageConfiguration");
  const roleArn = role.arn;
  if (role.outcome === "failed" || !roleArn) {
    const error = role.error ?? "no role";
    io.say("error", "provision.packageConfiguration.failed", { error });
    return { ok: false, enabled: false, error };
  }
  try {
    await enableVersionUpdates(session, io, roleArn);
    io.say("success", "provision.packageConfiguration.enabled", { role: role.name });
    return { ok: true, enabled: true, roleArn };
  } catch (e) {
    const error = describeError(e);
    io.say("error", "provision.packageConfiguration.failed", { error });
    return { ok: false, enabled: false, roleArn, error };
  }
}
