import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  AddThingToThingGroupCommand,
  CreateThingCommand,
  CreateThingGroupCommand,
  DeleteThingCommand,
  DeleteThingGroupCommand,
  DescribeThingGroupCommand,
  IoTClient,
  ListThingGroupsCommand,
  type ListThingGroupsCommandInput,
  ListThingGroupsForThingCommand,
  ListThingsInThingGroupCommand,
  RemoveThingFromThingGroupCommand,
  UpdateThingGroupCommand,
} from "@aws-sdk/client-iot";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { expectError, uniqueName } from "./iot-registry-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
});
after(() => sb.dispose());

const groupArn = (name: string) => `arn:aws:iot:${sb.region}:${sb.accountId}:thinggroup/${name}`;

async function newGroup(parentGroupName?: string, name = uniqueName("group")): Promise<string> {
  await iot.send(new CreateThingGroupCommand({ thingGroupName: name, parentGroupName }));
  return name;
}

async function newThing(): Promise<string> {
  const name = uniqueName("thing");
  await iot.send(new CreateThingCommand({ thingName: name }));
  return name;
}

async function groupsOf(thingName: string): Promise<string[]> {
  const out = await iot.send(new ListThingGroupsForThingCommand({ thingName }));
  return (out.thingGroups ?? []).map((g) => g.groupName as string);
}

test("GRP-1: CreateThingGroup returns name, ARN and id; identical re-create → same id, different → 409", async () => {
  const name = uniqueName("group");
  const input = {
    thingGroupName: name,
    thingGroupProperties: {
      attributePayload: { attributes: { site: "a" } },
    },
  };
  const first = await iot.send(new CreateThingGroupCommand(input));
  assert.equal(first.thingGroupArn, groupArn(name));
  assert.match(first.thingGroupId ?? "", /^[0-9a-f-]{36}$/);
  const again = await iot.send(new CreateThingGroupCommand(input));
  assert.equal(again.thingGroupId, first.thingGroupId);
  const e = await expectError(
    iot.send(new CreateThingGroupCommand({ thingGroupName: name })),
    "ResourceAlreadyExistsException",
    409,
  );
  assert.equal(e.resourceArn, first.thingGroupArn);
});

test("GRP-1: parent must exist (400, the model has no NotFound here); ≤ 50 attributes; ≤ 100 children; depth ≤ 7", async () => {
  await expectError(
    iot.send(
      new CreateThingGroupCommand({
        thingGroupName: uniqueName("group"),
        parentGroupName: uniqueName("missing"),
      }),
    ),
    "InvalidRequestException",
    400,
  );
  const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
  await expectError(
    iot.send(
      new CreateThingGroupCommand({
        thingGroupName: uniqueName("group"),
        thingGroupProperties: { attributePayload: { attributes: tooMany } },
      }),
    ),
    "InvalidRequestException",
    400,
    /at most 50/,
  );
  let parent = await newGroup();
  for (let depth = 2; depth <= 7; depth++) parent = await newGroup(parent);
  await expectError(
    iot.send(new CreateThingGroupCommand({ thingGroupName: uniqueName("group"), parentGroupName: parent })),
    "InvalidRequestException",
    400,
    /7 levels/,
  );
  const wide = await newGroup();
  for (let i = 0; i < 100; i++) await newGroup(wide);
  await expectError(
    iot.send(new CreateThingGroupCommand({ thingGroupName: uniqueName("group"), parentGroupName: wide })),
    "InvalidRequestException",
    400,
    /100 child groups/,
  );
});

