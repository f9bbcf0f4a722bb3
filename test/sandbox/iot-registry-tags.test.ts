import assert from "node:assert/strict";
import { after, before, type TestContext, test } from "node:test";
import {
  CreatePackageCommand,
  CreatePackageVersionCommand,
  CreatePolicyCommand,
  CreateThingCommand,
  CreateThingGroupCommand,
  CreateThingTypeCommand,
  DeleteThingGroupCommand,
  IoTClient,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
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

const arn = (resource: string) => `arn:aws:iot:${sb.region}:${sb.accountId}:${resource}`;
const tagsOf = async (resourceArn: string) =>
  (await iot.send(new ListTagsForResourceCommand({ resourceArn }))).tags;

test("TAG-1: tags on thing groups and thing types: create-time tags, add, overwrite, remove", async () => {
  const group = uniqueName("group");
  await iot.send(
    new CreateThingGroupCommand({ thingGroupName: group, tags: [{ Key: "env", Value: "dev" }] }),
  );
  const groupArn = arn(`thinggroup/${group}`);
  assert.deepEqual(await tagsOf(groupArn), [{ Key: "env", Value: "dev" }]);
  await iot.send(
    new TagResourceCommand({
      resourceArn: groupArn,
      tags: [
        { Key: "env", Value: "prod" },
        { Key: "team", Value: "iot" },
      ],
    }),
  );
  assert.deepEqual(await tagsOf(groupArn), [
    { Key: "env", Value: "prod" },
    { Key: "team", Value: "iot" },
  ]);
  await iot.send(new UntagResourceCommand({ resourceArn: groupArn, tagKeys: ["env", "absent"] }));
  assert.deepEqual(await tagsOf(groupArn), [{ Key: "team", Value: "iot" }]);

  const type = uniqueName("type");
  await iot.send(new CreateThingTypeCommand({ thingTypeName: type, tags: [{ Key: "k", Value: "" }] }));
  assert.deepEqual(await tagsOf(arn(`thingtype/${type}`)), [{ Key: "k", Value: "" }]);
});

test("TAG-1: things are not taggable (400); unknown resources → 404; malformed ARN → 400", async () => {
  const thing = uniqueName("thing");
  await iot.send(new CreateThingCommand({ thingName: thing }));
  await expectError(
    iot.send(
      new TagResourceCommand({ resourceArn: arn(`thing/${thing}`), tags: [{ Key: "a", Value: "b" }] }),
    ),
    "InvalidRequestException",
    400,
  );
  for (const resource of [
    `thinggroup/${uniqueName("missing")}`,
    `thingtype/${uniqueName("missing")}`,
    `package/${uniqueName("missing")}`,
    `package/${uniqueName("missing")}/version/1.0`,
    `policy/${uniqueName("missing")}`,
    `job/${uniqueName("missing")}`,
  ])
    await expectError(
      iot.send(new ListTagsForResourceCommand({ resourceArn: arn(resource) })),
      "ResourceNotFoundException",
      404,
    );
  await expectError(
    iot.send(new ListTagsForResourceCommand({ resourceArn: "not-an-arn" })),
    "InvalidRequestException",
    400,
  );
  const group = uniqueName("group");
  await iot.send(new CreateThingGroupCommand({ thingGroupName: group }));
  await iot.send(new DeleteThingGroupCommand({ thingGroupName: group }));
  await expectError(
    iot.send(new ListTagsForResourceCommand({ resourceArn: arn(`thinggroup/${group}`) })),
    "ResourceNotFoundException",
    404,
  );
});

test("TAG-1: tag limits: aws: prefix, key length, at most 50 tags (400)", async () => {
  const group = uniqueName("group");
  await iot.send(new CreateThingGroupCommand({ thingGroupName: group }));
  const resourceArn = arn(`thinggroup/${group}`);
  await expectError(
    iot.send(new TagResourceCommand({ resourceArn, tags: [{ Key: "aws:reserved", Value: "x" }] })),
    "InvalidRequestException",
    400,
  );
  await expectError(
    iot.send(new TagResourceCommand({ resourceArn, tags: [{ Key: "k".repeat(129), Value: "x" }] })),
    "InvalidRequestException",
    400,
    /tags\.1\.Key/,
  );
  const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
  await iot.send(new TagResourceCommand({ resourceArn, tags: fifty }));
  await expectError(
    iot.send(new TagResourceCommand({ resourceArn, tags: [{ Key: "one-more", Value: "v" }] })),
    "InvalidRequestException",
    400,
    /50 tags/,
  );
  assert.equal((await tagsOf(resourceArn))?.length, 50);
});

/** Creates a resource through another area's operation, or marks the test todo if that area is not there yet. */
async function createOrTodo(t: TestContext, what: string, create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (e) {
    if ((e as Error).name !== "NotImplementedException") throw e;
    t.todo(`${what} is not implemented yet: tagging it is untested`);
    return false;
  }
}

async function checkTaggable(resourceArn: string): Promise<void> {
  await iot.send(new TagResourceCommand({ resourceArn, tags: [{ Key: "a", Value: "1" }] }));
  assert.deepEqual(await tagsOf(resourceArn), [{ Key: "a", Value: "1" }]);
  await iot.send(new UntagResourceCommand({ resourceArn, tagKeys: ["a"] }));
  assert.deepEqual(await tagsOf(resourceArn), []);
}

test("TAG-1: IoT policies (security area) are taggable when they exist", async (t) => {
  const policyName = uniqueName("policy");
  const policyDocument = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "iot:Connect", Resource: "*" }],
  });
  if (
    await createOrTodo(t, "CreatePolicy", () =>
      iot.send(new CreatePolicyCommand({ policyName, policyDocument })),
    )
  )
    await checkTaggable(arn(`policy/${policyName}`));
});

test("TAG-1: software packages and versions (packages area) are taggable when they exist", async (t) => {
  const packageName = uniqueName("pkg");
  const created = await createOrTodo(t, "CreatePackage/CreatePackageVersion", async () => {
    await iot.send(new CreatePackageCommand({ packageName }));
    await iot.send(new CreatePackageVersionCommand({ packageName, versionName: "1.0.0" }));
  });
  if (!created) return;
  await checkTaggable(arn(`package/${packageName}`));
  await checkTaggable(arn(`package/${packageName}/version/1.0.0`));
});
