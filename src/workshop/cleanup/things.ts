/**
 * Things: ListThings pages, naming identification (things carry no tags), then per workshop
 * thing, many in flight: its named shadows and principals are listed together, every shadow
 * (named and classic) is deleted through the IoT data plane, principals are detached,
 * the thing is deleted. Group memberships go with the thing (THG-5). Certificates are handled
 * afterwards, once every workshop thing has let go of them (certificates.ts).
 */
import {
  DeleteThingCommand,
  DetachThingPrincipalCommand,
  ListThingPrincipalsCommand,
  type ThingAttribute,
} from "@aws-sdk/client-iot";
import {
  DeleteThingShadowCommand,
  GetThingShadowCommand,
  type IoTDataPlaneClient,
  ListNamedShadowsForThingCommand,
} from "@aws-sdk/client-iot-data-plane";
import { allPages, mapLimit } from "../../aws/parallel.js";
import { wasRetried } from "../errors.js";
import { both, type CleanupContext, deleteOnce, retryOn, settle, verdict } from "./context.js";
import { identifyThing, isNotFound, thingsPattern } from "./identify.js";
import { CLASSIC_SHADOW, type Outcome } from "./types.js";
import { listAllThings } from "../things.js";

/** Things in flight at once against an unpaced target (the pacer holds AWS to its quotas). */
const THINGS_IN_FLIGHT = 64;

async function namedShadows(data: IoTDataPlaneClient, thingName: string): Promise<string[]> {
  return allPages(
    (nextToken) => data.send(new ListNamedShadowsForThingCommand({ thingName, nextToken, pageSize: 100 })),
    (p) => p.results,
    (p) => p.nextToken,
  );
}

async function principalsOf(ctx: CleanupContext, thingName: string): Promise<string[]> {
  return allPages(
    (nextToken) =>
      ctx.session.clients.iot.send(new ListThingPrincipalsCommand({ thingName, nextToken, maxResults: 250 })),
    (p) => p.principals,
    (p) => p.nextToken,
  );
}

/** Certificates go in a second pass; remember which workshop things held each one. */
function rememberCertificates(ctx: CleanupContext, thingName: string, principals: string[]): void {
  for (const p of principals) {
    if (!p.includes(":cert/")) continue;
    const holders = ctx.found.certificates.get(p) ?? [];
    holders.push(thingName);
    ctx.found.certificates.set(p, holders);
  }
}

async function classicShadowExists(data: IoTDataPlaneClient, thingName: string): Promise<boolean> {
  try {
    await data.send(new GetThingShadowCommand({ thingName }));
    return true;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}

const shadowDependents = (thingName: string, names: string[]): Outcome["dependents"] =>
  names.length ? [{ family: "shadows", names, association: "shadowOfThing", evidence: thingName }] : [];

async function preview(ctx: CleanupContext, data: IoTDataPlaneClient, thingName: string) {
  const [named, principals] = await both(
    ctx,
    () => namedShadows(data, thingName),
    () => principalsOf(ctx, thingName),
  );
  const classic = await classicShadowExists(data, thingName);
  rememberCertificates(ctx, thingName, principals);
  return shadowDependents(thingName, classic ? [CLASSIC_SHADOW, ...named] : named);
}

/** AWS detaches principals asynchronously: DeleteThing may refuse for a few seconds after. */
function deleteThing(ctx: CleanupContext, thingName: string, detached: boolean): Promise<unknown> {
  const send = () => deleteOnce(() => ctx.session.clients.iot.send(new DeleteThingCommand({ thingName })));
  return detached ? retryOn(["InvalidRequestException"], 6, (n) => 1000 * n, send) : send();
}

async function remove(ctx: CleanupContext, data: IoTDataPlaneClient, thingName: string) {
  const [named, principals] = await both(
    ctx,
    () => namedShadows(data, thingName),
    () => principalsOf(ctx, thingName),
  );
  const deleted: string[] = [];
  await mapLimit([...named, undefined], ctx.session.concurrency(8), async (shadowName) => {
    try {
      await data.send(new DeleteThingShadowCommand({ thingName, shadowName }));
      deleted.push(shadowName ?? CLASSIC_SHADOW);
    } catch (e) {
      // No classic shadow (or a named one already gone): nothing to delete, unless the SDK's
      // retry found it gone because its first attempt deleted it.
      if (!isNotFound(e)) throw e;
      if (wasRetried(e)) deleted.push(shadowName ?? CLASSIC_SHADOW);
    }
  });
  for (const principal of principals)
    await ctx.session.clients.iot.send(new DetachThingPrincipalCommand({ thingName, principal }));
  rememberCertificates(ctx, thingName, principals);
  await deleteThing(ctx, thingName, principals.length > 0);
  return shadowDependents(thingName, deleted.sort());
}

function remainsWithType(ctx: CleanupContext, thing: ThingAttribute): void {
  if (!thing.thingTypeName) return;
  const list = ctx.found.remainingByType.get(thing.thingTypeName) ?? [];
  list.push(thing.thingName ?? "");
  ctx.found.remainingByType.set(thing.thingTypeName, list);
}

export async function cleanThings(ctx: CleanupContext): Promise<void> {
  const { session, options, tally, io } = ctx;
  const listed = await listAllThings(session);
  tally.scanned("things", listed.length);
  const pattern = thingsPattern(options.thingsPrefix);
  const workshop: Array<{ thing: ThingAttribute; outcome: Outcome }> = [];
  for (const thing of listed) {
    const name = thing.thingName ?? "";
    const outcome = verdict("things", name, identifyThing(name, pattern));
    if (outcome.status === "skipped") {
      tally.add(outcome);
      remainsWithType(ctx, thing);
      continue;
    }
    workshop.push({ thing, outcome });
    ctx.found.workshopThings.set(name, thing.thingArn ?? "");
  }
  const data = await session.clients.iotData();
  const bar = io.progress(
    options.dryRun ? "cleanup.things.checking" : "cleanup.things.deleting",
    workshop.length,
  );
  await mapLimit(workshop, session.concurrency(THINGS_IN_FLIGHT), async ({ thing, outcome }) => {
    const gone = await settle(
      ctx,
      outcome,
      () => remove(ctx, data, outcome.name),
      () => preview(ctx, data, outcome.name),
    );
    if (!gone) remainsWithType(ctx, thing);
    bar.tick();
  });
  bar.stop();
  tally.flush("things");
}
