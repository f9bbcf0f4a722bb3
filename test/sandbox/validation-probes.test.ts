/**
 * The bad inputs of issue 7 (VAL-1): wrong JSON types, deep documents, prototype keys, broken
 * XML and missing headers are refused with the service's validation error naming the member,
 * never stored, never a 500; keys such as `__proto__` are data. Values an SDK client refuses
 * to send go as properly signed raw requests.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  CreatePackageCommand,
  CreatePackageVersionCommand,
  CreateThingCommand,
  CreateThingGroupCommand,
  DescribeThingCommand,
  DescribeThingGroupCommand,
  GetPackageVersionCommand,
  IoTClient,
  ListPackageVersionsCommand,
  ListThingsCommand,
  TagResourceCommand,
} from "@aws-sdk/client-iot";
import { IoTDataPlaneClient, UpdateThingShadowCommand } from "@aws-sdk/client-iot-data-plane";
import { HeadBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { type RawAnswer, type RawCall, sendSigned } from "../helpers/signed-request.js";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { expectError, uniqueName } from "./iot-registry-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
});
after(() => sb.dispose());

const send = (call: RawCall): Promise<RawAnswer> => sendSigned(sb, call);
const json = (service: string, method: string, path: string, body: unknown): Promise<RawAnswer> =>
  send({
    service,
    method,
    path,
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

/** Asserts a restJson1 error answer: status, `x-amzn-errortype` and a message matching `message`. */
function assertJsonError(res: RawAnswer, status: number, code: string, message: RegExp): void {
  assert.equal(res.status, status, res.text);
  assert.equal(res.headers.get("x-amzn-errortype"), code, res.text);
  assert.match((JSON.parse(res.text) as { message: string }).message, message);
}

/** The thing as the wire has it (an SDK client may itself lose a `__proto__` key when parsing). */
async function rawThing(name: string): Promise<{ attributes: Record<string, string>; version: number }> {
  const res = await send({ service: "iot", method: "GET", path: `/things/${name}` });
  assert.equal(res.status, 200, res.text);
  return JSON.parse(res.text) as { attributes: Record<string, string>; version: number };
}

test("VAL-1/PKG-2: CreatePackageVersion with attributes as a string is refused (400 ValidationException) and the package's versions still read", async () => {
  const pkg = uniqueName("pkg");
  await iot.send(new CreatePackageCommand({ packageName: pkg }));
  await iot.send(new CreatePackageVersionCommand({ packageName: pkg, versionName: "1.0.0" }));
  const res = await json("iot", "PUT", `/packages/${pkg}/versions/2.0.0`, { attributes: "x" });
  assertJsonError(res, 400, "ValidationException", /at 'attributes'.*must be a map/);
  const good = await iot.send(new GetPackageVersionCommand({ packageName: pkg, versionName: "1.0.0" }));
  assert.equal(good.versionName, "1.0.0");
  await expectError(
    iot.send(new GetPackageVersionCommand({ packageName: pkg, versionName: "2.0.0" })),
    "ResourceNotFoundException",
    404,
  );
  const listed = await iot.send(new ListPackageVersionsCommand({ packageName: pkg }));
  assert.deepEqual(
    listed.packageVersionSummaries?.map((v) => v.versionName),
    ["1.0.0"],
  );
});

test("VAL-1/PKG-2: a numeric package attribute is refused with 400 ValidationException, not a 500", async () => {
  const pkg = uniqueName("pkg");
  await iot.send(new CreatePackageCommand({ packageName: pkg }));
  const res = await json("iot", "PUT", `/packages/${pkg}/versions/1.0.0`, { attributes: { size: 5 } });
  assertJsonError(res, 400, "ValidationException", /at 'attributes\.size'.*must be a string/);
});

