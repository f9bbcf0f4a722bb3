/**
 * Thing groups: tag, then the `<CC>_Fleet` pattern. Dynamic groups have their own delete
 * operation; child groups go before their parents. With `--scope groups` the things stay, so
 * each group's members are removed first, one by one (as the workshop shows); when the things
 * were deleted before, their memberships went with them (THG-5) and the group is deleted as is.
 */
import {
  DeleteDynamicThingGroupCommand,
  DeleteThingGroupCommand,
  DescribeThingGroupCommand,
  type GroupNameAndArn,
  ListThingGroupsCommand,
  ListThingsInThingGroupCommand,
  RemoveThingFromThingGroupCommand,
} from "@aws-sdk/client-iot";
import { allPages, mapLimit } from "../../aws/parallel.js";
import { type CleanupContext, deleteOnce, guard, settle, verdict } from "./context.js";
import { GROUPS_PATTERN, identify, iotTags } from "./identify.js";
import type { Outcome } from "./types.js";

const IN_FLIGHT = 8;

interface Candidate {
  name: string;
  arn: string;
  outcome: Outcome;
  dynamic: boolean;
  depth: number;
}

async function removeMembers(ctx: CleanupContext, thingGroupName: string): Promise<void> {
  const iot = ctx.session.clients.iot;
  const members = await allPages(
    (nextToken) =>
      iot.send(new ListThingsInThingGroupCommand({ thingGroupName, nextToken, maxResults: 250 })),
    (p) => p.things,
    (p) => p.nextToken,
  );
  await mapLimit(members, ctx.session.concurrency(IN_FLIGHT), (thingName) =>
    iot.send(new RemoveThingFromThingGroupCommand({ thingGroupName, thingName })),
  );
}

async function remove(ctx: CleanupContext, c: Candidate): Promise<void> {
  const iot = ctx.session.clients.iot;
  if (c.dynamic) {
    await deleteOnce(() => iot.send(new DeleteDynamicThingGroupCommand({ thingGroupName: c.name })));
    return;
  }
  if (ctx.options.scope === "groups") await removeMembers(ctx, c.name);
  await deleteOnce(() => iot.send(new DeleteThingGroupCommand({ thingGroupName: c.name })));
}

async function candidate(ctx: CleanupContext, group: GroupNameAndArn): Promise<Candidate | undefined> {
  const name = group.groupName ?? "";
  const id = identify(name, await iotTags(ctx.session, group.groupArn ?? ""), GROUPS_PATTERN);
  if (!id.workshop) {
    ctx.tally.add(verdict("thingGroups", name, id));
    ctx.found.remainingGroups.push(name);
    return undefined;
  }
  ctx.found.workshopGroupArns.add(group.groupArn ?? "");
  const described = await ctx.session.clients.iot.send(
    new DescribeThingGroupCommand({ thingGroupName: name }),
  );
  return {
    name,
    arn: group.groupArn ?? "",
    outcome: verdict("thingGroups", name, id),
    dynamic: Boolean(described.queryString),
    depth: described.thingGroupMetadata?.rootToParentThingGroups?.length ?? 0,
  };
}

export async function cleanGroups(ctx: CleanupContext): Promise<void> {
  const listed = await allPages(
    (nextToken) => ctx.session.clients.iot.send(new ListThingGroupsCommand({ maxResults: 250, nextToken })),
    (p) => p.thingGroups,
    (p) => p.nextToken,
  );
  ctx.tally.scanned("thingGroups", listed.length);
  const candidates: Candidate[] = [];
  await mapLimit(listed, ctx.session.concurrency(IN_FLIGHT), (g) =>
    guard(ctx, "thingGroups", g.groupName ?? "", async () => {
      const c = await candidate(ctx, g);
      if (c) candidates.push(c);
    }),
  );
  // Deepest first: a group with child groups cannot be deleted.
  const depths = [...new Set(candidates.map((c) => c.depth))].sort((a, b) => b - a);
  for (const depth of depths) {
    await mapLimit(
      candidates.filter((c) => c.depth === depth),
      ctx.session.concurrency(IN_FLIGHT),
      async (c) => {
        const gone = await settle(ctx, c.outcome, () => remove(ctx, c));
        if (!gone) ctx.found.remainingGroups.push(c.name);
      },
    );
  }
  ctx.tally.flush("thingGroups");
}