test("GRP-2: DescribeThingGroup shows the root-to-parent chain and no queryString; unknown → 404", async () => {
  const root = await newGroup();
  const mid = await newGroup(root);
  const leafName = uniqueName("group");
  const created = await iot.send(
    new CreateThingGroupCommand({
      thingGroupName: leafName,
      parentGroupName: mid,
      thingGroupProperties: {
        attributePayload: { attributes: { floor: "3" } },
      },
    }),
  );
  const d = await iot.send(new DescribeThingGroupCommand({ thingGroupName: leafName }));
  assert.equal(d.thingGroupId, created.thingGroupId);
  assert.equal(d.thingGroupArn, groupArn(leafName));
  assert.equal(d.version, 1);
  assert.deepEqual(d.thingGroupProperties, { attributePayload: { attributes: { floor: "3" } } });
  assert.equal(d.thingGroupMetadata?.parentGroupName, mid);
  assert.deepEqual(d.thingGroupMetadata?.rootToParentThingGroups, [
    { groupName: root, groupArn: groupArn(root) },
    { groupName: mid, groupArn: groupArn(mid) },
  ]);
  assert.ok(d.thingGroupMetadata?.creationDate instanceof Date);
  assert.equal(d.queryString, undefined);
  assert.equal(d.indexName, undefined);
  const r = await iot.send(new DescribeThingGroupCommand({ thingGroupName: root }));
  assert.equal(r.thingGroupMetadata?.parentGroupName, undefined);
  await expectError(
    iot.send(new DescribeThingGroupCommand({ thingGroupName: uniqueName("missing") })),
    "ResourceNotFoundException",
    404,
  );
});

test("VAL-1: group descriptions accept printable ASCII with spaces (AWS's Java \\p{Graph}); set and replace", async () => {
  const name = uniqueName("group");
  await iot.send(
    new CreateThingGroupCommand({
      thingGroupName: name,
      thingGroupProperties: { thingGroupDescription: "Line 1 devices (north wing) #3" },
    }),
  );
  let d = await iot.send(new DescribeThingGroupCommand({ thingGroupName: name }));
  assert.equal(d.thingGroupProperties?.thingGroupDescription, "Line 1 devices (north wing) #3");
  await iot.send(
    new UpdateThingGroupCommand({
      thingGroupName: name,
      thingGroupProperties: { thingGroupDescription: "Renamed" },
    }),
  );
  d = await iot.send(new DescribeThingGroupCommand({ thingGroupName: name }));
  assert.equal(d.thingGroupProperties?.thingGroupDescription, "Renamed");
  await expectError(
    iot.send(
      new CreateThingGroupCommand({
        thingGroupName: uniqueName("group"),
        thingGroupProperties: { thingGroupDescription: "tab\there" },
      }),
    ),
    "InvalidRequestException",
    400,
    /thingGroupDescription/,
  );
});

test("GRP-3: AddThingToThingGroup by names or ARNs; re-adding is a no-op; unknown → 404", async () => {
  const [g1, g2] = [await newGroup(), await newGroup()];
  const thing = await newThing();
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: g1, thingName: thing }));
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: g1, thingName: thing }));
  await iot.send(
    new AddThingToThingGroupCommand({
      thingGroupArn: groupArn(g2),
      thingArn: `arn:aws:iot:${sb.region}:${sb.accountId}:thing/${thing}`,
    }),
  );
  assert.deepEqual(await groupsOf(thing), [g1, g2].sort());
  await expectError(
    iot.send(new AddThingToThingGroupCommand({ thingGroupName: uniqueName("missing"), thingName: thing })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    iot.send(new AddThingToThingGroupCommand({ thingGroupName: g1, thingName: uniqueName("missing") })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    iot.send(new AddThingToThingGroupCommand({ thingName: thing })),
    "InvalidRequestException",
    400,
  );
});

test("GRP-3: one group per hierarchy and at most 10 groups per thing (400)", async () => {
  const root = await newGroup();
  const child = await newGroup(root);
  const thing = await newThing();
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: child, thingName: thing }));
  await expectError(
    iot.send(new AddThingToThingGroupCommand({ thingGroupName: root, thingName: thing })),
    "InvalidRequestException",
    400,
    /same hierarchy/,
  );
  for (let i = 0; i < 9; i++)
    await iot.send(new AddThingToThingGroupCommand({ thingGroupName: await newGroup(), thingName: thing }));
  assert.equal((await groupsOf(thing)).length, 10);
  await expectError(
    iot.send(new AddThingToThingGroupCommand({ thingGroupName: await newGroup(), thingName: thing })),
    "InvalidRequestException",
    400,
    /10 thing groups/,
  );
});

