import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import {
  AddThingToThingGroupCommand,
  CreateThingCommand,
  CreateThingGroupCommand,
  CreateThingTypeCommand,
  DescribeEndpointCommand,
  DescribeThingCommand,
  DescribeThingGroupCommand,
  DescribeThingTypeCommand,
  GetIndexingConfigurationCommand,
  GetV2LoggingOptionsCommand,
  IoTClient,
  ListTagsForResourceCommand,
  ListThingsCommand,
  ListThingsInThingGroupCommand,
  UpdateIndexingConfigurationCommand,
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
const endpoint = async (endpointType?: string) =>
  (await iot.send(new DescribeEndpointCommand({ endpointType }))).endpointAddress;
const tagsOf = async (resourceArn: string) =>
  (await iot.send(new ListTagsForResourceCommand({ resourceArn }))).tags;

test("PROTO-20: data, ATS and jobs endpoints are this sandbox's host; it answers there", async () => {
  const host = `127.0.0.1:${sb.port}`;
  assert.equal(await endpoint("iot:Data-ATS"), host);
  assert.equal(await endpoint("iot:Data"), host);
  assert.equal(await endpoint("iot:Jobs"), host);
  assert.equal(await endpoint(undefined), host);
  const viaEndpoint = new IoTClient({ ...sb.config, endpoint: `http://${await endpoint("iot:Data-ATS")}` });
  assert.ok(Array.isArray((await viaEndpoint.send(new ListThingsCommand({}))).things));
});

test("PROTO-20: the credential provider endpoint has a stable 14-char account prefix; other types → 400", async () => {
  const address = await endpoint("iot:CredentialProvider");
  assert.match(address ?? "", /^[a-z0-9]{14}\.credentials\.iot\.us-east-1\.amazonaws\.com$/);
  assert.equal(await endpoint("iot:CredentialProvider"), address);
  await expectError(
    iot.send(new DescribeEndpointCommand({ endpointType: "iot:Nope" })),
    "InvalidRequestException",
    400,
    /iot:Data-ATS/,
  );
});

test("IDX-3: GetIndexingConfiguration defaults to OFF before first use", async () => {
  const c = await iot.send(new GetIndexingConfigurationCommand({}));
  assert.equal(c.thingIndexingConfiguration?.thingIndexingMode, "OFF");
  assert.equal(c.thingIndexingConfiguration?.managedFields, undefined);
  assert.equal(c.thingGroupIndexingConfiguration?.thingGroupIndexingMode, "OFF");
});

test("IDX-1/IDX-3: the workshop's configuration round-trips with managed fields; cleanup turns it off", async () => {
  await iot.send(
    new UpdateIndexingConfigurationCommand({
      thingIndexingConfiguration: {
        thingIndexingMode: "REGISTRY_AND_SHADOW",
        thingConnectivityIndexingMode: "STATUS",
        deviceDefenderIndexingMode: "VIOLATIONS",
        namedShadowIndexingMode: "ON",
        filter: { namedShadowNames: ["$package"] },
      },
      thingGroupIndexingConfiguration: { thingGroupIndexingMode: "ON" },
    }),
  );
  const c = await iot.send(new GetIndexingConfigurationCommand({}));
  const thing = c.thingIndexingConfiguration;
  assert.equal(thing?.thingIndexingMode, "REGISTRY_AND_SHADOW");
  assert.equal(thing?.thingConnectivityIndexingMode, "STATUS");
  assert.equal(thing?.deviceDefenderIndexingMode, "VIOLATIONS");
  assert.equal(thing?.namedShadowIndexingMode, "ON");
  assert.deepEqual(thing?.filter, { namedShadowNames: ["$package"] });
  const managed = new Map(thing?.managedFields?.map((f) => [f.name, f.type]));
  for (const [name, type] of [
    ["thingName", "String"],
    ["thingId", "String"],
    ["registry.thingTypeName", "String"],
    ["registry.thingGroupNames", "String"],
    ["registry.version", "Number"],
    ["shadow.version", "Number"],
    ["shadow.hasDelta", "Boolean"],
    ["shadow.name.*.version", "Number"],
    ["connectivity.connected", "Boolean"],
    ["deviceDefender.violationCount", "Number"],
  ])
    assert.equal(managed.get(name), type, name);
  const groupManaged = c.thingGroupIndexingConfiguration?.managedFields?.map((f) => f.name);
  assert.ok(groupManaged?.includes("thingGroupName"));

  await iot.send(
    new UpdateIndexingConfigurationCommand({
      thingIndexingConfiguration: { thingIndexingMode: "OFF" },
      thingGroupIndexingConfiguration: { thingGroupIndexingMode: "OFF" },
    }),
  );
  const off = await iot.send(new GetIndexingConfigurationCommand({}));
  assert.equal(off.thingIndexingConfiguration?.thingIndexingMode, "OFF");
  assert.equal(off.thingIndexingConfiguration?.thingConnectivityIndexingMode, "OFF");
  assert.equal(off.thingIndexingConfiguration?.managedFields, undefined);
  assert.equal(off.thingGroupIndexingConfiguration?.thingGroupIndexingMode, "OFF");
});

test("IDX-1/IDX-2: named shadow filter ≤ 10 ($package free), modes and custom fields must fit (400)", async () => {
  const ten = Array.from({ length: 10 }, (_, i) => `s${i}`);
  await iot.send(
    new UpdateIndexingConfigurationCommand({
      thingIndexingConfiguration: {
        thingIndexingMode: "REGISTRY",
        namedShadowIndexingMode: "ON",
        filter: { namedShadowNames: [...ten, "$package"] },
      },
    }),
  );
  await expectError(
    iot.send(
      new UpdateIndexingConfigurationCommand({
        thingIndexingConfiguration: {
          thingIndexingMode: "REGISTRY",
          namedShadowIndexingMode: "ON",
          filter: { namedShadowNames: [...ten, "s10"] },
        },
      }),
    ),
    "InvalidRequestException",
    400,
    /At most 10/,
  );
  await expectError(
    iot.send(
      new UpdateIndexingConfigurationCommand({
        thingIndexingConfiguration: { thingIndexingMode: "OFF", thingConnectivityIndexingMode: "STATUS" },
      }),
    ),
    "InvalidRequestException",
    400,
  );
  await expectError(
    iot.send(
      new UpdateIndexingConfigurationCommand({
        thingIndexingConfiguration: {
          thingIndexingMode: "REGISTRY",
          customFields: [{ name: "shadow.reported.temp", type: "Number" }],
        },
      }),
    ),
    "InvalidRequestException",
    400,
    /shadow\.reported\.temp/,
  );
  await expectError(
    iot.send(
      new UpdateIndexingConfigurationCommand({
        thingIndexingConfiguration: {
          thingIndexingMode: "REGISTRY",
          customFields: [{ name: "thingName", type: "String" }],
        },
      }),
    ),
    "InvalidRequestException",
    400,
    /managed field/,
  );
  await expectError(
    iot.send(
      new UpdateIndexingConfigurationCommand({
        thingIndexingConfiguration: { thingIndexingMode: "EVERYTHING" as "OFF" },
      }),
    ),
    "InvalidRequestException",
    400,
    /thingIndexingMode/,
  );
  await iot.send(
    new UpdateIndexingConfigurationCommand({
      thingIndexingConfiguration: {
        thingIndexingMode: "REGISTRY_AND_SHADOW",
        customFields: [
          { name: "attributes.model", type: "String" },
          { name: "shadow.reported.temp", type: "Number" },
        ],
      },
    }),
  );
  const c = await iot.send(new GetIndexingConfigurationCommand({}));
  assert.deepEqual(c.thingIndexingConfiguration?.customFields, [
    { name: "attributes.model", type: "String" },
    { name: "shadow.reported.temp", type: "Number" },
  ]);
  // Custom fields persist, so a mode that cannot index them is refused until they are removed.
  await expectError(
    iot.send(
      new UpdateIndexingConfigurationCommand({
        thingIndexingConfiguration: { thingIndexingMode: "REGISTRY" },
      }),
    ),
    "InvalidRequestException",
    400,
  );
  await iot.send(
    new UpdateIndexingConfigurationCommand({
      thingIndexingConfiguration: { thingIndexingMode: "REGISTRY", customFields: [] },
    }),
  );
  const cleared = await iot.send(new GetIndexingConfigurationCommand({}));
  assert.equal(cleared.thingIndexingConfiguration?.customFields, undefined);
});

test("LOG-1: GetV2LoggingOptions before any SetV2LoggingOptions → 404 NotConfiguredException", async () => {
  await expectError(iot.send(new GetV2LoggingOptionsCommand({})), "NotConfiguredException", 404);
});

test("IAM-8: SetV2LoggingOptions with a missing role → 400 'unable to assume role'", async () => {
  const { SetV2LoggingOptionsCommand } = await import("@aws-sdk/client-iot");
  await expectError(
    iot.send(
      new SetV2LoggingOptionsCommand({
        roleArn: `arn:aws:iam::${sb.accountId}:role/${uniqueName("missing")}`,
        defaultLogLevel: "INFO",
      }),
    ),
    "InvalidRequestException",
    400,
    /unable to assume role/,
  );
  await expectError(
    iot.send(new SetV2LoggingOptionsCommand({ defaultLogLevel: "LOUD" as "INFO" })),
    "InvalidRequestException",
    400,
    /defaultLogLevel/,
  );
});

test("IAM-8/LOG-1: SetV2LoggingOptions with a role trusting iot.amazonaws.com is stored", async (t) => {
  const { SetV2LoggingOptionsCommand } = await import("@aws-sdk/client-iot");
  const iam = new IAMClient(sb.config);
  const trust = (service: string) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
    });
  let iotRoleArn: string | undefined;
  let lambdaRoleArn: string | undefined;
  try {
    iotRoleArn = (
      await iam.send(
        new CreateRoleCommand({
          RoleName: uniqueName("iot-log"),
          AssumeRolePolicyDocument: trust("iot.amazonaws.com"),
        }),
      )
    ).Role?.Arn;
    lambdaRoleArn = (
      await iam.send(
        new CreateRoleCommand({
          RoleName: uniqueName("lambda"),
          AssumeRolePolicyDocument: trust("lambda.amazonaws.com"),
        }),
      )
    ).Role?.Arn;
  } catch (e) {
    if ((e as Error).name !== "NotImplemented" && (e as Error).name !== "NotImplementedException") throw e;
    t.todo("IAM CreateRole is not implemented yet: SetV2LoggingOptions success path untested");
    return;
  }
  await expectError(
    iot.send(new SetV2LoggingOptionsCommand({ roleArn: lambdaRoleArn, defaultLogLevel: "INFO" })),
    "InvalidRequestException",
    400,
    /unable to assume role/,
  );
  await iot.send(new SetV2LoggingOptionsCommand({ roleArn: iotRoleArn, defaultLogLevel: "INFO" }));
  const got = await iot.send(new GetV2LoggingOptionsCommand({}));
  assert.equal(got.roleArn, iotRoleArn);
  assert.equal(got.defaultLogLevel, "INFO");
  assert.equal(got.disableAllLogs, false);
});

