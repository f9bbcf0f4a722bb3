/**
 * IoT policies on the broker's publish, subscribe and receive (§11, iot-policy-actions.html):
 * iot:Publish and iot:Receive on `topic/<topic>`, iot:Subscribe on `topicfilter/<filter>`; a
 * refused PUBLISH closes the connection, a refused filter gets SUBACK 0x80, a message the client
 * may not receive is dropped for it. Real sandbox, real certificates, mqtt.js.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import {
  AddThingToThingGroupCommand,
  AttachPolicyCommand,
  AttachThingPrincipalCommand,
  CreatePolicyCommand,
  CreateThingCommand,
  CreateThingGroupCommand,
  CreateThingTypeCommand,
  DetachPolicyCommand,
  IoTClient,
  RemoveThingFromThingGroupCommand,
  UpdateThingCommand,
} from "@aws-sdk/client-iot";
import type { MqttClient } from "mqtt";
import { connectMqtt, newDevice, subscribeTo, type TestDevice } from "../helpers/mqtt.js";
import { publishCloses, subackCodes } from "../helpers/mqtt-refusals.js";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";

let sb: TestSandbox;
let iot: IoTClient;
let url: string;
let ca: string;
/** A client allowed everything: publishes what the others should (or should not) get. */
let admin: MqttClient;
const open: MqttClient[] = [];

before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  const broker = await sb.mqtt();
  url = broker.url;
  ca = readFileSync(broker.caFile ?? "", "utf8");
  admin = await connectAs(await newDevice(iot), "admin");
});
after(async () => {
  for (const c of open) c.end(true);
  await sb.dispose();
});

const policy = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const arn = (resource: string) => `arn:aws:iot:${sb.config.region}:*:${resource}`;
/** Connect to any client id; the statements under test are added to it. */
const CONNECT = { Effect: "Allow", Action: "iot:Connect", Resource: "*" };

async function connectAs(device: TestDevice, clientId: string): Promise<MqttClient> {
  const client = await connectMqtt(url, { ca, cert: device.cert, key: device.key, clientId });
  open.push(client);
  return client;
}

async function deviceWith(...statements: object[]): Promise<TestDevice> {
  return newDevice(iot, { policyDocument: policy(CONNECT, ...statements) });
}

/** A thing named `name` attached to the device's certificate. */
async function thingFor(
  device: TestDevice,
  name: string,
  extra: { attributes?: Record<string, string>; thingTypeName?: string } = {},
) {
  await iot.send(
    new CreateThingCommand({
      thingName: name,
      thingTypeName: extra.thingTypeName,
      attributePayload: { attributes: extra.attributes },
    }),
  );
  await iot.send(new AttachThingPrincipalCommand({ thingName: name, principal: device.certificateArn }));
}

/**
 * Publishes `topic` and proves the broker accepted it: an admin subscriber gets it (the broker
 * closes a refused PUBLISH's connection instead).
 */
async function publishes(client: MqttClient, topic: string): Promise<void> {
  const inbox = await subscribeTo(admin, topic);
  client.publish(topic, "m");
  assert.equal((await inbox.next).topic, topic);
  await admin.unsubscribeAsync(topic);
}

const grantedQos = async (client: MqttClient, filter: string) => (await subackCodes(client, filter))[0];

/** Resolves with the topic of the first message the client receives. */
function firstMessage(client: MqttClient): Promise<string> {
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => reject(new Error("no message")), 15_000);
    client.once("message", (topic) => {
      clearTimeout(guard);
      resolve(topic);
    });
  });
}

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

test("iot:Publish: Allow on topic/<topic> lets the client publish; another topic (implicit deny) closes its connection", async () => {
  const device = await deviceWith({
    Effect: "Allow",
    Action: "iot:Publish",
    Resource: arn("topic/telemetry/*"),
  });
  const client = await connectAs(device, unique("pub"));
  await publishes(client, "telemetry/temp");
  await publishCloses(client, "commands/unlock");
});

test("iot:Publish: an explicit Deny beats an Allow", async () => {
  const device = await deviceWith(
    { Effect: "Allow", Action: "iot:*", Resource: "*" },
    { Effect: "Deny", Action: "iot:Publish", Resource: arn("topic/secret/*") },
  );
  const client = await connectAs(device, unique("deny"));
  await publishes(client, "open/data");
  await publishCloses(client, "secret/data");
});