test("GRP-4: RemoveThingFromThingGroup; not a member → 200; unknown → 404", async () => {
  const group = await newGroup();
  const thing = await newThing();
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: group, thingName: thing }));
  await iot.send(new RemoveThingFromThingGroupCommand({ thingGroupArn: groupArn(group), thingName: thing }));
  assert.deepEqual(await groupsOf(thing), []);
  await iot.send(new RemoveThingFromThingGroupCommand({ thingGroupName: group, thingName: thing }));
  await expectError(
    iot.send(
      new RemoveThingFromThingGroupCommand({ thingGroupName: uniqueName("missing"), thingName: thing }),
    ),
    "ResourceNotFoundException",
    404,
  );
});

test("GRP-5: UpdateThingGroup versions and merges; expectedVersion mismatch → 409", async () => {
  const name = uniqueName("group");
  await iot.send(
    new CreateThingGroupCommand({
      thingGroupName: name,
      thingGroupProperties: { attributePayload: { attributes: { a: "1", b: "2" } } },
    }),
  );
  const out = await iot.send(
    new UpdateThingGroupCommand({
      thingGroupName: name,
      expectedVersion: 1,
      thingGroupProperties: { attributePayload: { attributes: { b: "", c: "3" }, merge: true } },
    }),
  );
  assert.equal(out.version, 2);
  const d = await iot.send(new DescribeThingGroupCommand({ thingGroupName: name }));
  assert.deepEqual(d.thingGroupProperties, { attributePayload: { attributes: { a: "1", c: "3" } } });
  await expectError(
    iot.send(
      new UpdateThingGroupCommand({ thingGroupName: name, expectedVersion: 1, thingGroupProperties: {} }),
    ),
    "VersionConflictException",
    409,
  );
  await expectError(
    iot.send(
      new UpdateThingGroupCommand({ thingGroupName: uniqueName("missing"), thingGroupProperties: {} }),
    ),
    "ResourceNotFoundException",
    404,
  );
});

test("GRP-5: DeleteThingGroup: unknown → 200, children → 400, version → 409, members detached", async () => {
  await iot.send(new DeleteThingGroupCommand({ thingGroupName: uniqueName("missing") }));
  const parent = await newGroup();
  const child = await newGroup(parent);
  const thing = await newThing();
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: parent, thingName: thing }));
  await expectError(
    iot.send(new DeleteThingGroupCommand({ thingGroupName: parent })),
    "InvalidRequestException",
    400,
    /child groups/,
  );
  await iot.send(new DeleteThingGroupCommand({ thingGroupName: child }));
  await expectError(
    iot.send(new DeleteThingGroupCommand({ thingGroupName: parent, expectedVersion: 5 })),
    "VersionConflictException",
    409,
  );
  await iot.send(new DeleteThingGroupCommand({ thingGroupName: parent, expectedVersion: 1 }));
  assert.deepEqual(await groupsOf(thing), []);
  await expectError(
    iot.send(new DescribeThingGroupCommand({ thingGroupName: parent })),
    "ResourceNotFoundException",
    404,
  );
  // The name is free again.
  await newGroup(undefined, parent);
});

test("THG-5: DeleteThing removes the thing from its groups", async () => {
  const group = await newGroup();
  const thing = await newThing();
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: group, thingName: thing }));
  await iot.send(new DeleteThingCommand({ thingName: thing }));
  const members = await iot.send(new ListThingsInThingGroupCommand({ thingGroupName: group }));
  assert.deepEqual(members.things, []);
});

