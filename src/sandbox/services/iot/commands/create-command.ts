import type { CreateCommandRequest, CreateCommandResponse } from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import { putTags } from "../common.js";
import { tagListConstraints } from "../registry/constraints.js";
import {
  commandId,
  description,
  displayName,
  namespace,
  parameterListConstraints,
  roleArn,
} from "./constraints.js";
import { type CommandDoc, commandArn, commands, conflict, validation } from "./model.js";

/** AWS IoT Commands quota: a command's payload is at most 32 KB. */
export const MAX_PAYLOAD_BYTES = 32 * 1024;

/**
 * CMD-1: AWS-IoT (the default) needs a payload and takes no mandatoryParameters or roleArn;
 * AWS-IoT-FleetWise needs a roleArn. An existing id, pending deletion or not → 409.
 */
export const createCommand = defineOperation<CreateCommandRequest, CreateCommandResponse>({
  name: "CreateCommand",
  validationError: "ValidationException",
  constraints: {
    commandId,
    namespace,
    displayName,
    description,
    "payload.contentType": { min: 1, minMaxOf: "length" },
    ...parameterListConstraints("mandatoryParameters"),
    roleArn,
    ...tagListConstraints("tags"),
  },
  handler: (input, ctx) => {
    const id = input.commandId!;
    const ns = input.namespace ?? "AWS-IoT";
    if (ns === "AWS-IoT") {
      if (input.payload?.content === undefined)
        throw validation("A payload with content is required for commands in the AWS-IoT namespace.");
      if (input.mandatoryParameters !== undefined)
        throw validation("mandatoryParameters are only supported in the AWS-IoT-FleetWise namespace.");
      if (input.roleArn !== undefined)
        throw validation("roleArn is only supported in the AWS-IoT-FleetWise namespace.");
    } else if (input.roleArn === undefined)
      throw validation("roleArn is required for commands in the AWS-IoT-FleetWise namespace.");
    const content = input.payload?.content;
    if (content !== undefined && content.byteLength > MAX_PAYLOAD_BYTES)
      throw validation(`The command payload must be at most ${MAX_PAYLOAD_BYTES} bytes.`);
    if (commands(ctx).has(id)) throw conflict(`Command ${id} already exists.`, id);
    const now = ctx.clock.nowMs();
    const doc: CommandDoc = {
      commandId: id,
      namespace: ns,
      createdAt: now,
      lastUpdatedAt: now,
      deprecated: false,
      pendingDeletion: false,
    };
    if (input.displayName !== undefined) doc.displayName = input.displayName;
    if (input.description !== undefined) doc.description = input.description;
    if (content !== undefined)
      doc.payload = {
        content: Buffer.from(content).toString("base64"),
        ...(input.payload?.contentType !== undefined ? { contentType: input.payload.contentType } : {}),
      };
    if (input.mandatoryParameters !== undefined) doc.mandatoryParameters = input.mandatoryParameters;
    if (input.roleArn !== undefined) doc.roleArn = input.roleArn;
    putTags(ctx, commandArn(ctx, id), input.tags, "ValidationException");
    commands(ctx).put(id, doc);
    return { commandId: id, commandArn: commandArn(ctx, id) };
  },
});
