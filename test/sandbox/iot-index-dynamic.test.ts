/**
 * Dynamic thing groups (aws-semantics.md §5, GRP-2/3/6): creation and its refusals,
 * membership that follows shadow, attribute, type and group changes on the very next call,
 * the static-only operations refused, and the 10-groups-per-thing interplay (DYN-4).
 * Updates, deletion, limits, durability and status: iot-index-dynamic-lifecycle.test.ts.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  AddThingToThingGroupCommand,
  CreateDynamicThingGroupCommand,
  CreateThingGroupCommand,
  DeleteDynamicThingGroupCommand,
  DeleteThingCommand,
  DeleteThingGroupCommand,
  DescribeThingGroupCommand,
  IoTClient,
  ListTagsForResourceCommand,
  ListThingGroupsCommand,
  RemoveThingFromThingGroupCommand,
  UpdateDynamicThingGroupCommand,
  UpdateThingCommand,
} from "@aws-sdk/client-iot";
import { IoTDataPlaneClient } from "@aws-sdk/client-iot-data-plane";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import {
  dynamicGroupHelpers,
  enableIndexing,
  expectError,
  searchAll,
  searchNames,
  uniqueName,
  updateShadow,
} from "./iot-index-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
let data: IoTDataPlaneClient;
before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  data = new IoTDataPlaneClient(sb.config);
  ({ members, groupsOf, thing, dynamic } = dynamicGroupHelpers(iot, data));
});
after(() => sb.dispose());

let members: (group: string) => Promise<string[]>;
let groupsOf: (thingName: string) => Promise<Array<string | undefined>>;
let thing: (name: string, battery?: number, attributes?: Record<string, string>) => Promise<string>;
let dynamic: (queryString: string, name?: string) => Promise<string>;

test("DYN-1: CreateDynamicThingGroup needs thing indexing (400 while it is OFF)", async () => {
  await expectError(
    iot.send(new CreateDynamicThingGroupCommand({ thingGroupName: uniqueName("dyn"), queryString: "*" })),
    "InvalidRequestException",
    400,
  );
});

test("DYN-1/GRP-2/GRP-6: response, DescribeThingGroup fields, ListThingGroups and tags", async () => {
  await enableIndexing(iot);
  const name = uniqueName("dyn");
  const out = await iot.send(
    new CreateDynamicThingGroupCommand({
      thingGroupName: name,
      queryString: "attributes.country:US",
      thingGroupProperties: {
        thingGroupDescription: "US devices",
        attributePayload: { attributes: { k: "v" } },
      },
      tags: [{ Key: "country", Value: "US" }],
    }),
  );
  const arn = `arn:aws:iot:${sb.region}:${sb.accountId}:thinggroup/${name}`;
  assert.equal(out.thingGroupName, name);
  assert.equal(out.thingGroupArn, arn);
  assert.match(out.thingGroupId ?? "", /^[0-9a-f-]{36}$/);
  assert.equal(out.indexName, "AWS_Things");
  assert.equal(out.queryString, "attributes.country:US");
  assert.equal(out.queryVersion, "2017-09-30");
  const d = await iot.send(new DescribeThingGroupCommand({ thingGroupName: name }));
  assert.equal(d.queryString, "attributes.country:US");
  assert.equal(d.indexName, "AWS_Things");
  assert.equal(d.queryVersion, "2017-09-30");
  assert.equal(d.status, "ACTIVE");
  assert.equal(d.version, 1);
  assert.equal(d.thingGroupProperties?.thingGroupDescription, "US devices");
  const staticName = uniqueName("static");
  await iot.send(new CreateThingGroupCommand({ thingGroupName: staticName }));
  const s = await iot.send(new DescribeThingGroupCommand({ thingGroupName: staticName }));
  assert.equal(s.queryString, undefined, "static groups carry no queryString (GRP-2)");
  assert.equal(s.status, undefined);
  const listed = await iot.send(new ListThingGroupsCommand({ maxResults: 250 }));
  assert.ok(listed.thingGroups?.some((g) => g.groupName === name && g.groupArn === arn));
  const tags = await iot.send(new ListTagsForResourceCommand({ resourceArn: arn }));
  assert.deepEqual(tags.tags, [{ Key: "country", Value: "US" }]);
});

test("DYN-1: refusals: taken names 409, bad query 400 InvalidQueryException, wrong index or version", async () => {
  await enableIndexing(iot);
  const staticName = uniqueName("static");
  await iot.send(new CreateThingGroupCommand({ thingGroupName: staticName }));
  const e = await expectError(
    iot.send(new CreateDynamicThingGroupCommand({ thingGroupName: staticName, queryString: "*" })),
    "ResourceAlreadyExistsException",
    409,
  );
  assert.equal(e.resourceArn, `arn:aws:iot:${sb.region}:${sb.accountId}:thinggroup/${staticName}`);
  const dyn = await dynamic("attributes.none:*");
  await expectError(
    iot.send(new CreateDynamicThingGroupCommand({ thingGroupName: dyn, queryString: "*" })),
    "ResourceAlreadyExistsException",
    409,
  );
  await expectError(
    iot.send(new CreateThingGroupCommand({ thingGroupName: dyn })),
    "ResourceAlreadyExistsException",
    409,
  );
  const fresh = uniqueName("dyn");
  await expectError(
    iot.send(new CreateDynamicThingGroupCommand({ thingGroupName: fresh, queryString: "thingName:(a" })),
    "InvalidQueryException",
    400,
  );
  await expectError(
    iot.send(
      new CreateDynamicThingGroupCommand({
        thingGroupName: fresh,
        queryString: "*",
        indexName: "AWS_ThingGroups",
      }),
    ),
    "InvalidRequestException",
    400,
  );
  await expectError(
    iot.send(
      new CreateDynamicThingGroupCommand({ thingGroupName: fresh, queryString: "*", indexName: "Other" }),
    ),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    iot.send(
      new CreateDynamicThingGroupCommand({
        thingGroupName: fresh,
        queryString: "*",
        queryVersion: "2016-01-01",
      }),
    ),
    "InvalidRequestException",
    400,
  );
  await expectError(
    iot.send(new CreateDynamicThingGroupCommand({ thingGroupName: "bad name", queryString: "*" })),
    "InvalidRequestException",
    400,
  );
  await expectError(
    iot.send(new DescribeThingGroupCommand({ thingGroupName: fresh })),
    "ResourceNotFoundException",
    404,
  );
});

test("DYN-2: membership follows shadow updates on the very next call (ListThingsInThingGroup, ListThingGroupsForThing, SearchIndex)", async () => {
  await enableIndexing(iot);
  const p = uniqueName("bat");
  const low = await thing(`${p}-low`, 10);
  const high = await thing(`${p}-high`, 90);
  await thing(`${p}-none`);
  const group = await dynamic(`thingName:${p}-* AND shadow.reported.batteryStatus<30`);
  assert.deepEqual(await members(group), [low]);
  await updateShadow(data, high, { reported: { batteryStatus: 5 } });
  assert.deepEqual(await members(group), [high, low]);
  assert.deepEqual(await groupsOf(high), [group]);
  await updateShadow(data, low, { reported: { batteryStatus: 95 } });
  assert.deepEqual(await members(group), [high]);
  assert.deepEqual(await groupsOf(low), []);
  assert.deepEqual(await searchNames(iot, `thingGroupNames:${group}`), [high]);
  const doc = (await searchAll(iot, `thingName:${high}`)).things[0];
  assert.deepEqual(doc.thingGroupNames, [group]);
  const later = await thing(`${p}-later`, 1);
  assert.deepEqual(await members(group), [high, later]);
  await iot.send(new DeleteThingCommand({ thingName: later }));
  assert.deepEqual(await members(group), [high]);
});

test("DYN-2: membership follows attributes, thing types and static groups; the workshop's wizard queries", async () => {
  await enableIndexing(iot);
  const p = uniqueName("wiz");
  const car = await thing(`${p}-car`, 70, { country: "MX" });
  await updateShadow(data, car, { reported: { Sedan: { version: "1.0.0", attributes: {} } } }, "$package");
  const byCountry = await dynamic(
    `thingName:${p}-* AND attributes.country:(US OR CA) AND shadow.reported.batteryStatus:[50 TO *]`,
  );
  const byVersion = await dynamic(`thingName:${p}-* AND shadow.name.$package.reported.Sedan.version:1.1.0`);
  const outdated = await dynamic(
    `thingName:${p}-* AND shadow.name.\\$package.reported.Sedan.version:* AND NOT shadow.name.\\$package.reported.Sedan.version:1.1.0`,
  );
  assert.deepEqual(await groupsOf(car), [outdated]);
  await iot.send(
    new UpdateThingCommand({
      thingName: car,
      attributePayload: { attributes: { country: "CA" }, merge: true },
    }),
  );
  assert.deepEqual(await groupsOf(car), [byCountry, outdated].sort());
  await updateShadow(data, car, { reported: { Sedan: { version: "1.1.0", attributes: {} } } }, "$package");
  assert.deepEqual(await groupsOf(car), [byCountry, byVersion].sort());
  await updateShadow(data, car, { reported: { batteryStatus: 49 } });
  assert.deepEqual(await groupsOf(car), [byVersion]);
  const fleet = uniqueName("Fleet");
  await iot.send(new CreateThingGroupCommand({ thingGroupName: fleet }));
  const inFleet = await dynamic(`thingGroupNames:${fleet}`);
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: fleet, thingName: car }));
  assert.deepEqual(await members(inFleet), [car]);
  await iot.send(new RemoveThingFromThingGroupCommand({ thingGroupName: fleet, thingName: car }));
  assert.deepEqual(await members(inFleet), []);
});

test("DYN-3/GRP-3/GRP-4/GRP-5: static-only operations refuse dynamic groups, and the reverse", async () => {
  await enableIndexing(iot);
  const t = await thing(uniqueName("d3"));
  const dyn = await dynamic("attributes.none:*");
  await expectError(
    iot.send(new AddThingToThingGroupCommand({ thingGroupName: dyn, thingName: t })),
    "InvalidRequestException",
    400,
  );
  await expectError(
    iot.send(new RemoveThingFromThingGroupCommand({ thingGroupName: dyn, thingName: t })),
    "InvalidRequestException",
    400,
  );
  await expectError(
    iot.send(new CreateThingGroupCommand({ thingGroupName: uniqueName("child"), parentGroupName: dyn })),
    "InvalidRequestException",
    400,
  );
  await expectError(
    iot.send(new DeleteThingGroupCommand({ thingGroupName: dyn })),
    "InvalidRequestException",
    400,
  );
  const staticName = uniqueName("static");
  await iot.send(new CreateThingGroupCommand({ thingGroupName: staticName }));
  await expectError(
    iot.send(
      new UpdateDynamicThingGroupCommand({
        thingGroupName: staticName,
        thingGroupProperties: {},
        queryString: "*",
      }),
    ),
    "InvalidRequestException",
    400,
  );
  await expectError(
    iot.send(new DeleteDynamicThingGroupCommand({ thingGroupName: staticName })),
    "InvalidRequestException",
    400,
  );
  await expectError(
    iot.send(
      new UpdateDynamicThingGroupCommand({ thingGroupName: uniqueName("none"), thingGroupProperties: {} }),
    ),
    "ResourceNotFoundException",
    404,
  );
});

test("DYN-4: at 10 groups a thing is not added, an older dynamic group displaces a newer one, overrideDynamicGroups", async () => {
  await enableIndexing(iot);
  const p = uniqueName("ten");
  const full = await thing(`${p}-full`, undefined, { tier: "silver" });
  const statics: string[] = [];
  for (let i = 0; i < 10; i++) {
    const g = uniqueName(`${p}-s${i}`);
    await iot.send(new CreateThingGroupCommand({ thingGroupName: g }));
    statics.push(g);
  }
  for (const g of statics)
    await iot.send(new AddThingToThingGroupCommand({ thingGroupName: g, thingName: full }));
  const gold = await dynamic(`thingName:${p}-* AND attributes.tier:gold`);
  const anyTier = await dynamic(`thingName:${p}-* AND attributes.tier:*`);
  assert.deepEqual(
    await members(anyTier),
    [],
    "a thing already in 10 groups is not added; creation still succeeds",
  );
  await iot.send(new RemoveThingFromThingGroupCommand({ thingGroupName: statics[9], thingName: full }));
  assert.deepEqual(await members(anyTier), [full], "a free slot lets it join");
  await iot.send(
    new UpdateThingCommand({
      thingName: full,
      attributePayload: { attributes: { tier: "gold" }, merge: true },
    }),
  );
  assert.deepEqual(await members(gold), [full], "the older dynamic group wins the slot");
  assert.deepEqual(await members(anyTier), []);
  assert.equal((await groupsOf(full)).length, 10);
  await expectError(
    iot.send(new AddThingToThingGroupCommand({ thingGroupName: statics[9], thingName: full })),
    "InvalidRequestException",
    400,
  );
  await iot.send(
    new AddThingToThingGroupCommand({
      thingGroupName: statics[9],
      thingName: full,
      overrideDynamicGroups: true,
    }),
  );
  assert.deepEqual(await members(gold), []);
  assert.deepEqual((await groupsOf(full)).sort(), [...statics].sort());
});
