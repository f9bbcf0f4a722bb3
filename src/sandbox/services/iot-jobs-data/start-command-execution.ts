/**
 * StartCommandExecution (CMD-5): the jobs data plane starts a command on a thing or an MQTT client,
 * stores the execution (CREATED), sets its timeout and expiry on the sandbox clock, and publishes
 * the command's payload bytes to the target's request topic (CMD-10); the broker delivers it once
 * this transaction commits, to current subscribers only (commands are not queued).
 */
import { randomUUID } from "node:crypto";
import type {
  StartCommandExecutionRequest,
  StartCommandExecutionResponse,
} from "@aws-sdk/client-iot-jobs-data-plane";
import type { CommandParameterValue } from "@aws-sdk/client-iot";
import type { Constraint } from "../../protocol/validate.js";
import { collection, KIND, scopeKey } from "../iot/common.js";
import {
  atLeastOne,
  clientToken,
  parameterName,
  parameterValueConstraints,
  targetArn,
} from "../iot/commands/constraints.js";
import { emitStatusEvent } from "../iot/commands/executions.js";
import {
  clientTokens,
  commandIdOfArn,
  conflict,
  type ExecutionDoc,
  executions,
  executionTopic,
  notFound,
  requireCommand,
  targetOfArn,
  topicFormat,
  validation,
} from "../iot/commands/model.js";
import { EXECUTION_EXPIRY, EXECUTION_TIMEOUT } from "../iot/commands/timer-kinds.js";
import { defineOperation, type OperationContext } from "../types.js";

/** Emulator choice (CMD-5): AWS documents 10 seconds as the default timeout. */
export const DEFAULT_EXECUTION_TIMEOUT_SECONDS = 10;
/** AWS IoT Commands: an execution times out at most 12 hours after it starts. */
export const MAX_EXECUTION_TIMEOUT_SECONDS = 12 * 60 * 60;
/** CMD-13: executions are kept for six months unless deleted. */
const TIME_TO_LIVE_MONTHS = 6;

const constraints: Record<string, Constraint> = {
  targetArn,
  parameters: atLeastOne,
  "parameters{}": parameterName,
  ...parameterValueConstraints("parameters{}="),
  // The model bounds only the minimum (the table says what the model says); the maximum is checked in the handler.
  executionTimeoutSeconds: { min: 1, minMaxOf: "value" },
  clientToken,
};

export const startCommandExecution = defineOperation<
  StartCommandExecutionRequest,
  StartCommandExecutionResponse
>({
  name: "StartCommandExecution",
  validationError: "ValidationException",
  constraints,
  handler: (input, ctx) => {
    const target = targetOfArn(ctx, input.targetArn!);
    if (!target)
      throw validation(
        `targetArn must be the ARN of a thing or of an MQTT client of this account and region: '${input.targetArn}'`,
      );
    if (target.kind === "things" && !collection(ctx, KIND.thing).has(target.name))
      throw notFound(`Thing ${target.name} does not exist.`);
    const commandId = commandIdOfArn(ctx, input.commandArn!);
    if (commandId === undefined) throw validation(`commandArn is not a command ARN: '${input.commandArn}'`);
    const command = requireCommand(ctx, commandId);
    if (command.pendingDeletion) throw validation(`Command ${commandId} is pending deletion.`);
    if (command.deprecated) throw validation(`Command ${commandId} is deprecated and cannot be executed.`);
    if (input.parameters !== undefined && command.namespace === "AWS-IoT")
      throw validation("parameters are only supported for commands in the AWS-IoT-FleetWise namespace.");
    const timeout = input.executionTimeoutSeconds ?? DEFAULT_EXECUTION_TIMEOUT_SECONDS;
    if (timeout > MAX_EXECUTION_TIMEOUT_SECONDS)
      throw validation(`executionTimeoutSeconds must be at most ${MAX_EXECUTION_TIMEOUT_SECONDS}.`);

    const request = JSON.stringify([input.targetArn, input.commandArn, input.parameters ?? null, timeout]);
    if (input.clientToken !== undefined) {
      const earlier = clientTokens(ctx).get(input.clientToken);
      if (earlier && executions(ctx).has(earlier.executionId)) {
        if (earlier.request !== request)
          throw conflict(
            `clientToken ${input.clientToken} was used with other parameters.`,
            earlier.executionId,
          );
        return { executionId: earlier.executionId };
      }
    }

    const now = ctx.clock.nowMs();
    const doc: ExecutionDoc = {
      executionId: randomUUID(),
      commandId,
      commandArn: input.commandArn!,
      targetArn: input.targetArn!,
      status: "CREATED",
      executionTimeoutSeconds: timeout,
      createdAt: now,
      lastUpdatedAt: now,
      timeToLive: addMonths(now, TIME_TO_LIVE_MONTHS),
    };
    if (input.parameters !== undefined)
      doc.parameters = input.parameters as Record<string, CommandParameterValue>;
    if (input.clientToken !== undefined) {
      doc.clientToken = input.clientToken;
      clientTokens(ctx).put(input.clientToken, { executionId: doc.executionId, request });
    }
    executions(ctx).put(doc.executionId, doc);
    const ref = { executionId: doc.executionId };
    ctx.scheduler.at(ctx.scope, EXECUTION_TIMEOUT, doc.executionId, now + timeout * 1000, ref);
    ctx.scheduler.at(ctx.scope, EXECUTION_EXPIRY, doc.executionId, doc.timeToLive, ref);
    emitStatusEvent(ctx, doc);
    if (command.payload) publishRequest(ctx, doc, command.payload);
    return { executionId: doc.executionId };
  },
});

/** CMD-10: exactly the payload bytes, on `…/request/<json|cbor>` or `…/request`. */
function publishRequest(
  ctx: OperationContext,
  doc: ExecutionDoc,
  payload: { content: string; contentType?: string },
): void {
  const target = targetOfArn(ctx, doc.targetArn)!;
  const format = topicFormat(payload.contentType);
  ctx.events.emit({
    type: "mqtt.publish",
    scope: scopeKey(ctx),
    topic: `${executionTopic(target, doc.executionId)}/request${format ? `/${format}` : ""}`,
    payload: Buffer.from(payload.content, "base64"),
    qos: 1,
    retain: false,
    ...(payload.contentType !== undefined ? { contentType: payload.contentType } : {}),
  });
}

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}
