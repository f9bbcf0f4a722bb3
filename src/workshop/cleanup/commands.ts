/**
 * AWS IoT commands: identified by the workshop tag (iotdm gives commands no fixed names).
 * DeleteCommand schedules the deletion; a command already pending deletion is left to it.
 */
import { DeleteCommandCommand, ListCommandsCommand } from "@aws-sdk/client-iot";
import { allPages, mapLimit } from "../../aws/parallel.js";
import { type CleanupContext, deleteOnce, guard, listOrUnavailable, settle, verdict } from "./context.js";
import { identify, iotTags } from "./identify.js";

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
      await settle(ctx, outcome, () =>
        deleteOnce(() => iot.send(new DeleteCommandCommand({ commandId: name }))),
      );
    }),
  );
  ctx.tally.flush("commands");
}