test("registry state, tags, indexing configuration and the endpoint prefix survive kill -9", async () => {
  const type = uniqueName("type");
  const group = uniqueName("group");
  const thing = uniqueName("thing");
  await iot.send(new CreateThingTypeCommand({ thingTypeName: type, tags: [{ Key: "t", Value: "1" }] }));
  await iot.send(new CreateThingGroupCommand({ thingGroupName: group }));
  await iot.send(
    new CreateThingCommand({
      thingName: thing,
      thingTypeName: type,
      attributePayload: { attributes: { a: "1" } },
    }),
  );
  await iot.send(new AddThingToThingGroupCommand({ thingGroupName: group, thingName: thing }));
  await iot.send(
    new UpdateIndexingConfigurationCommand({ thingIndexingConfiguration: { thingIndexingMode: "REGISTRY" } }),
  );
  const prefix = await endpoint("iot:CredentialProvider");
  const before = await iot.send(new DescribeThingCommand({ thingName: thing }));

  await sb.restart({ kill: true });

  const after = await iot.send(new DescribeThingCommand({ thingName: thing }));
  assert.equal(after.thingId, before.thingId);
  assert.deepEqual(after.attributes, { a: "1" });
  assert.equal((await iot.send(new DescribeThingTypeCommand({ thingTypeName: type }))).thingTypeName, type);
  assert.equal((await iot.send(new DescribeThingGroupCommand({ thingGroupName: group }))).version, 1);
  assert.deepEqual((await iot.send(new ListThingsInThingGroupCommand({ thingGroupName: group }))).things, [
    thing,
  ]);
  assert.deepEqual(await tagsOf(arn(`thingtype/${type}`)), [{ Key: "t", Value: "1" }]);
  const c = await iot.send(new GetIndexingConfigurationCommand({}));
  assert.equal(c.thingIndexingConfiguration?.thingIndexingMode, "REGISTRY");
  assert.equal(await endpoint("iot:CredentialProvider"), prefix);
});
