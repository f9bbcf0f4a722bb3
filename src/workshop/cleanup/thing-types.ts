/**
 * Thing types: tag, then the default type names. A type still used by things that stay is
 * left alone. Workshop types are deprecated early (right after the things are gone) and
 * deleted last, because AWS deletes a type only 5 minutes after its deprecation (TTY-4).
 * Time passes through the target: a sandbox whose clock this machine may move is advanced
 * instead of waiting, and the run says so; elsewhere DeleteThingType is polled every 30 s
 * with a countdown reckoned on the target's own clock (deprecation dates are on that clock).
 */
import {
  DeleteThingTypeCommand,
  DeprecateThingTypeCommand,
  DescribeThingTypeCommand,
  ListThingTypesCommand,
  type ThingTypeDefinition,
} from "@aws-sdk/client-iot";
import { allPages, mapLimit } from "../../aws/parallel.js";
import { type CleanupContext, deleteOnce, guard, sleep, verdict } from "./context.js";
import { errorText, identify, iotTags, TYPES_PATTERN } from "./identify.js";
import { shortList } from "./report.js";
import type { Outcome } from "./types.js";

/** AWS's rule: a thing type can be deleted 5 minutes after it was deprecated. */
export const DEPRECATION_WAIT_SECONDS = 300;
const POLL_SECONDS = 30;
/** Polls after the 5 minutes before a type counts as failed. */
const EXTRA_POLLS = 10;

export interface PendingType {
  name: string;
  outcome: Outcome;
  /** Time of the deprecation on the target's clock (ms). */
  deprecatedAt: number;
}

async function candidate(ctx: CleanupContext, type: ThingTypeDefinition): Promise<PendingType | undefined> {
  const name = type.thingTypeName ?? "";
  const id = identify(name, await iotTags(ctx.session, type.thingTypeArn ?? ""), TYPES_PATTERN);
  const users = ctx.found.remainingByType.get(name) ?? [];
  if (id.workshop && users.length > 0) {
    ctx.tally.add(
      verdict("thingTypes", name, { workshop: false, reason: "typeInUse", evidence: shortList(users) }),
    );
    return undefined;
  }
  if (!id.workshop) {
    ctx.tally.add(verdict("thingTypes", name, id));
    return undefined;
  }
  let deprecatedAt = type.thingTypeMetadata?.deprecationDate?.getTime();
  if (!ctx.options.dryRun && !type.thingTypeMetadata?.deprecated) {
    const iot = ctx.session.clients.iot;
    await iot.send(new DeprecateThingTypeCommand({ thingTypeName: name }));
    const described = await iot.send(new DescribeThingTypeCommand({ thingTypeName: name }));
    deprecatedAt = described.thingTypeMetadata?.deprecationDate?.getTime();
  }
  return {
    name,
    outcome: verdict("thingTypes", name, id),
    deprecatedAt: deprecatedAt ?? (await ctx.session.target.now()),
  };
}

/** Identifies the thing types and deprecates the workshop's (nothing changes in a dry run). */
export async function deprecateThingTypes(ctx: CleanupContext): Promise<PendingType[]> {
  const listed = await allPages(
    (nextToken) => ctx.session.clients.iot.send(new ListThingTypesCommand({ maxResults: 250, nextToken })),
    (p) => p.thingTypes,
    (p) => p.nextToken,
  );
  ctx.tally.scanned("thingTypes", listed.length);
  const pending: PendingType[] = [];
  await mapLimit(listed, ctx.session.concurrency(8), (type) =>
    guard(ctx, "thingTypes", type.thingTypeName ?? "", async () => {
      const p = await candidate(ctx, type);
      if (p) pending.push(p);
    }),
  );
  // A dry run deprecates nothing: the types are listed as would-delete right here.
  if (ctx.options.dryRun) for (const p of pending.splice(0)) ctx.tally.add(p.outcome);
  ctx.tally.flush("thingTypes");
  if (pending.length > 0)
    ctx.io.say("info", "cleanup.thingTypes.deprecated", {
      count: pending.length,
      names: shortList(pending.map((p) => p.name)),
    });
  return pending;
}

const mmss = (seconds: number) => {
  const s = Math.max(0, Math.ceil(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
};

/** Lets time pass: advances the target's clock where it can, else waits with a countdown. */
async function letTimePass(ctx: CleanupContext, pending: PendingType[], first: boolean): Promise<void> {
  const target = ctx.session.target;
  const latest = Math.max(...pending.map((p) => p.deprecatedAt));
  const remaining = DEPRECATION_WAIT_SECONDS - ((await target.now()) - latest) / 1000;
  const seconds = first && remaining > 0 ? Math.ceil(remaining) + 1 : POLL_SECONDS;
  if (await target.advanceClock(seconds)) {
    ctx.clockAdvancedSeconds += seconds;
    ctx.io.say("warn", "cleanup.thingTypes.clockAdvanced", { seconds });
    return;
  }
  ctx.io.say("info", "cleanup.thingTypes.countdown", { left: mmss(remaining), seconds: POLL_SECONDS });
  await sleep(POLL_SECONDS * 1000);
  ctx.waitedSeconds += POLL_SECONDS;
}

/** Deletes the deprecated workshop types, polling until the 5-minute rule lets each go. */
export async function deleteThingTypes(ctx: CleanupContext, types: PendingType[]): Promise<void> {
  let pending = [...types];
  if (pending.length === 0) return;
  ctx.io.say("step", "cleanup.thingTypes.deleting", { count: pending.length });
  const iot = ctx.session.clients.iot;
  const lastError = new Map<string, unknown>();
  const polls = Math.ceil(DEPRECATION_WAIT_SECONDS / POLL_SECONDS) + EXTRA_POLLS;
  for (let poll = 0; pending.length > 0 && poll <= polls; poll++) {
    if (poll > 0) await letTimePass(ctx, pending, poll === 1);
    const waiting: PendingType[] = [];
    for (const p of pending) {
      try {
        await deleteOnce(() => iot.send(new DeleteThingTypeCommand({ thingTypeName: p.name })));
        ctx.tally.add({ ...p.outcome, status: "deleted" });
      } catch (e) {
        // Too early (or still in use): InvalidRequestException; anything else is final.
        if ((e as Error).name !== "InvalidRequestException") {
          ctx.tally.add({ ...p.outcome, status: "failed", error: errorText(e) });
          continue;
        }
        lastError.set(p.name, e);
        waiting.push(p);
      }
    }
    pending = waiting;
  }
  for (const p of pending)
    ctx.tally.add({ ...p.outcome, status: "failed", error: errorText(lastError.get(p.name)) });
  ctx.tally.flush("thingTypes");
}
