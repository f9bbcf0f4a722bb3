/** Every thing of the target, all pages (AWS returns at most 250 a page). */
import { ListThingsCommand, type ThingAttribute } from "@aws-sdk/client-iot";
import { allPages } from "../aws/parallel.js";
import type { AwsSession } from "../aws/session.js";

export function listAllThings(session: AwsSession): Promise<ThingAttribute[]> {
  return allPages(
    (nextToken) => session.clients.iot.send(new ListThingsCommand({ maxResults: 250, nextToken })),
    (page) => page.things,
    (page) => page.nextToken,
  );
}
