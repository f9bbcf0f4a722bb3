/**
 * AWS IoT commands: identified by the workshop tag (iotdm gives commands no fixed names).
 * DeleteCommand schedules the deletion; a command already pending deletion is left to it. A
 * command's finished executions go with it (CMD-13: those still running cannot be deleted, and
 * expire on their own).
 */
import {
  DeleteCommandCommand,
  DeleteCommandExecutionCommand,
  ListCommandExecutionsCommand,
  ListCommandsCommand,
} from "@aws-sdk/client-iot";
import { allPages, mapLimit } from "../../aws/parallel.js";
import { type CleanupContext, deleteOnce, guard, listOrUnavailable, settle, verdict } from "./context.js";
import { FINAL } from "../commands/execute.js";
import { identify, iotTags } from "./identify.js";
import type { Outcome } from "./types.js";

export async function cleanCommands(ctx: CleanupContext): Promise<void> {
  const iot = ctx.session.clients.iot;
  const listed = await listOrUnavailable(ctx, "commands", "iot:ListCommands", () =>
    allPages(
      (nextToken) => iot.send(new ListCommandsCommand({ maxResults: 100, nextToken })),
      (p) => p.commands,
      (p) => p.nextToken,
    ),
  );
  if (!listed) return;
  ctx.tally.scanned("commands", listed.length);
  await mapLimit(listed, ctx.session.concurrency(4), (c) =>
    guard(ctx, "commands", c.commandId ?? "", async () => {
      const name = c.commandId ?? "";
      const id = identify(name, await iotTags(ctx.session, c.commandArn ?? ""), undefined);
      const outcome =
        id.workshop && c.pendingDeletion
          ? verdict("commands", name, { workshop: false, reason: "beingDeleted", evidence: "" })
          : verdict("commands", name, id);
      const arn = c.commandArn ?? "";
      await settle(
        ctx,
        outcome,
        async () => {
          const executions = await finishedExecutions(ctx, arn);
          for (const e of executions)
            await deleteOnce(() =>
              iot.send(
                new DeleteCommandExecutionCommand({ executionId: e.executionId, targetArn: e.targetArn }),
              ),
            );
          await deleteOnce(() => iot.send(new DeleteCommandCommand({ commandId: name })));
          return executionDependents(name, executions);
        },
        async () => executionDependents(name, await finishedExecutions(ctx, arn)),
      );
    }),
  );
  ctx.tally.flush("commands");
}

async function finishedExecutions(
  ctx: CleanupContext,
  commandArn: string,
): Promise<Array<{ executionId: string; targetArn: string }>> {
  const all = await allPages(
    (nextToken) =>
      ctx.session.clients.iot.send(
        new ListCommandExecutionsCommand({ commandArn, maxResults: 100, nextToken }),
      ),
    (p) => p.commandExecutions,
    (p) => p.nextToken,
  );
  return all
    .filter((e) => FINAL.has(e.status ?? ""))
    .map((e) => ({ executionId: e.executionId ?? "", targetArn: e.targetArn ?? "" }));
}

const executionDependents = (
  commandId: string,
  executions: Array<{ executionId: string }>,
): Outcome["dependents"] =>
  executions.length
    ? [
        {
          family: "commandExecutions",
          names: executions.map((e) => e.executionId),
          association: "executionOfCommand",
          evidence: commandId,
        },
      ]
    : [];
