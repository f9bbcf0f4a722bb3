/**
 * Fleet indexing (aws-semantics.md §4.1/4.2): index existence and status, what each mode
 * indexes, the SearchIndex document shape and pagination, read-your-writes on every kind of
 * change, AWS_ThingGroups, and the index after a kill -9 restart.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  AddThingToThingGroupCommand,
  CreateThingCommand,
  CreateThingGroupCommand,
  CreateThingTypeCommand,
  DeleteThingCommand,
  DescribeIndexCommand,
  GetIndexingConfigurationCommand,
  IoTClient,
  ListIndicesCommand,
  RemoveThingFromThingGroupCommand,
  SearchIndexCommand,
  type ThingIndexingConfiguration,
  UpdateIndexingConfigurationCommand,
  UpdateThingCommand,
} from "@aws-sdk/client-iot";
import { DeleteThingShadowCommand, IoTDataPlaneClient } from "@aws-sdk/client-iot-data-plane";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import {
  enableIndexing,
  expectError,
  searchAll,
  searchNames,
  uniqueName,
  updateShadow,
  WORKSHOP_INDEXING,
} from "./iot-index-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
let data: IoTDataPlaneClient;
before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  data = new IoTDataPlaneClient(sb.config);
});
after(() => sb.dispose());

test("IDX-4: with indexing OFF no index exists: DescribeIndex/SearchIndex 404, ListIndices empty", async () => {
  await expectError(
    iot.send(new DescribeIndexCommand({ indexName: "AWS_Things" })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(iot.send(new SearchIndexCommand({ queryString: "*" })), "ResourceNotFoundException", 404);
  const list = await iot.send(new ListIndicesCommand({}));
  assert.deepEqual(list.indexNames ?? [], []);
});

test("IDX-4: schema per mode, ListIndices per enabled index, unknown index 404", async () => {
  const schemaFor = async (thingIndexingConfiguration: ThingIndexingConfiguration) => {
    await iot.send(new UpdateIndexingConfigurationCommand({ thingIndexingConfiguration }));
    const d = await iot.send(new DescribeIndexCommand({ indexName: "AWS_Things" }));
    assert.equal(d.indexName, "AWS_Things");
    assert.equal(d.indexStatus, "ACTIVE");
    return d.schema;
  };
  assert.equal(await schemaFor({ thingIndexingMode: "REGISTRY" }), "REGISTRY");
  assert.equal(await schemaFor({ thingIndexingMode: "REGISTRY_AND_SHADOW" }), "REGISTRY_AND_SHADOW");
  assert.equal(
    await schemaFor({ thingIndexingMode: "REGISTRY", thingConnectivityIndexingMode: "STATUS" }),
    "REGISTRY_AND_CONNECTIVITY_STATUS",
  );
  assert.equal(
    await schemaFor({ thingIndexingMode: "REGISTRY_AND_SHADOW", thingConnectivityIndexingMode: "STATUS" }),
    "REGISTRY_AND_SHADOW_AND_CONNECTIVITY_STATUS",
  );
  assert.equal(await schemaFor(WORKSHOP_INDEXING), "MULTI_INDEXING_MODE");
  assert.deepEqual((await iot.send(new ListIndicesCommand({}))).indexNames, ["AWS_Things"]);
  await enableIndexing(iot);
  assert.deepEqual((await iot.send(new ListIndicesCommand({}))).indexNames, [
    "AWS_ThingGroups",
    "AWS_Things",
  ]);
  const page = await iot.send(new ListIndicesCommand({ maxResults: 1 }));
  assert.deepEqual(page.indexNames, ["AWS_ThingGroups"]);
  const rest = await iot.send(new ListIndicesCommand({ maxResults: 1, nextToken: page.nextToken }));
  assert.deepEqual(rest.indexNames, ["AWS_Things"]);
  assert.equal(rest.nextToken, undefined);
  await expectError(
    iot.send(new DescribeIndexCommand({ indexName: "AWS_Nothing" })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    iot.send(new SearchIndexCommand({ indexName: "AWS_Nothing", queryString: "*" })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(iot.send(new ListIndicesCommand({ maxResults: 501 })), "InvalidRequestException", 400);
});

test("IDX-3: GetIndexingConfiguration reports the workshop configuration with its managed fields", async () => {
  await enableIndexing(iot);
  const c = await iot.send(new GetIndexingConfigurationCommand({}));
  assert.equal(c.thingIndexingConfiguration?.thingIndexingMode, "REGISTRY_AND_SHADOW");
  assert.deepEqual(c.thingIndexingConfiguration?.filter?.namedShadowNames, ["$package"]);
  const managed = (c.thingIndexingConfiguration?.managedFields ?? []).map((f) => f.name);
  for (const f of ["thingName", "thingId", "registry.version", "shadow.hasDelta", "connectivity.connected"])
    assert.ok(managed.includes(f), f);
});

test("IDX-11: a thing's document: registry parts, shadow as JSON text with classic and $package, absent parts omitted", async () => {
  await enableIndexing(iot);
  const type = uniqueName("DocType");
  await iot.send(new CreateThingTypeCommand({ thingTypeName: type }));
  const group = uniqueName("DocGroup");
  await iot.send(new CreateThingGroupCommand({ thingGroupName: group }));
  const name = uniqueName("doc");
  const created = await iot.send(
    new CreateThingCommand({
      thingName: name,
      thingTypeName: type,
      attributePayload: { attributes: { country: "US" } },
    }),
  );
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: group, thingName: name }));
  await updateShadow(data, name, {
    reported: { batteryStatus: 80, fw: "1.0.0" },
    desired: { batteryStatus: 100 },
  });
  await updateShadow(data, name, { reported: { [type]: { version: "1.0.0", attributes: {} } } }, "$package");
  await updateShadow(data, name, { reported: { hidden: true } }, "other");
  const out = await iot.send(new SearchIndexCommand({ queryString: `thingName:${name}` }));
  assert.equal(out.things?.length, 1);
  const doc = out.things![0];
  assert.equal(doc.thingName, name);
  assert.equal(doc.thingId, created.thingId);
  assert.equal(doc.thingTypeName, type);
  assert.deepEqual(doc.thingGroupNames, [group]);
  assert.deepEqual(doc.attributes, { country: "US" });
  assert.deepEqual(
    doc.connectivity,
    { connected: false },
    "never connected: offline, no time (emulator choice)",
  );
  assert.equal(typeof doc.shadow, "string");
  const shadow = JSON.parse(doc.shadow as string);
  assert.deepEqual(shadow.reported, { batteryStatus: 80, fw: "1.0.0" });
  assert.deepEqual(shadow.desired, { batteryStatus: 100 });
  assert.deepEqual(shadow.delta, { batteryStatus: 100 });
  assert.equal(shadow.hasDelta, true);
  assert.equal(shadow.version, 1);
  assert.equal(typeof shadow.metadata.reported.batteryStatus.timestamp, "number");
  assert.deepEqual(Object.keys(shadow.name), ["$package"], "only shadows in the filter are indexed");
  assert.deepEqual(shadow.name.$package, {
    reported: { [type]: { version: "1.0.0", attributes: {} } },
    hasDelta: false,
    version: 1,
  });
  const bare = uniqueName("bare");
  await iot.send(new CreateThingCommand({ thingName: bare }));
  const b = (await iot.send(new SearchIndexCommand({ queryString: `thingName:${bare}` }))).things![0];
  assert.deepEqual(Object.keys(b).sort(), ["connectivity", "thingId", "thingName"]);
});

test("IDX-5: REGISTRY mode indexes no shadow; switching to REGISTRY_AND_SHADOW indexes it (REBUILDING runs queries)", async () => {
  const name = uniqueName("mode");
  await iot.send(new CreateThingCommand({ thingName: name }));
  await updateShadow(data, name, { reported: { level: 42 } });
  await enableIndexing(iot, { thingIndexingMode: "REGISTRY" });
  assert.deepEqual(await searchNames(iot, `thingName:${name} AND shadow.reported.level:42`), []);
  const doc = (await iot.send(new SearchIndexCommand({ queryString: `thingName:${name}` }))).things![0];
  assert.equal(doc.shadow, undefined);
  await enableIndexing(iot, { thingIndexingMode: "REGISTRY_AND_SHADOW" });
  assert.deepEqual(await searchNames(iot, `thingName:${name} AND shadow.reported.level:42`), [name]);
  await enableIndexing(iot, {
    thingIndexingMode: "REGISTRY",
    namedShadowIndexingMode: "ON",
    filter: { namedShadowNames: ["cfg"] },
  });
  await updateShadow(data, name, { reported: { mode: "eco" } }, "cfg");
  assert.deepEqual(await searchNames(iot, `shadow.name.cfg.reported.mode:eco AND thingName:${name}`), [name]);
  assert.deepEqual(await searchNames(iot, `shadow.reported.level:42 AND thingName:${name}`), []);
  await enableIndexing(iot);
});

test("IDX-5: read-your-writes for create, attribute change, type change, groups, shadow update/delete and delete", async () => {
  await enableIndexing(iot);
  const name = uniqueName("ryw");
  const q = (rest: string) => searchNames(iot, `thingName:${name} AND ${rest}`);
  await iot.send(
    new CreateThingCommand({ thingName: name, attributePayload: { attributes: { color: "red" } } }),
  );
  assert.deepEqual(await q("attributes.color:red"), [name]);
  await iot.send(
    new UpdateThingCommand({
      thingName: name,
      attributePayload: { attributes: { color: "blue" }, merge: true },
    }),
  );
  assert.deepEqual(await q("attributes.color:red"), []);
  assert.deepEqual(await q("attributes.color:blue AND registry.version:2"), [name]);
  const type = uniqueName("RywType");
  await iot.send(new CreateThingTypeCommand({ thingTypeName: type }));
  await iot.send(new UpdateThingCommand({ thingName: name, thingTypeName: type }));
  assert.deepEqual(await q(`thingTypeName:${type}`), [name]);
  const group = uniqueName("RywGroup");
  await iot.send(new CreateThingGroupCommand({ thingGroupName: group }));
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: group, thingName: name }));
  assert.deepEqual(await q(`thingGroupNames:${group}`), [name]);
  await iot.send(new RemoveThingFromThingGroupCommand({ thingGroupName: group, thingName: name }));
  assert.deepEqual(await q(`thingGroupNames:${group}`), []);
  await updateShadow(data, name, { reported: { batteryStatus: 10 } });
  assert.deepEqual(await q("shadow.reported.batteryStatus<20"), [name]);
  await updateShadow(data, name, { reported: { batteryStatus: 90 } });
  assert.deepEqual(await q("shadow.reported.batteryStatus<20"), []);
  assert.deepEqual(await q("shadow.version:2"), [name]);
  await data.send(new DeleteThingShadowCommand({ thingName: name }));
  assert.deepEqual(await q("shadow.reported.batteryStatus:*"), []);
  await updateShadow(data, name, { reported: { Pkg: { version: "1.0.0" } } }, "$package");
  assert.deepEqual(await q("shadow.name.$package.reported.Pkg.version:1.0.0"), [name]);
  await iot.send(new DeleteThingCommand({ thingName: name }));
  assert.deepEqual(await searchNames(iot, `thingName:${name}`), []);
  await iot.send(new CreateThingCommand({ thingName: name }));
  assert.deepEqual(
    await q("shadow.name.$package.reported.Pkg.version:1.0.0"),
    [name],
    "shadows outlive the thing (THG-5)",
  );
});

test("IDX-10: pages of at most 100 (maxResults 250), nextToken iff more, bad tokens and versions refused", async () => {
  await enableIndexing(iot);
  const prefix = uniqueName("page");
  const names = Array.from({ length: 230 }, (_, i) => `${prefix}-${String(i).padStart(3, "0")}`);
  for (let i = 0; i < names.length; i += 20)
    await Promise.all(
      names.slice(i, i + 20).map((thingName) => iot.send(new CreateThingCommand({ thingName }))),
    );
  const query = `thingName:${prefix}-*`;
  const first = await iot.send(
    new SearchIndexCommand({ indexName: "AWS_Things", queryString: query, maxResults: 250 }),
  );
  assert.equal(first.things?.length, 100);
  assert.ok(first.nextToken);
  const all = await searchAll(iot, query, { maxResults: 250 });
  assert.equal(all.pages, 3);
  assert.deepEqual(
    all.things.map((t) => t.thingName),
    names,
  );
  const exact = await iot.send(
    new SearchIndexCommand({ queryString: `thingName:${prefix}-00*`, maxResults: 10 }),
  );
  assert.equal(exact.things?.length, 10);
  assert.equal(exact.nextToken, undefined, "no token when nothing follows");
  await expectError(
    iot.send(new SearchIndexCommand({ queryString: query, maxResults: 0 })),
    "InvalidRequestException",
    400,
  );
  await expectError(iot.send(new SearchIndexCommand({ queryString: "" })), "InvalidRequestException", 400);
  await expectError(
    iot.send(new SearchIndexCommand({ queryString: query, nextToken: "forged" })),
    "InvalidRequestException",
    400,
  );
  await expectError(
    iot.send(new SearchIndexCommand({ queryString: "*", nextToken: first.nextToken })),
    "InvalidRequestException",
    400,
    /not valid for this query/,
  );
  await expectError(
    iot.send(new SearchIndexCommand({ queryString: query, queryVersion: "2020-01-01" })),
    "InvalidRequestException",
    400,
  );
  const versioned = await iot.send(
    new SearchIndexCommand({ queryString: query, queryVersion: "2017-09-30", maxResults: 1 }),
  );
  assert.equal(versioned.things?.length, 1);
});

test("IDX-4/IDX-11: AWS_ThingGroups documents and queries; 404 when group indexing is OFF", async () => {
  await enableIndexing(iot);
  const root = uniqueName("GRoot");
  const child = uniqueName("GChild");
  await iot.send(
    new CreateThingGroupCommand({
      thingGroupName: root,
      thingGroupProperties: {
        thingGroupDescription: "Root fleet",
        attributePayload: { attributes: { tier: "gold" } },
      },
    }),
  );
  await iot.send(new CreateThingGroupCommand({ thingGroupName: child, parentGroupName: root }));
  const byName = await searchAll(iot, `thingGroupName:${root.slice(0, -2)}*`, {
    indexName: "AWS_ThingGroups",
  });
  const found = byName.thingGroups.find((g) => g.thingGroupName === root);
  assert.ok(found);
  assert.equal(found.thingGroupDescription, "Root fleet");
  assert.deepEqual(found.attributes, { tier: "gold" });
  assert.equal(byName.things.length, 0);
  const children = await searchAll(iot, `parentGroupNames:${root}`, { indexName: "AWS_ThingGroups" });
  assert.deepEqual(
    children.thingGroups.map((g) => [g.thingGroupName, g.parentGroupNames]),
    [[child, [root]]],
  );
  const gold = await searchAll(iot, "attributes.tier:gold", { indexName: "AWS_ThingGroups" });
  assert.deepEqual(
    gold.thingGroups.map((g) => g.thingGroupName),
    [root],
  );
  await enableIndexing(iot, WORKSHOP_INDEXING, false);
  await expectError(
    iot.send(new SearchIndexCommand({ indexName: "AWS_ThingGroups", queryString: "*" })),
    "ResourceNotFoundException",
    404,
  );
  await enableIndexing(iot);
});

test("IDX-5: the index is rebuilt from the store after kill -9 (same answers, still following changes)", async () => {
  await enableIndexing(iot);
  const name = uniqueName("durable");
  await iot.send(
    new CreateThingCommand({ thingName: name, attributePayload: { attributes: { site: "north" } } }),
  );
  await updateShadow(data, name, { reported: { batteryStatus: 33 } });
  const before = await searchAll(iot, "*");
  await sb.restart({ kill: true });
  const after = await searchAll(iot, "*");
  assert.deepEqual(after.things, before.things);
  assert.deepEqual(await searchNames(iot, `attributes.site:north AND shadow.reported.batteryStatus:33`), [
    name,
  ]);
  await updateShadow(data, name, { reported: { batteryStatus: 34 } });
  assert.deepEqual(await searchNames(iot, `attributes.site:north AND shadow.reported.batteryStatus:34`), [
    name,
  ]);
});

test("IDX-4: first enablement BUILDING (400 IndexNotReadyException), REBUILDING still answers, then ACTIVE on the sandbox clock", async () => {
  process.env.IOTDM_INDEX_BUILD_DELAY_SECONDS = "120";
  const slow = await startSandbox();
  delete process.env.IOTDM_INDEX_BUILD_DELAY_SECONDS;
  try {
    const client = new IoTClient(slow.config);
    await client.send(new CreateThingCommand({ thingName: "early" }));
    await enableIndexing(client);
    const d = await client.send(new DescribeIndexCommand({ indexName: "AWS_Things" }));
    assert.equal(d.indexStatus, "BUILDING");
    await expectError(
      client.send(new SearchIndexCommand({ queryString: "*" })),
      "IndexNotReadyException",
      400,
    );
    await slow.advanceClock(121);
    assert.equal(
      (await client.send(new DescribeIndexCommand({ indexName: "AWS_Things" }))).indexStatus,
      "ACTIVE",
    );
    assert.deepEqual(await searchNames(client, "*"), ["early"]);
    await enableIndexing(client, { thingIndexingMode: "REGISTRY" });
    assert.equal(
      (await client.send(new DescribeIndexCommand({ indexName: "AWS_Things" }))).indexStatus,
      "REBUILDING",
    );
    assert.deepEqual(await searchNames(client, "*"), ["early"]);
    await enableIndexing(client, { thingIndexingMode: "REGISTRY" });
    await slow.advanceClock(121);
    assert.equal(
      (await client.send(new DescribeIndexCommand({ indexName: "AWS_Things" }))).indexStatus,
      "ACTIVE",
    );
  } finally {
    await slow.dispose();
  }
});
