/**
 * UpdateThingGroupsForThing: GRP-3 (additions) and GRP-4 (removals) in one call, all or nothing,
 * with DYN-3/DYN-4 for dynamic groups.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  AddThingToThingGroupCommand,
  CreateThingGroupCommand,
  IoTClient,
  UpdateThingGroupsForThingCommand,
  type UpdateThingGroupsForThingCommandInput,
} from "@aws-sdk/client-iot";
import { IoTDataPlaneClient } from "@aws-sdk/client-iot-data-plane";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { dynamicGroupHelpers, enableIndexing, expectError, uniqueName } from "./iot-index-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
let h: ReturnType<typeof dynamicGroupHelpers>;
before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  h = dynamicGroupHelpers(iot, new IoTDataPlaneClient(sb.config));
});
after(() => sb.dispose());

async function group(parentGroupName?: string): Promise<string> {
  const thingGroupName = uniqueName("grp");
  await iot.send(new CreateThingGroupCommand({ thingGroupName, parentGroupName }));
  return thingGroupName;
}

const update = (input: UpdateThingGroupsForThingCommandInput) =>
  iot.send(new UpdateThingGroupsForThingCommand(input));
const groupsOf = async (thing: string) => (await h.groupsOf(thing)).sort();

test("GRP-3/GRP-4: one call adds and removes; removals first, so a thing moves within a hierarchy", async () => {
  const fleet = await group();
  const [east, west] = [await group(fleet), await group(fleet)];
  const other = await group();
  const car = await h.thing(uniqueName("car"));
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: east, thingName: car }));
  const out = await update({ thingName: car, thingGroupsToRemove: [east], thingGroupsToAdd: [west, other] });
  assert.equal(out.$metadata.httpStatusCode, 200);
  assert.deepEqual(await groupsOf(car), [other, west].sort());
  // GRP-3/GRP-4: re-adding a member and removing a non-member change nothing.
  await update({ thingName: car, thingGroupsToAdd: [west], thingGroupsToRemove: [east] });
  await update({ thingName: car });
  assert.deepEqual(await groupsOf(car), [other, west].sort());
});

test("GRP-3: a refused addition leaves every membership as it was (one transaction)", async () => {
  const fleet = await group();
  const [a, b] = [await group(fleet), await group(fleet)];
  const start = await group();
  const car = await h.thing(uniqueName("car"));
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: start, thingName: car }));
  await expectError(
    update({ thingName: car, thingGroupsToRemove: [start], thingGroupsToAdd: [a, b] }),
    "InvalidRequestException",
    400,
    /same hierarchy/,
  );
  assert.deepEqual(await groupsOf(car), [start]);
});

test("GRP-3/GRP-4: unknown thing or group → 404, nothing changed; no thing or a bad name → 400", async () => {
  const g = await group();
  const car = await h.thing(uniqueName("car"));
  await expectError(
    update({ thingName: uniqueName("none"), thingGroupsToAdd: [g] }),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    update({ thingName: car, thingGroupsToAdd: [g, uniqueName("none")] }),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    update({ thingName: car, thingGroupsToRemove: [uniqueName("none")] }),
    "ResourceNotFoundException",
    404,
  );
  assert.deepEqual(await groupsOf(car), []);
  await expectError(update({ thingGroupsToAdd: [g] }), "InvalidRequestException", 400);
  await expectError(
    update({ thingName: car, thingGroupsToAdd: ["bad name"] }),
    "InvalidRequestException",
    400,
  );
});

test("DYN-3/DYN-4: dynamic groups cannot be named; overrideDynamicGroups frees a slot at 10 groups", async () => {
  await enableIndexing(iot);
  const p = uniqueName("full");
  const car = await h.thing(`${p}-car`);
  const statics: string[] = [];
  for (let i = 0; i < 10; i++) statics.push(await group());
  await update({ thingName: car, thingGroupsToAdd: statics.slice(0, 9) });
  const dyn = await h.dynamic(`thingName:${p}-*`);
  assert.deepEqual(await h.members(dyn), [car]);
  for (const names of [{ thingGroupsToAdd: [dyn] }, { thingGroupsToRemove: [dyn] }])
    await expectError(update({ thingName: car, ...names }), "InvalidRequestException", 400, /dynamic/);
  await expectError(
    update({ thingName: car, thingGroupsToAdd: [statics[9]] }),
    "InvalidRequestException",
    400,
  );
  await update({ thingName: car, thingGroupsToAdd: [statics[9]], overrideDynamicGroups: true });
  assert.deepEqual(await h.members(dyn), []);
  assert.deepEqual(await groupsOf(car), [...statics].sort());
});