test("VAL-1/THG-2: thing attributes given as a number, an array or an object are refused with 400 naming the attribute, and no thing is created", async () => {
  for (const bad of [5, ["a"], { nested: "x" }]) {
    const name = uniqueName("typed-attr");
    const res = await json("iot", "POST", `/things/${name}`, {
      attributePayload: { attributes: { color: bad } },
    });
    assertJsonError(
      res,
      400,
      "InvalidRequestException",
      /at 'attributePayload\.attributes\.color'.*must be a string/,
    );
    await expectError(
      iot.send(new DescribeThingCommand({ thingName: name })),
      "ResourceNotFoundException",
      404,
    );
  }
});

test("VAL-1/GRP-1: CreateThingGroup with thingGroupProperties given as a string is refused with 400 and creates no group", async () => {
  const name = uniqueName("group");
  const res = await json("iot", "POST", `/thing-groups/${name}`, { thingGroupProperties: "x" });
  assertJsonError(res, 400, "InvalidRequestException", /at 'thingGroupProperties'.*must be a structure/);
  await expectError(
    iot.send(new DescribeThingGroupCommand({ thingGroupName: name })),
    "ResourceNotFoundException",
    404,
  );
});

test("VAL-1/THG-3: UpdateThing with merge given as a string is refused with 400 and the attributes are unchanged", async () => {
  const name = uniqueName("merge");
  await iot.send(new CreateThingCommand({ thingName: name, attributePayload: { attributes: { a: "1" } } }));
  const res = await json("iot", "PATCH", `/things/${name}`, {
    attributePayload: { attributes: { b: "2" }, merge: "yes" },
  });
  assertJsonError(res, 400, "InvalidRequestException", /at 'attributePayload\.merge'.*must be a boolean/);
  const thing = await iot.send(new DescribeThingCommand({ thingName: name }));
  assert.deepEqual(thing.attributes, { a: "1" });
  assert.equal(thing.version, 1);
});

test("VAL-1/THG-3: UpdateThing with expectedVersion 'abc' is refused with 400, not a 409 version conflict", async () => {
  const name = uniqueName("expected");
  await iot.send(new CreateThingCommand({ thingName: name }));
  const res = await json("iot", "PATCH", `/things/${name}`, { expectedVersion: "abc" });
  assertJsonError(res, 400, "InvalidRequestException", /at 'expectedVersion'.*must be a number/);
  const fraction = await json("iot", "PATCH", `/things/${name}`, { expectedVersion: 1.5 });
  assertJsonError(fraction, 400, "InvalidRequestException", /at 'expectedVersion'.*whole number/);
});

test("VAL-1/IDX-10: SearchIndex with maxResults given as a string is refused with 400", async () => {
  const res = await json("iot", "POST", "/indices/search", { queryString: "*", maxResults: "5" });
  assertJsonError(res, 400, "InvalidRequestException", /at 'maxResults'.*must be a number/);
});

test("VAL-1/TAG-1: CreateThingGroup with tags as an object, or a tag Key that is a number, is refused with 400, not a 500", async () => {
  const asObject = uniqueName("tags");
  assertJsonError(
    await json("iot", "POST", `/thing-groups/${asObject}`, { tags: { Key: "a" } }),
    400,
    "InvalidRequestException",
    /at 'tags'.*must be a list/,
  );
  const numericKey = uniqueName("tags");
  assertJsonError(
    await json("iot", "POST", `/thing-groups/${numericKey}`, { tags: [{ Key: 5 }] }),
    400,
    "InvalidRequestException",
    /at 'tags\.1\.Key'.*must be a string/,
  );
});

test("VAL-1: a body that is not JSON, not UTF-8 or not an object is refused with 400 SerializationException, never a 500", async () => {
  const path = `/things/${uniqueName("broken")}`;
  for (const body of ["{", "[]", '"text"', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])]) {
    const res = await send({
      service: "iot",
      method: "POST",
      path,
      body,
      headers: { "content-type": "application/json" },
    });
    assert.equal(res.status, 400, `${String(body)}: ${res.text}`);
    assert.equal(res.headers.get("x-amzn-errortype"), "SerializationException");
  }
});

