/**
 * Dynamic thing groups (features.md section 10): a live preview of a query, create (refused
 * when nothing matches), list with member counts, describe, delete. Every listing paginates.
 */
import {
  CreateDynamicThingGroupCommand,
  DeleteDynamicThingGroupCommand,
  DescribeThingCommand,
  DescribeThingGroupCommand,
  type DescribeThingGroupCommandOutput,
  ListThingGroupsCommand,
  ListThingsInThingGroupCommand,
  SearchIndexCommand,
} from "@aws-sdk/client-iot";
import { allPages, mapLimit } from "../../aws/parallel.js";
import type { AwsSession } from "../../aws/session.js";
import { t } from "../../io/i18n.js";
import type { WorkshopIo } from "../io.js";
import { retriedInto } from "../errors.js";
import { workshopTags } from "../tags.js";

const SAMPLE = 5;

export interface Preview {
  query: string;
  matches: number;
  sample: Array<{ name: string; type?: string }>;
}

export interface CreateReport extends Preview {
  name: string;
  created: boolean;
  arn?: string;
  refused?: "noMatches" | "exists";
}

export interface GroupView {
  name: string;
  query: string;
  members: number;
  created?: string;
  status?: string;
}

export interface GroupDetail extends GroupView {
  devices: Array<{ name: string; type?: string; country?: string }>;
}

function errorName(e: unknown): string {
  return e instanceof Error ? e.name : "";
}

/** Search failures in the user's terms: a bad query, or fleet indexing that is off. */
function searchError(e: unknown, query: string): Error {
  const message = e instanceof Error ? e.message : String(e);
  if (errorName(e) === "InvalidQueryException")
    return new Error(t("dynamicGroups.error.invalidQuery", { query, message }));
  if (errorName(e) === "IndexNotReadyException" || errorName(e) === "ResourceNotFoundException")
    return new Error(t("dynamicGroups.error.indexing", { message }));
  return e instanceof Error ? e : new Error(message);
}

/** Counts every device the query matches (all pages) and keeps the first few. */
export async function preview(session: AwsSession, io: WorkshopIo, query: string): Promise<Preview> {
  const { iot } = session.clients;
  let things: Array<{ thingName?: string; thingTypeName?: string }>;
  try {
    things = await allPages(
      (nextToken) =>
        iot.send(
          new SearchIndexCommand({ indexName: "AWS_Things", queryString: query, nextToken, maxResults: 250 }),
        ),
      (p) => p.things,
      (p) => p.nextToken,
    );
  } catch (e) {
    throw searchError(e, query);
  }
  const sample = things.slice(0, SAMPLE).map((x) => ({ name: x.thingName ?? "", type: x.thingTypeName }));
  io.say("info", "dynamicGroups.preview.query", { query });
  if (things.length === 0) io.say("warn", "dynamicGroups.preview.none");
  else {
    io.say("success", "dynamicGroups.preview.found", { count: things.length });
    for (const s of sample) io.line("plain", `   • ${s.name} (${s.type ?? "-"})`);
    if (things.length > SAMPLE)
      io.say("plain", "dynamicGroups.preview.more", { count: things.length - SAMPLE });
  }
  return { query, matches: things.length, sample };
}

async function describe(
  session: AwsSession,
  name: string,
): Promise<DescribeThingGroupCommandOutput | undefined> {
  try {
    return await session.clients.iot.send(new DescribeThingGroupCommand({ thingGroupName: name }));
  } catch (e) {
    if (errorName(e) === "ResourceNotFoundException") return undefined;
    throw e;
  }
}

/** Previews, then creates the group, unless it exists or matches no device. */
export async function createGroup(
  session: AwsSession,
  io: WorkshopIo,
  plan: { name: string; query: string },
): Promise<CreateReport> {
  const seen = await preview(session, io, plan.query);
  const report: CreateReport = { ...seen, name: plan.name, created: false };
  if (seen.matches === 0) return { ...report, refused: "noMatches" };
  if (await describe(session, plan.name)) return { ...report, refused: "exists" };
  return { ...report, created: true, arn: await createDynamic(session, plan) };
}

/**
 * CreateDynamicThingGroup has no idempotency token: when the SDK's retry finds the group its
 * first attempt created (a lost reply), the group is ours and its ARN is read back.
 */
async function createDynamic(
  session: AwsSession,
  plan: { name: string; query: string },
): Promise<string | undefined> {
  try {
    const out = await session.clients.iot.send(
      new CreateDynamicThingGroupCommand({
        thingGroupName: plan.name,
        queryString: plan.query,
        tags: workshopTags("manage-dynamic-groups"),
      }),
    );
    return out.thingGroupArn;
  } catch (e) {
    if (!retriedInto(e, "ResourceAlreadyExistsException")) throw e;
    return (await describe(session, plan.name))?.thingGroupArn;
  }
}

async function memberNames(session: AwsSession, name: string): Promise<string[]> {
  const things = await allPages(
    (nextToken) =>
      session.clients.iot.send(
        new ListThingsInThingGroupCommand({ thingGroupName: name, nextToken, maxResults: 250 }),
      ),
    (p) => p.things,
    (p) => p.nextToken,
  );
  return things;
}

function view(d: DescribeThingGroupCommandOutput, members: number): GroupView {
  return {
    name: d.thingGroupName ?? "",
    query: d.queryString ?? "",
    members,
    created: d.thingGroupMetadata?.creationDate?.toISOString(),
    status: d.status,
  };
}

/** Every dynamic group of the account, with its query and member count. */
export async function listGroups(session: AwsSession): Promise<GroupView[]> {
  const { iot } = session.clients;
  const groups = await allPages(
    (nextToken) => iot.send(new ListThingGroupsCommand({ nextToken, maxResults: 250 })),
    (p) => p.thingGroups,
    (p) => p.nextToken,
  );
  const views = await mapLimit(groups, session.concurrency(10), async (g) => {
    const d = await describe(session, g.groupName ?? "");
    if (!d?.queryString) return undefined;
    return view(d, (await memberNames(session, g.groupName ?? "")).length);
  });
  return views.filter((v): v is GroupView => v !== undefined).sort((a, b) => a.name.localeCompare(b.name));
}

async function requireDynamic(session: AwsSession, name: string): Promise<DescribeThingGroupCommandOutput> {
  const d = await describe(session, name);
  if (!d) throw new Error(t("dynamicGroups.error.notFound", { name }));
  if (!d.queryString) throw new Error(t("dynamicGroups.error.notDynamic", { name }));
  return d;
}

export async function describeGroup(session: AwsSession, name: string): Promise<GroupDetail> {
  const d = await requireDynamic(session, name);
  const names = await memberNames(session, name);
  const devices = await mapLimit(names, session.concurrency(10), async (thingName) => {
    const thing = await session.clients.iot.send(new DescribeThingCommand({ thingName }));
    return { name: thingName, type: thing.thingTypeName, country: thing.attributes?.country };
  });
  return { ...view(d, names.length), devices };
}

/** Deletes a dynamic group (never a static one); returns what it was. */
export async function deleteGroup(
  session: AwsSession,
  name: string,
): Promise<{ name: string; query: string }> {
  const d = await requireDynamic(session, name);
  await session.clients.iot.send(new DeleteDynamicThingGroupCommand({ thingGroupName: name }));
  return { name, query: d.queryString ?? "" };
}