test("iot:Subscribe on topicfilter/<filter> taken literally: a refused filter gets SUBACK 0x80 and the connection stays", async () => {
  const device = await deviceWith(
    {
      Effect: "Allow",
      Action: "iot:Subscribe",
      Resource: [arn("topicfilter/fleet/+/status"), arn("topicfilter/own/*")],
    },
    { Effect: "Allow", Action: ["iot:Receive", "iot:Publish"], Resource: "*" },
  );
  const client = await connectAs(device, unique("sub"));
  assert.equal(await grantedQos(client, "fleet/+/status"), 0, "the filter named with its '+' is allowed");
  assert.equal(
    await grantedQos(client, "fleet/car-1/status"),
    128,
    "'+' in a policy is literal, not a wildcard",
  );
  assert.equal(await grantedQos(client, "fleet/#"), 128, "implicit deny");
  assert.equal(await grantedQos(client, "own/a/#"), 0, "'*' in the resource matches the rest");
  assert.equal(client.connected, true);
  await publishes(client, "still/connected");
});

test("iot:Receive: a message the policy does not let the client receive is dropped for it, and only for it", async () => {
  const device = await deviceWith(
    { Effect: "Allow", Action: "iot:Subscribe", Resource: arn("topicfilter/inbox/+") },
    { Effect: "Allow", Action: "iot:Receive", Resource: arn("topic/inbox/ok") },
  );
  const client = await connectAs(device, unique("recv"));
  assert.equal(await grantedQos(client, "inbox/+"), 0);
  const other = await subscribeTo(admin, "inbox/denied");
  const first = firstMessage(client);
  admin.publish("inbox/denied", "x");
  admin.publish("inbox/ok", "y");
  assert.equal(await first, "inbox/ok", "inbox/denied was not delivered before inbox/ok");
  assert.equal((await other.next).topic, "inbox/denied", "another client still receives it");
  await admin.unsubscribeAsync("inbox/denied");
});

test("policy variables: ${iot:ClientId}, ${iot:Connection.Thing.ThingName}, ThingTypeName and Attributes[...] (thing attached to the certificate)", async () => {
  const type = unique("type");
  await iot.send(new CreateThingTypeCommand({ thingTypeName: type }));
  const device = await deviceWith({
    Effect: "Allow",
    Action: "iot:Publish",
    Resource: [
      arn("topic/client/${iot:ClientId}"),
      arn("topic/thing/${iot:Connection.Thing.ThingName}"),
      arn("topic/type/${iot:Connection.Thing.ThingTypeName}"),
      arn("topic/site/${iot:Connection.Thing.Attributes[site]}"),
    ],
  });
  const name = unique("car");
  await thingFor(device, name, { thingTypeName: type, attributes: { site: "osaka" } });
  const asThing = await connectAs(device, name);
  await publishes(asThing, `client/${name}`);
  await publishes(asThing, `thing/${name}`);
  await publishes(asThing, `type/${type}`);
  await publishes(asThing, "site/osaka");
  await publishCloses(asThing, "site/kyoto");

  // Another client id with the same certificate: no thing is attached under that name, so the
  // Connection.Thing variables have no value and their resources match nothing.
  const other = await connectAs(device, unique("not-a-thing"));
  await publishCloses(other, `thing/${name}`);
});

test("Condition: StringLike on iot:ClientId and Bool on iot:Connection.Thing.IsAttached", async () => {
  const device = await deviceWith(
    {
      Effect: "Allow",
      Action: "iot:Publish",
      Resource: arn("topic/cond/like"),
      Condition: { StringLike: { "iot:ClientId": "sensor-*" } },
    },
    {
      Effect: "Allow",
      Action: "iot:Publish",
      Resource: arn("topic/cond/attached"),
      Condition: { Bool: { "iot:Connection.Thing.IsAttached": "true" } },
    },
  );
  const name = unique("sensor");
  await thingFor(device, name);
  const attached = await connectAs(device, name);
  await publishes(attached, "cond/like");
  await publishes(attached, "cond/attached");
  const stranger = await connectAs(device, unique("other"));
  await publishCloses(stranger, "cond/like");
  const sensor = await connectAs(device, unique("sensor"));
  await publishCloses(sensor, "cond/attached");
});

