/**
 * Dynamic thing groups over their life (aws-semantics.md §5, IDX-2): UpdateDynamicThingGroup,
 * DeleteDynamicThingGroup, memberships after indexing changes and kill -9 restarts, the
 * 100-group limit, and BUILDING/REBUILDING/ACTIVE on the sandbox clock.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  CreateDynamicThingGroupCommand,
  CreateThingCommand,
  DeleteDynamicThingGroupCommand,
  DescribeThingGroupCommand,
  IoTClient,
  ListTagsForResourceCommand,
  ListThingGroupsCommand,
  ListThingsInThingGroupCommand,
  UpdateDynamicThingGroupCommand,
  UpdateIndexingConfigurationCommand,
} from "@aws-sdk/client-iot";
import { IoTDataPlaneClient } from "@aws-sdk/client-iot-data-plane";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import {
  dynamicGroupHelpers,
  enableIndexing,
  expectError,
  searchNames,
  uniqueName,
  updateShadow,
} from "./iot-index-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
let data: IoTDataPlaneClient;
let members: (group: string) => Promise<string[]>;
let groupsOf: (thingName: string) => Promise<Array<string | undefined>>;
let thing: (name: string, battery?: number, attributes?: Record<string, string>) => Promise<string>;
let dynamic: (queryString: string, name?: string) => Promise<string>;

before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  data = new IoTDataPlaneClient(sb.config);
  ({ members, groupsOf, thing, dynamic } = dynamicGroupHelpers(iot, data));
});
after(() => sb.dispose());

test("DYN-5: UpdateDynamicThingGroup recomputes membership, bumps version, checks expectedVersion", async () => {
  await enableIndexing(iot);
  const p = uniqueName("upd");
  const a = await thing(`${p}-a`, 10);
  const b = await thing(`${p}-b`, 60);
  const g = await dynamic(`thingName:${p}-* AND shadow.reported.batteryStatus<30`);
  assert.deepEqual(await members(g), [a]);
  const out = await iot.send(
    new UpdateDynamicThingGroupCommand({
      thingGroupName: g,
      queryString: `thingName:${p}-* AND shadow.reported.batteryStatus>50`,
      thingGroupProperties: { thingGroupDescription: "charged" },
      expectedVersion: 1,
    }),
  );
  assert.equal(out.version, 2);
  assert.deepEqual(await members(g), [b]);
  const d = await iot.send(new DescribeThingGroupCommand({ thingGroupName: g }));
  assert.equal(d.queryString, `thingName:${p}-* AND shadow.reported.batteryStatus>50`);
  assert.equal(d.thingGroupProperties?.thingGroupDescription, "charged");
  assert.equal(d.status, "ACTIVE");
  await expectError(
    iot.send(
      new UpdateDynamicThingGroupCommand({ thingGroupName: g, thingGroupProperties: {}, expectedVersion: 1 }),
    ),
    "VersionConflictException",
    409,
  );
  await expectError(
    iot.send(
      new UpdateDynamicThingGroupCommand({ thingGroupName: g, thingGroupProperties: {}, queryString: "a:(" }),
    ),
    "InvalidQueryException",
    400,
  );
  const props = await iot.send(
    new UpdateDynamicThingGroupCommand({ thingGroupName: g, thingGroupProperties: {} }),
  );
  assert.equal(props.version, 3);
  assert.deepEqual(await members(g), [b]);
});

test("DYN-5: DeleteDynamicThingGroup detaches members and tags; unknown → 200; expectedVersion", async () => {
  await enableIndexing(iot);
  const p = uniqueName("del");
  const a = await thing(`${p}-a`, 10);
  const g = uniqueName("dyn");
  await iot.send(
    new CreateDynamicThingGroupCommand({
      thingGroupName: g,
      queryString: `thingName:${p}-*`,
      tags: [{ Key: "k", Value: "v" }],
    }),
  );
  assert.deepEqual(await groupsOf(a), [g]);
  await expectError(
    iot.send(new DeleteDynamicThingGroupCommand({ thingGroupName: g, expectedVersion: 5 })),
    "VersionConflictException",
    409,
  );
  await iot.send(new DeleteDynamicThingGroupCommand({ thingGroupName: g, expectedVersion: 1 }));
  assert.deepEqual(await groupsOf(a), []);
  assert.deepEqual(await searchNames(iot, `thingGroupNames:${g}`), []);
  await expectError(
    iot.send(new DescribeThingGroupCommand({ thingGroupName: g })),
    "ResourceNotFoundException",
    404,
  );
  const arn = `arn:aws:iot:${sb.region}:${sb.accountId}:thinggroup/${g}`;
  await expectError(
    iot.send(new ListTagsForResourceCommand({ resourceArn: arn })),
    "ResourceNotFoundException",
    404,
  );
  await iot.send(new DeleteDynamicThingGroupCommand({ thingGroupName: g }));
});

test("DYN-2/IDX-1: changing what is indexed recomputes memberships", async () => {
  await enableIndexing(iot);
  const p = uniqueName("cfg");
  const a = await thing(`${p}-a`, 10);
  const g = await dynamic(`thingName:${p}-* AND shadow.reported.batteryStatus<30`);
  assert.deepEqual(await members(g), [a]);
  await enableIndexing(iot, { thingIndexingMode: "REGISTRY" });
  assert.deepEqual(await members(g), [], "shadow data is no longer indexed");
  await enableIndexing(iot);
  assert.deepEqual(await members(g), [a]);
});

test("DYN-2: memberships survive kill -9 and keep following changes made right after the restart", async () => {
  await enableIndexing(iot);
  const p = uniqueName("dur");
  const a = await thing(`${p}-a`, 10);
  const b = await thing(`${p}-b`, 90);
  const g = await dynamic(`thingName:${p}-* AND shadow.reported.batteryStatus<30`);
  await sb.restart({ kill: true });
  assert.deepEqual(await members(g), [a]);
  await sb.restart({ kill: true });
  await updateShadow(data, b, { reported: { batteryStatus: 3 } });
  await updateShadow(data, a, { reported: { batteryStatus: 99 } });
  assert.deepEqual(await members(g), [b]);
  assert.deepEqual(await groupsOf(a), []);
  assert.deepEqual(await searchNames(iot, `thingGroupNames:${g}`), [b]);
});

test("DYN-1: at most 100 dynamic groups (410 LimitExceededException); IDX-2: OFF refused while any exists", async () => {
  await enableIndexing(iot);
  const listed = await iot.send(new ListThingGroupsCommand({ maxResults: 250 }));
  const existing: string[] = [];
  for (const g of listed.thingGroups ?? []) {
    const d = await iot.send(new DescribeThingGroupCommand({ thingGroupName: g.groupName }));
    if (d.queryString) existing.push(g.groupName as string);
  }
  const created: string[] = [];
  while (existing.length + created.length < 100) created.push(await dynamic("attributes.none:*"));
  await expectError(
    iot.send(new CreateDynamicThingGroupCommand({ thingGroupName: uniqueName("dyn"), queryString: "*" })),
    "LimitExceededException",
    410,
  );
  await expectError(
    iot.send(
      new UpdateIndexingConfigurationCommand({ thingIndexingConfiguration: { thingIndexingMode: "OFF" } }),
    ),
    "InvalidRequestException",
    400,
  );
  for (const g of [...existing, ...created])
    await iot.send(new DeleteDynamicThingGroupCommand({ thingGroupName: g }));
  await iot.send(
    new UpdateIndexingConfigurationCommand({ thingIndexingConfiguration: { thingIndexingMode: "OFF" } }),
  );
});

test("DYN-1/DYN-5: status BUILDING then ACTIVE, REBUILDING after a query change, on the sandbox clock", async () => {
  process.env.IOTDM_INDEX_BUILD_DELAY_SECONDS = "60";
  const slow = await startSandbox();
  delete process.env.IOTDM_INDEX_BUILD_DELAY_SECONDS;
  try {
    const client = new IoTClient(slow.config);
    await enableIndexing(client);
    await slow.advanceClock(61);
    await client.send(
      new CreateThingCommand({ thingName: "t1", attributePayload: { attributes: { a: "1" } } }),
    );
    await client.send(
      new CreateDynamicThingGroupCommand({ thingGroupName: "g", queryString: "attributes.a:1" }),
    );
    const status = async () =>
      (await client.send(new DescribeThingGroupCommand({ thingGroupName: "g" }))).status;
    assert.equal(await status(), "BUILDING");
    const listed = await client.send(new ListThingsInThingGroupCommand({ thingGroupName: "g" }));
    assert.deepEqual(listed.things, ["t1"]);
    await slow.advanceClock(61);
    assert.equal(await status(), "ACTIVE");
    await client.send(
      new UpdateDynamicThingGroupCommand({
        thingGroupName: "g",
        thingGroupProperties: {},
        queryString: "attributes.a:2",
      }),
    );
    assert.equal(await status(), "REBUILDING");
    await slow.advanceClock(61);
    assert.equal(await status(), "ACTIVE");
  } finally {
    await slow.dispose();
  }
});
