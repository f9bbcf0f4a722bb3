/** Shared by the iot-index*.test.ts files: indexing set-up, exhaustive searches, shadow writes. */
import {
  CreateDynamicThingGroupCommand,
  CreateThingCommand,
  type IoTClient,
  ListThingGroupsForThingCommand,
  ListThingsInThingGroupCommand,
  SearchIndexCommand,
  type ThingDocument,
  type ThingGroupDocument,
  type ThingIndexingConfiguration,
  UpdateIndexingConfigurationCommand,
} from "@aws-sdk/client-iot";
import { type IoTDataPlaneClient, UpdateThingShadowCommand } from "@aws-sdk/client-iot-data-plane";

import { uniqueName } from "./iot-registry-helpers.js";

export { expectError, uniqueName } from "./iot-registry-helpers.js";

/** What the workshop's provisioning script enables (IDX-1). */
export const WORKSHOP_INDEXING: ThingIndexingConfiguration = {
  thingIndexingMode: "REGISTRY_AND_SHADOW",
  thingConnectivityIndexingMode: "STATUS",
  deviceDefenderIndexingMode: "VIOLATIONS",
  namedShadowIndexingMode: "ON",
  filter: { namedShadowNames: ["$package"] },
};

export async function enableIndexing(
  iot: IoTClient,
  thing: ThingIndexingConfiguration = WORKSHOP_INDEXING,
  groups = true,
): Promise<void> {
  await iot.send(
    new UpdateIndexingConfigurationCommand({
      thingIndexingConfiguration: thing,
      thingGroupIndexingConfiguration: { thingGroupIndexingMode: groups ? "ON" : "OFF" },
    }),
  );
}

/** Every page of a query (following nextToken), as the documents in the order returned. */
export async function searchAll(
  iot: IoTClient,
  queryString: string,
  opts: { indexName?: string; maxResults?: number } = {},
): Promise<{ things: ThingDocument[]; thingGroups: ThingGroupDocument[]; pages: number }> {
  const things: ThingDocument[] = [];
  const thingGroups: ThingGroupDocument[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const out = await iot.send(
      new SearchIndexCommand({
        indexName: opts.indexName,
        queryString,
        maxResults: opts.maxResults ?? 100,
        nextToken,
      }),
    );
    things.push(...(out.things ?? []));
    thingGroups.push(...(out.thingGroups ?? []));
    nextToken = out.nextToken;
    pages++;
  } while (nextToken);
  return { things, thingGroups, pages };
}

export async function searchNames(iot: IoTClient, queryString: string): Promise<string[]> {
  return (await searchAll(iot, queryString)).things.map((t) => t.thingName as string);
}

export async function updateShadow(
  data: IoTDataPlaneClient,
  thingName: string,
  state: object,
  shadowName?: string,
): Promise<void> {
  await data.send(
    new UpdateThingShadowCommand({
      thingName,
      shadowName,
      payload: new TextEncoder().encode(JSON.stringify({ state })),
    }),
  );
}

/** Shortcuts of the dynamic group tests, bound to one sandbox's clients. */
export function dynamicGroupHelpers(iot: IoTClient, data: IoTDataPlaneClient) {
  return {
    members: async (group: string) =>
      (await iot.send(new ListThingsInThingGroupCommand({ thingGroupName: group, maxResults: 250 })))
        .things ?? [],
    groupsOf: async (thingName: string) =>
      ((await iot.send(new ListThingGroupsForThingCommand({ thingName }))).thingGroups ?? []).map(
        (g) => g.groupName,
      ),
    /** Creates a thing, with a classic shadow reporting `battery` when given. */
    thing: async (name: string, battery?: number, attributes: Record<string, string> = {}) => {
      await iot.send(new CreateThingCommand({ thingName: name, attributePayload: { attributes } }));
      if (battery !== undefined) await updateShadow(data, name, { reported: { batteryStatus: battery } });
      return name;
    },
    dynamic: async (queryString: string, name = uniqueName("dyn")) => {
      await iot.send(new CreateDynamicThingGroupCommand({ thingGroupName: name, queryString }));
      return name;
    },
  };
}