test("SHD-2: a shadow document nested 100,000 deep is refused (413 over 128 KB), and the deepest that fits gets 400 with the nesting message, not a stack overflow", async () => {
  const data = new IoTDataPlaneClient(sb.config);
  const thingName = uniqueName("deep");
  const nested = (depth: number) => [
    "[".repeat(depth) + "]".repeat(depth),
    '{"a":'.repeat(depth) + "1" + "}".repeat(depth),
  ];
  const update = (deep: string) =>
    data.send(
      new UpdateThingShadowCommand({
        thingName,
        payload: new TextEncoder().encode(`{"state":{"reported":{"k":${deep}}}}`),
      }),
    );
  // The probe: the body limit answers before anything is parsed.
  for (const deep of nested(100_000)) await expectError(update(deep), "RequestEntityTooLargeException", 413);
  // Well beyond any recursion limit, still under 128 KB: 60,000 arrays, 20,000 objects.
  const [arrays] = nested(60_000);
  const [, objects] = nested(20_000);
  for (const deep of [arrays, objects])
    await expectError(update(deep), "InvalidRequestException", 400, /too many levels of nesting/);
  const res = await send({ service: "iotdata", method: "GET", path: `/things/${thingName}/shadow` });
  assert.equal(res.status, 404, "no shadow was stored");
});

test("VAL-1: attributes named __proto__, constructor and prototype are stored and read back as data", async () => {
  const name = uniqueName("proto");
  const attributes: Record<string, string> = { constructor: "c", prototype: "p" };
  Object.defineProperty(attributes, "__proto__", { value: "x", enumerable: true });
  await iot.send(new CreateThingCommand({ thingName: name, attributePayload: { attributes } }));
  const created = await rawThing(name);
  assert.deepEqual(Object.entries(created.attributes).sort(), [
    ["__proto__", "x"],
    ["constructor", "c"],
    ["prototype", "p"],
  ]);
  const merged = await json("iot", "PATCH", `/things/${name}`, {
    attributePayload: { attributes: JSON.parse('{"__proto__":"y","constructor":""}'), merge: true },
  });
  assert.equal(merged.status, 200, merged.text);
  const updated = await rawThing(name);
  assert.deepEqual(Object.entries(updated.attributes).sort(), [
    ["__proto__", "y"],
    ["prototype", "p"],
  ]);
  const listed = await iot.send(new ListThingsCommand({ attributeName: "__proto__", attributeValue: "y" }));
  assert.deepEqual(
    listed.things?.map((t) => t.thingName),
    [name],
  );
  // `constructor` is no longer an attribute: an inherited Object.prototype member must not match.
  const none = await iot.send(
    new ListThingsCommand({
      attributeName: "constructor",
      attributeValue: "f",
      usePrefixAttributeValue: true,
    }),
  );
  assert.deepEqual(none.things, []);
});

test("VAL-1/SHD-3: shadow keys named __proto__ and constructor are stored, merged and read back as data", async () => {
  const thingName = uniqueName("proto-shadow");
  for (const body of [
    '{"state":{"reported":{"__proto__":{"a":1},"constructor":2}}}',
    '{"state":{"reported":{"__proto__":{"b":3}}}}',
  ]) {
    const res = await send({ service: "iotdata", method: "POST", path: `/things/${thingName}/shadow`, body });
    assert.equal(res.status, 200, res.text);
  }
  const res = await send({ service: "iotdata", method: "GET", path: `/things/${thingName}/shadow` });
  const doc = JSON.parse(res.text) as {
    state: { reported: Record<string, unknown> };
    metadata: { reported: object };
  };
  assert.equal(JSON.stringify(doc.state.reported), '{"__proto__":{"a":1,"b":3},"constructor":2}');
  assert.deepEqual(Object.keys(doc.metadata.reported).sort(), ["__proto__", "constructor"]);
});

