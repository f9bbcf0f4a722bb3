import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  AttachThingPrincipalCommand,
  CreateKeysAndCertificateCommand,
  CreateThingCommand,
  DeleteThingCommand,
  DescribeThingCommand,
  DetachThingPrincipalCommand,
  IoTClient,
  ListThingsCommand,
  UpdateThingCommand,
} from "@aws-sdk/client-iot";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { createThingType, expectError, uniqueName } from "./iot-registry-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
});
after(() => sb.dispose());

const attrs = (n: number, prefix = "a") =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, `v${i}`]));

const newType = (props: { searchableAttributes?: string[] } = {}) => createThingType(iot, props);

test("THG-1: CreateThing is idempotent for the same configuration, 409 otherwise", async () => {
  const name = uniqueName("thing");
  const input = { thingName: name, attributePayload: { attributes: { color: "red" } } };
  const first = await iot.send(new CreateThingCommand(input));
  assert.equal(first.thingArn, `arn:aws:iot:${sb.region}:${sb.accountId}:thing/${name}`);
  assert.match(first.thingId ?? "", /^[0-9a-f-]{36}$/);
  const again = await iot.send(new CreateThingCommand(input));
  assert.equal(again.thingId, first.thingId);
  const e = await expectError(
    iot.send(
      new CreateThingCommand({ thingName: name, attributePayload: { attributes: { color: "blue" } } }),
    ),
    "ResourceAlreadyExistsException",
    409,
  );
  assert.equal(e.resourceArn, first.thingArn);
  assert.equal(e.resourceId, first.thingId);
});

test("THG-2: 3 attributes without a type, 50 with one; unknown type → 404; patterns checked", async () => {
  await iot.send(
    new CreateThingCommand({ thingName: uniqueName("thing"), attributePayload: { attributes: attrs(3) } }),
  );
  await expectError(
    iot.send(
      new CreateThingCommand({ thingName: uniqueName("thing"), attributePayload: { attributes: attrs(4) } }),
    ),
    "InvalidRequestException",
    400,
    /at most 3/,
  );
  const type = await newType();
  await iot.send(
    new CreateThingCommand({
      thingName: uniqueName("thing"),
      thingTypeName: type,
      attributePayload: { attributes: attrs(50) },
    }),
  );
  await expectError(
    iot.send(
      new CreateThingCommand({
        thingName: uniqueName("thing"),
        thingTypeName: type,
        attributePayload: { attributes: attrs(51) },
      }),
    ),
    "InvalidRequestException",
    400,
    /at most 50/,
  );
  await expectError(
    iot.send(
      new CreateThingCommand({ thingName: uniqueName("thing"), thingTypeName: uniqueName("missing") }),
    ),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    iot.send(
      new CreateThingCommand({
        thingName: uniqueName("thing"),
        attributePayload: { attributes: { "bad key": "v" } },
      }),
    ),
    "InvalidRequestException",
    400,
    /attributePayload\.attributes/,
  );
  await expectError(
    iot.send(new CreateThingCommand({ thingName: "x".repeat(129) })),
    "InvalidRequestException",
    400,
    /length less than or equal to 128/,
  );
});

test("THG-3: UpdateThing versions, merges, replaces and removes the type; conflicts → 409", async () => {
  const type = await newType();
  const name = uniqueName("thing");
  await iot.send(
    new CreateThingCommand({
      thingName: name,
      thingTypeName: type,
      attributePayload: { attributes: { a: "1", b: "2" } },
    }),
  );
  await iot.send(
    new UpdateThingCommand({
      thingName: name,
      expectedVersion: 1,
      attributePayload: { attributes: { b: "", c: "3" }, merge: true },
    }),
  );
  let d = await iot.send(new DescribeThingCommand({ thingName: name }));
  assert.equal(d.version, 2);
  assert.deepEqual(d.attributes, { a: "1", c: "3" });
  await expectError(
    iot.send(new UpdateThingCommand({ thingName: name, expectedVersion: 1 })),
    "VersionConflictException",
    409,
  );
  await iot.send(new UpdateThingCommand({ thingName: name, attributePayload: { attributes: { z: "9" } } }));
  d = await iot.send(new DescribeThingCommand({ thingName: name }));
  assert.deepEqual(d.attributes, { z: "9" });
  assert.equal(d.version, 3);
  await expectError(
    iot.send(new UpdateThingCommand({ thingName: name, removeThingType: true, thingTypeName: type })),
    "InvalidRequestException",
    400,
  );
  await iot.send(new UpdateThingCommand({ thingName: name, removeThingType: true }));
  d = await iot.send(new DescribeThingCommand({ thingName: name }));
  assert.equal(d.thingTypeName, undefined);
  assert.equal(d.version, 4);
  await expectError(
    iot.send(
      new UpdateThingCommand({
        thingName: name,
        attributePayload: { attributes: attrs(4, "n"), merge: true },
      }),
    ),
    "InvalidRequestException",
    400,
    /at most 3/,
  );
  await expectError(
    iot.send(new UpdateThingCommand({ thingName: uniqueName("missing") })),
    "ResourceNotFoundException",
    404,
  );
});

