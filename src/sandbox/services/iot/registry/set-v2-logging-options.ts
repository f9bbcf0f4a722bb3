import type { SetV2LoggingOptionsRequest } from "@aws-sdk/client-iot";
import { oneOf } from "../../../protocol/validate.js";
import { findRoleByArn, roleTrusts } from "../../iam/lookup.js";
import { defineOperation, type OperationContext } from "../../types.js";
import { collection, invalidRequest, KIND } from "../common.js";

/** KIND.settings id `logging` (LOG-1). */
export interface LoggingOptionsDoc {
  roleArn?: string;
  defaultLogLevel?: "DEBUG" | "INFO" | "ERROR" | "WARN" | "DISABLED";
  disableAllLogs: boolean;
}

export const loggingOptions = (ctx: OperationContext) => collection<LoggingOptionsDoc>(ctx, KIND.settings);

/**
 * LOG-1 / IAM-8: IoT assumes the role when it stores the options, so the role must exist and
 * trust iot.amazonaws.com; the message carries "unable to assume role", which clients retry on
 * while IAM changes propagate on AWS. Omitted members keep their stored values.
 */
export const setV2LoggingOptions = defineOperation<SetV2LoggingOptionsRequest, Record<string, never>>({
  name: "SetV2LoggingOptions",
  constraints: { defaultLogLevel: oneOf("DEBUG", "INFO", "ERROR", "WARN", "DISABLED") },
  handler: (input, ctx) => {
    if (input.roleArn !== undefined) {
      const role = findRoleByArn(ctx.store, input.roleArn);
      if (!role || !roleTrusts(role, "iot.amazonaws.com"))
        throw invalidRequest(
          `IoT is unable to assume role ${input.roleArn}: the role must exist and trust iot.amazonaws.com.`,
        );
    }
    const current = loggingOptions(ctx).get("logging");
    loggingOptions(ctx).put("logging", {
      roleArn: input.roleArn ?? current?.roleArn,
      defaultLogLevel: input.defaultLogLevel ?? current?.defaultLogLevel,
      disableAllLogs: input.disableAllLogs ?? false,
    });
    return {};
  },
});