test("VAL-1/TAG-1: tag keys named __proto__ are kept, and an ARN of resource type 'constructor' is a 404, not a 500", async () => {
  const group = uniqueName("proto-tags");
  const { thingGroupArn } = await iot.send(new CreateThingGroupCommand({ thingGroupName: group }));
  await iot.send(
    new TagResourceCommand({ resourceArn: thingGroupArn, tags: [{ Key: "__proto__", Value: "v" }] }),
  );
  const res = await send({
    service: "iot",
    method: "GET",
    path: "/tags",
    query: { resourceArn: thingGroupArn! },
  });
  assert.deepEqual((JSON.parse(res.text) as { tags: unknown }).tags, [{ Key: "__proto__", Value: "v" }]);
  await expectError(
    iot.send(
      new TagResourceCommand({
        resourceArn: `arn:aws:iot:${sb.region}:${sb.accountId}:constructor/x`,
        tags: [{ Key: "k", Value: "v" }],
      }),
    ),
    "ResourceNotFoundException",
    404,
  );
});

test("S3-1/S3P-6: CreateBucket with unclosed XML is refused with 400 MalformedXML and creates no bucket", async () => {
  const bucket = uniqueName("unclosed").toLowerCase();
  const res = await send({
    service: "s3",
    method: "PUT",
    path: `/${bucket}`,
    headers: { "content-type": "application/xml" },
    body: "<CreateBucketConfiguration><LocationConstraint>us-east-2",
  });
  assert.equal(res.status, 400, res.text);
  assert.match(res.text, /<Code>MalformedXML<\/Code>/);
  const s3 = new S3Client(sb.s3Config);
  await assert.rejects(s3.send(new HeadBucketCommand({ Bucket: bucket })), { name: "NotFound" });
});

test("S3P-6/VAL-1: an S3 query or header value of the wrong type is InvalidArgument 400, an XML value of the wrong type MalformedXML", async () => {
  const s3 = new S3Client(sb.s3Config);
  const bucket = uniqueName("types").toLowerCase();
  await send({ service: "s3", method: "PUT", path: `/${bucket}` });
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "k", Body: "x" }));
  const list = await send({
    service: "s3",
    method: "GET",
    path: `/${bucket}`,
    query: { "list-type": "2", "max-keys": "many" },
  });
  assert.equal(list.status, 400, list.text);
  assert.match(list.text, /<Code>InvalidArgument<\/Code>/);
  const versioning = await send({
    service: "s3",
    method: "PUT",
    path: `/${bucket}`,
    query: { versioning: "" },
    body: "<VersioningConfiguration><Status><On>1</On></Status></VersioningConfiguration>",
  });
  assert.equal(versioning.status, 400, versioning.text);
  assert.match(versioning.text, /<Code>MalformedXML<\/Code>/);
});

test("QRY-3/VAL-1: an IAM parameter of the wrong type is ValidationError 400 naming the parameter", async () => {
  const res = await send({
    service: "iam",
    method: "POST",
    path: "/",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "Action=ListRoles&Version=2010-05-08&MaxItems=abc",
  });
  assert.equal(res.status, 400, res.text);
  assert.match(res.text, /<Code>ValidationError<\/Code>/);
  assert.match(res.text, /at &apos;MaxItems&apos;/);
});

test("CRT-2/VAL-1: AttachThingPrincipal without x-amzn-principal is 400 InvalidRequestException naming the principal, not an unknown operation", async () => {
  const name = uniqueName("principal");
  await iot.send(new CreateThingCommand({ thingName: name }));
  const res = await send({ service: "iot", method: "PUT", path: `/things/${name}/principals` });
  assertJsonError(res, 400, "InvalidRequestException", /at 'principal'.*must not be null/);
});
