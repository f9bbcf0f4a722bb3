/**
 * Step 1, IoT Core logging: a role IoT can assume to write CloudWatch Logs, then the account's
 * v2 logging options at INFO. SetV2LoggingOptions answers "unable to assume role" while a new
 * role propagates through IAM on AWS; that answer is retried, any other is a failure.
 */
import { SetV2LoggingOptionsCommand } from "@aws-sdk/client-iot";
import type { StepContext } from "./context.js";
import { describeError, errorMessage } from "../errors.js";
import { attemptsOf, retryWhilePropagating } from "./propagation.js";
import type { LoggingResult } from "./report.js";
import { ensureRoles, loggingRole } from "./roles.js";

const LOG_LEVEL = "INFO";

export async function provisionLogging(ctx: StepContext): Promise<LoggingResult> {
  const { session, io } = ctx;
  const { region, accountId } = session;
  await io.learn("provision.learn.logging");
  io.say("step", "provision.step.logging");
  const [role] = await ensureRoles(ctx, [loggingRole(region, accountId)]);
  if (role.outcome === "failed" || !role.arn)
    return { role, enabled: false, logLevel: LOG_LEVEL, attempts: 0, error: role.error };
  const roleArn = role.arn;
  try {
    const { attempts } = await retryWhilePropagating(
      session,
      io,
      () => session.clients.iot.send(new SetV2LoggingOptionsCommand({ roleArn, defaultLogLevel: LOG_LEVEL })),
      (e) => /unable to assume role/i.test(errorMessage(e)),
    );
    io.say("success", "provision.logging.enabled", { level: LOG_LEVEL });
    return { role, enabled: true, logLevel: LOG_LEVEL, attempts };
  } catch (e) {
    const error = describeError(e);
    io.say("error", "provision.logging.failed", { error });
    return { role, enabled: false, logLevel: LOG_LEVEL, attempts: attemptsOf(e), error };
  }
}