test("NotResource: Allow iot:Publish on everything but one topic", async () => {
  const device = await deviceWith({
    Effect: "Allow",
    Action: "iot:Publish",
    NotResource: arn("topic/admin/*"),
  });
  const client = await connectAs(device, unique("notres"));
  await publishes(client, "any/thing");
  await publishCloses(client, "admin/reset");
});

test("thing-group policies: a policy on a parent of the thing's static group authorizes; DetachPolicy stops the next publish", async () => {
  const parent = unique("parent");
  const child = unique("child");
  const parentArn = (await iot.send(new CreateThingGroupCommand({ thingGroupName: parent }))).thingGroupArn;
  await iot.send(new CreateThingGroupCommand({ thingGroupName: child, parentGroupName: parent }));
  const groupPolicy = unique("group-policy");
  await iot.send(
    new CreatePolicyCommand({
      policyName: groupPolicy,
      policyDocument: policy({ Effect: "Allow", Action: "iot:Publish", Resource: arn("topic/grouped/*") }),
    }),
  );
  await iot.send(new AttachPolicyCommand({ policyName: groupPolicy, target: parentArn }));
  const device = await deviceWith();
  const name = unique("member");
  await thingFor(device, name);
  await iot.send(new AddThingToThingGroupCommand({ thingName: name, thingGroupName: child }));

  const member = await connectAs(device, name);
  await publishes(member, "grouped/a");
  const notTheThing = await connectAs(device, unique("other"));
  await publishCloses(notTheThing, "grouped/a");

  await iot.send(new DetachPolicyCommand({ policyName: groupPolicy, target: parentArn }));
  await publishCloses(member, "grouped/b");
});

test("live connections follow the registry: UpdateThing's attributes and RemoveThingFromThingGroup count from the next publish", async () => {
  const group = unique("site");
  const groupArn = (await iot.send(new CreateThingGroupCommand({ thingGroupName: group }))).thingGroupArn;
  const groupPolicy = unique("site-policy");
  await iot.send(
    new CreatePolicyCommand({
      policyName: groupPolicy,
      policyDocument: policy({ Effect: "Allow", Action: "iot:Publish", Resource: arn("topic/site/*") }),
    }),
  );
  await iot.send(new AttachPolicyCommand({ policyName: groupPolicy, target: groupArn }));
  const device = await deviceWith({
    Effect: "Allow",
    Action: "iot:Publish",
    Resource: arn("topic/zone/${iot:Connection.Thing.Attributes[zone]}"),
  });
  const name = unique("mover");
  await thingFor(device, name, { attributes: { zone: "north" } });
  await iot.send(new AddThingToThingGroupCommand({ thingName: name, thingGroupName: group }));
  const client = await connectAs(device, name);
  await publishes(client, "zone/north");
  await publishes(client, "site/a");

  await iot.send(
    new UpdateThingCommand({ thingName: name, attributePayload: { attributes: { zone: "south" } } }),
  );
  await publishes(client, "zone/south");
  await iot.send(new RemoveThingFromThingGroupCommand({ thingName: name, thingGroupName: group }));
  await publishCloses(client, "site/b");
});

test("live connections follow their certificate: AttachPolicy, AttachThingPrincipal and DetachPolicy on it count from the next publish", async () => {
  const device = await deviceWith();
  const name = unique("late");
  const client = await connectAs(device, name);
  const certPolicy = unique("cert-policy");
  await iot.send(
    new CreatePolicyCommand({
      policyName: certPolicy,
      policyDocument: policy({ Effect: "Allow", Action: "iot:Publish", Resource: arn("topic/cert/*") }),
    }),
  );
  await iot.send(new AttachPolicyCommand({ policyName: certPolicy, target: device.certificateArn }));
  await publishes(client, "cert/a");

  const thingPolicy = unique("thing-policy");
  await iot.send(
    new CreatePolicyCommand({
      policyName: thingPolicy,
      policyDocument: policy({
        Effect: "Allow",
        Action: "iot:Publish",
        Resource: arn("topic/thing/${iot:Connection.Thing.ThingName}"),
      }),
    }),
  );
  await iot.send(new AttachPolicyCommand({ policyName: thingPolicy, target: device.certificateArn }));
  await thingFor(device, name);
  await publishes(client, `thing/${name}`);

  await iot.send(new DetachPolicyCommand({ policyName: certPolicy, target: device.certificateArn }));
  await publishCloses(client, "cert/b");
});