test("GRP-6: ListThingGroups by parent, recursive, name prefix, with pagination; unknown parent → 404", async () => {
  const prefix = uniqueName("tree");
  const root = await newGroup(undefined, `${prefix}-root`);
  const a = await newGroup(root, `${prefix}-a`);
  const b = await newGroup(root, `${prefix}-b`);
  const a1 = await newGroup(a, `${prefix}-a1`);
  const names = async (input: ListThingGroupsCommandInput) =>
    ((await iot.send(new ListThingGroupsCommand(input))).thingGroups ?? []).map((g) => g.groupName);
  assert.deepEqual(await names({ parentGroup: root }), [a, b]);
  assert.deepEqual(await names({ parentGroup: root, recursive: true }), [a, a1, b]);
  assert.deepEqual(await names({ namePrefixFilter: prefix }), [a, a1, b, root]);
  assert.deepEqual(await names({ namePrefixFilter: prefix, recursive: false }), [root]);
  const first = await iot.send(new ListThingGroupsCommand({ namePrefixFilter: prefix, maxResults: 3 }));
  assert.deepEqual(
    first.thingGroups?.map((g) => g.groupName),
    [a, a1, b],
  );
  assert.equal(first.thingGroups?.[0].groupArn, groupArn(a));
  const second = await iot.send(
    new ListThingGroupsCommand({ namePrefixFilter: prefix, maxResults: 3, nextToken: first.nextToken }),
  );
  assert.deepEqual(
    second.thingGroups?.map((g) => g.groupName),
    [root],
  );
  assert.equal(second.nextToken, undefined);
  await expectError(
    iot.send(new ListThingGroupsCommand({ parentGroup: uniqueName("missing") })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    iot.send(new ListThingGroupsCommand({ maxResults: 251 })),
    "InvalidRequestException",
    400,
  );
});

test("GRP-6: ListThingsInThingGroup (recursive) and ListThingGroupsForThing paginate; unknown → 404", async () => {
  const root = await newGroup();
  const child = await newGroup(root);
  const direct: string[] = [];
  for (let i = 0; i < 5; i++) {
    const t = await newThing();
    direct.push(t);
    await iot.send(new AddThingToThingGroupCommand({ thingGroupName: root, thingName: t }));
  }
  const nested = await newThing();
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: child, thingName: nested }));
  const collect = async (recursive: boolean) => {
    const pages: string[][] = [];
    let nextToken: string | undefined;
    do {
      const p = await iot.send(
        new ListThingsInThingGroupCommand({ thingGroupName: root, recursive, maxResults: 2, nextToken }),
      );
      pages.push(p.things ?? []);
      nextToken = p.nextToken;
    } while (nextToken);
    return pages;
  };
  const flat = await collect(false);
  assert.deepEqual(
    flat.map((p) => p.length),
    [2, 2, 1],
  );
  assert.deepEqual(flat.flat(), [...direct].sort());
  assert.deepEqual((await collect(true)).flat(), [...direct, nested].sort());
  await expectError(
    iot.send(new ListThingsInThingGroupCommand({ thingGroupName: uniqueName("missing") })),
    "ResourceNotFoundException",
    404,
  );

  const thing = await newThing();
  const groups = [await newGroup(), await newGroup(), await newGroup()];
  for (const g of groups)
    await iot.send(new AddThingToThingGroupCommand({ thingGroupName: g, thingName: thing }));
  const p1 = await iot.send(new ListThingGroupsForThingCommand({ thingName: thing, maxResults: 2 }));
  const p2 = await iot.send(
    new ListThingGroupsForThingCommand({ thingName: thing, maxResults: 2, nextToken: p1.nextToken }),
  );
  assert.deepEqual(
    [...(p1.thingGroups ?? []), ...(p2.thingGroups ?? [])].map((g) => g.groupName),
    [...groups].sort(),
  );
  assert.equal(p2.nextToken, undefined);
  await expectError(
    iot.send(new ListThingGroupsForThingCommand({ thingName: uniqueName("missing") })),
    "ResourceNotFoundException",
    404,
  );
});