test("THG-4: DescribeThing shape (defaultClientId = name); unknown → 404", async () => {
  const type = await newType();
  const name = uniqueName("thing");
  const created = await iot.send(
    new CreateThingCommand({
      thingName: name,
      thingTypeName: type,
      attributePayload: { attributes: { k: "v" } },
    }),
  );
  const d = await iot.send(new DescribeThingCommand({ thingName: name }));
  assert.deepEqual(
    { ...d, $metadata: undefined },
    {
      $metadata: undefined,
      defaultClientId: name,
      thingName: name,
      thingId: created.thingId,
      thingArn: created.thingArn,
      thingTypeName: type,
      attributes: { k: "v" },
      version: 1,
    },
  );
  await expectError(
    iot.send(new DescribeThingCommand({ thingName: uniqueName("missing") })),
    "ResourceNotFoundException",
    404,
  );
});

test("THG-5: DeleteThing of an unknown name succeeds; expectedVersion must match", async () => {
  await iot.send(new DeleteThingCommand({ thingName: uniqueName("missing") }));
  const name = uniqueName("thing");
  await iot.send(new CreateThingCommand({ thingName: name }));
  await expectError(
    iot.send(new DeleteThingCommand({ thingName: name, expectedVersion: 7 })),
    "VersionConflictException",
    409,
  );
  await iot.send(new DeleteThingCommand({ thingName: name, expectedVersion: 1 }));
  await expectError(
    iot.send(new DescribeThingCommand({ thingName: name })),
    "ResourceNotFoundException",
    404,
  );
});

test("THG-5: a thing with an attached principal cannot be deleted (400)", async (t) => {
  const name = uniqueName("thing");
  await iot.send(new CreateThingCommand({ thingName: name }));
  let certificateArn: string | undefined;
  try {
    certificateArn = (await iot.send(new CreateKeysAndCertificateCommand({ setAsActive: true })))
      .certificateArn;
    await iot.send(new AttachThingPrincipalCommand({ thingName: name, principal: certificateArn }));
  } catch (e) {
    if ((e as Error).name !== "NotImplementedException") throw e;
    t.todo("certificates (security area) are not implemented yet: cannot attach a principal");
    return;
  }
  await expectError(
    iot.send(new DeleteThingCommand({ thingName: name })),
    "InvalidRequestException",
    400,
    /principal/,
  );
  await iot.send(new DetachThingPrincipalCommand({ thingName: name, principal: certificateArn }));
  await iot.send(new DeleteThingCommand({ thingName: name }));
});

test("THG-6: ListThings pages 120 things 50 at a time, in name order, without duplicates", async () => {
  const batch = uniqueName("batch");
  const names = Array.from({ length: 120 }, (_, i) => `${batch}-${String(i).padStart(3, "0")}`);
  for (const thingName of names)
    await iot.send(new CreateThingCommand({ thingName, attributePayload: { attributes: { batch } } }));
  const pages: string[][] = [];
  let nextToken: string | undefined;
  do {
    const p = await iot.send(
      new ListThingsCommand({ attributeName: "batch", attributeValue: batch, maxResults: 50, nextToken }),
    );
    pages.push((p.things ?? []).map((t) => t.thingName as string));
    nextToken = p.nextToken;
  } while (nextToken);
  assert.deepEqual(
    pages.map((p) => p.length),
    [50, 50, 20],
  );
  assert.deepEqual(pages.flat(), names);
  const defaultPage = await iot.send(
    new ListThingsCommand({ attributeName: "batch", attributeValue: batch }),
  );
  assert.equal(defaultPage.things?.length, 50);
  assert.ok(defaultPage.nextToken);
  const item = defaultPage.things?.[0];
  assert.deepEqual(item, {
    thingName: names[0],
    thingArn: `arn:aws:iot:${sb.region}:${sb.accountId}:thing/${names[0]}`,
    attributes: { batch },
    version: 1,
  });
});

test("THG-6: ListThings filters by attribute prefix and thing type; bad page parameters → 400", async () => {
  const type = await newType();
  const tag = uniqueName("zone");
  await iot.send(
    new CreateThingCommand({
      thingName: uniqueName("thing"),
      thingTypeName: type,
      attributePayload: { attributes: { zone: `${tag}-north` } },
    }),
  );
  await iot.send(
    new CreateThingCommand({
      thingName: uniqueName("thing"),
      attributePayload: { attributes: { zone: `${tag}-south` } },
    }),
  );
  const exact = await iot.send(new ListThingsCommand({ attributeName: "zone", attributeValue: tag }));
  assert.equal(exact.things?.length, 0);
  const prefixed = await iot.send(
    new ListThingsCommand({ attributeName: "zone", attributeValue: tag, usePrefixAttributeValue: true }),
  );
  assert.equal(prefixed.things?.length, 2);
  const typed = await iot.send(new ListThingsCommand({ thingTypeName: type }));
  assert.deepEqual(
    typed.things?.map((t) => t.thingTypeName),
    [type],
  );
  await expectError(iot.send(new ListThingsCommand({ maxResults: 251 })), "InvalidRequestException", 400);
  await expectError(iot.send(new ListThingsCommand({ maxResults: 0 })), "InvalidRequestException", 400);
  await expectError(
    iot.send(new ListThingsCommand({ nextToken: "not-a-token" })),
    "InvalidRequestException",
    400,
  );
});
