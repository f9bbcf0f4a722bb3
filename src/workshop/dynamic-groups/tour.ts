/**
 * The tour's dynamic-group stop: a group of the devices sharing the first tour device's type
 * and country (so the query always matches; batteries are random, so they are left out).
 * It carries the workshop tags, so the tour's cleanup removes it.
 */
import type { AwsSession } from "../../aws/session.js";
import type { WorkshopIo } from "../io.js";
import { type CreateReport, createGroup, listGroups } from "./index.js";
import { buildQuery, defaultName } from "./query.js";

export async function tourDynamicGroup(
  session: AwsSession,
  io: WorkshopIo,
  like: { thingType: string; country: string; prefix: string },
): Promise<CreateReport & { members: number }> {
  await io.learn("dynamicGroups.learn.dynamic");
  io.say("step", "dynamicGroups.tour.stop", { type: like.thingType, country: like.country });
  const criteria = { countries: [like.country], thingTypes: [like.thingType], versions: [] };
  // Only the tour's own devices, whatever else the sandbox holds.
  const query = `thingName:${like.prefix}* AND ${buildQuery(criteria)}`;
  const name = `Tour_${defaultName(criteria)}`;
  const report = await createGroup(session, io, { name, query });
  const group = (await listGroups(session)).find((g) => g.name === name);
  const members = group?.members ?? 0;
  io.say("plain", "dynamicGroups.tour.members", { name, members, query });
  return { ...report, members };
}
