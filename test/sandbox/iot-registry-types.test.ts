import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  CreateThingCommand,
  CreateThingTypeCommand,
  DeleteThingCommand,
  DeleteThingTypeCommand,
  DeprecateThingTypeCommand,
  DescribeThingTypeCommand,
  IoTClient,
  ListThingTypesCommand,
  UpdateThingCommand,
  UpdateThingTypeCommand,
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

const newType = (props: { searchableAttributes?: string[] } = {}) => createThingType(iot, props);

test("TTY-1: CreateThingType is idempotent for identical properties, 409 otherwise", async () => {
  const name = uniqueName("type");
  const props = { searchableAttributes: ["model"] };
  const first = await iot.send(
    new CreateThingTypeCommand({ thingTypeName: name, thingTypeProperties: props }),
  );
  assert.equal(first.thingTypeArn, `arn:aws:iot:${sb.region}:${sb.accountId}:thingtype/${name}`);
  assert.match(first.thingTypeId ?? "", /^[0-9a-f-]{36}$/);
  const again = await iot.send(
    new CreateThingTypeCommand({ thingTypeName: name, thingTypeProperties: props }),
  );
  assert.equal(again.thingTypeId, first.thingTypeId);
  const e = await expectError(
    iot.send(
      new CreateThingTypeCommand({
        thingTypeName: name,
        thingTypeProperties: { searchableAttributes: ["x"] },
      }),
    ),
    "ResourceAlreadyExistsException",
    409,
  );
  assert.equal(e.resourceArn, first.thingTypeArn);
  assert.equal(e.resourceId, first.thingTypeId);
});

test("TTY-1: a deprecated type is not re-created (409); the workshop undoes the deprecation instead", async () => {
  const name = await newType();
  await iot.send(new DeprecateThingTypeCommand({ thingTypeName: name }));
  await expectError(
    iot.send(new CreateThingTypeCommand({ thingTypeName: name, thingTypeProperties: {} })),
    "ResourceAlreadyExistsException",
    409,
  );
  const d = await iot.send(new DescribeThingTypeCommand({ thingTypeName: name }));
  assert.equal(d.thingTypeMetadata?.deprecated, true);
  await iot.send(new DeprecateThingTypeCommand({ thingTypeName: name, undoDeprecate: true }));
  await iot.send(new CreateThingTypeCommand({ thingTypeName: name, thingTypeProperties: {} }));
});

test("TTY-1: more than 3 searchable attributes and invalid names are refused with 400", async () => {
  await expectError(
    iot.send(
      new CreateThingTypeCommand({
        thingTypeName: uniqueName("type"),
        thingTypeProperties: { searchableAttributes: ["a", "b", "c", "d"] },
      }),
    ),
    "InvalidRequestException",
    400,
    /at most 3/,
  );
  await expectError(
    iot.send(new CreateThingTypeCommand({ thingTypeName: "bad name!" })),
    "InvalidRequestException",
    400,
    /thingTypeName/,
  );
});

test("VAL-1: type descriptions accept printable ASCII with spaces (AWS's Java \\p{Graph})", async () => {
  const thingTypeName = uniqueName("type");
  const thingTypeDescription = "Temperature sensors, model T-1000 (v2)";
  await iot.send(
    new CreateThingTypeCommand({ thingTypeName, thingTypeProperties: { thingTypeDescription } }),
  );
  const d = await iot.send(new DescribeThingTypeCommand({ thingTypeName }));
  assert.equal(d.thingTypeProperties?.thingTypeDescription, thingTypeDescription);
  await expectError(
    iot.send(
      new CreateThingTypeCommand({
        thingTypeName: uniqueName("type"),
        thingTypeProperties: { thingTypeDescription: "caf\u00e9" },
      }),
    ),
    "InvalidRequestException",
    400,
    /thingTypeDescription/,
  );
});

test("TTY-2: DescribeThingType returns properties and metadata; unknown → 404", async () => {
  const name = await newType({ searchableAttributes: ["serial"] });
  const d = await iot.send(new DescribeThingTypeCommand({ thingTypeName: name }));
  assert.equal(d.thingTypeName, name);
  assert.match(d.thingTypeId ?? "", /^[0-9a-f-]{36}$/);
  assert.equal(d.thingTypeArn, `arn:aws:iot:${sb.region}:${sb.accountId}:thingtype/${name}`);
  assert.deepEqual(d.thingTypeProperties?.searchableAttributes, ["serial"]);
  assert.equal(d.thingTypeMetadata?.deprecated, false);
  assert.equal(d.thingTypeMetadata?.deprecationDate, undefined);
  assert.ok(d.thingTypeMetadata?.creationDate instanceof Date);
  await expectError(
    iot.send(new DescribeThingTypeCommand({ thingTypeName: uniqueName("missing") })),
    "ResourceNotFoundException",
    404,
  );
});

test("TTY-3: deprecate sets the date, undo clears it; deprecated types refuse new things", async () => {
  const name = await newType();
  await iot.send(new DeprecateThingTypeCommand({ thingTypeName: name }));
  const d = await iot.send(new DescribeThingTypeCommand({ thingTypeName: name }));
  assert.equal(d.thingTypeMetadata?.deprecated, true);
  assert.ok(d.thingTypeMetadata?.deprecationDate instanceof Date);
  await expectError(
    iot.send(new CreateThingCommand({ thingName: uniqueName("thing"), thingTypeName: name })),
    "InvalidRequestException",
    400,
    /deprecated/,
  );
  const thing = uniqueName("thing");
  await iot.send(new CreateThingCommand({ thingName: thing }));
  await expectError(
    iot.send(new UpdateThingCommand({ thingName: thing, thingTypeName: name })),
    "InvalidRequestException",
    400,
    /deprecated/,
  );
  await iot.send(new DeprecateThingTypeCommand({ thingTypeName: name, undoDeprecate: true }));
  const u = await iot.send(new DescribeThingTypeCommand({ thingTypeName: name }));
  assert.equal(u.thingTypeMetadata?.deprecated, false);
  assert.equal(u.thingTypeMetadata?.deprecationDate, undefined);
  await iot.send(new UpdateThingCommand({ thingName: thing, thingTypeName: name }));
  await expectError(
    iot.send(new DeprecateThingTypeCommand({ thingTypeName: uniqueName("missing") })),
    "ResourceNotFoundException",
    404,
  );
});

test("TTY-4: DeleteThingType needs deprecation, 5 minutes on the sandbox clock and no things", async () => {
  const name = await newType();
  const thing = uniqueName("thing");
  await iot.send(new CreateThingCommand({ thingName: thing, thingTypeName: name }));
  await expectError(
    iot.send(new DeleteThingTypeCommand({ thingTypeName: name })),
    "InvalidRequestException",
    400,
    /must be deprecated/,
  );
  await iot.send(new DeprecateThingTypeCommand({ thingTypeName: name }));
  await expectError(
    iot.send(new DeleteThingTypeCommand({ thingTypeName: name })),
    "InvalidRequestException",
    400,
    /300 seconds after deprecation/,
  );
  await sb.advanceClock(301);
  await expectError(
    iot.send(new DeleteThingTypeCommand({ thingTypeName: name })),
    "InvalidRequestException",
    400,
    /things are associated/,
  );
  await iot.send(new DeleteThingCommand({ thingName: thing }));
  await iot.send(new DeleteThingTypeCommand({ thingTypeName: name }));
  await expectError(
    iot.send(new DescribeThingTypeCommand({ thingTypeName: name })),
    "ResourceNotFoundException",
    404,
  );
  await expectError(
    iot.send(new DeleteThingTypeCommand({ thingTypeName: name })),
    "ResourceNotFoundException",
    404,
  );
});

test("TTY-5: UpdateThingType replaces the properties (≤ 3 searchable attributes)", async () => {
  const name = await newType({ searchableAttributes: ["a"] });
  await iot.send(
    new UpdateThingTypeCommand({
      thingTypeName: name,
      thingTypeProperties: { searchableAttributes: ["b", "c"] },
    }),
  );
  const d = await iot.send(new DescribeThingTypeCommand({ thingTypeName: name }));
  assert.deepEqual(d.thingTypeProperties?.searchableAttributes, ["b", "c"]);
  await expectError(
    iot.send(
      new UpdateThingTypeCommand({
        thingTypeName: name,
        thingTypeProperties: { searchableAttributes: ["a", "b", "c", "d"] },
      }),
    ),
    "InvalidRequestException",
    400,
  );
  await expectError(
    iot.send(new UpdateThingTypeCommand({ thingTypeName: uniqueName("missing"), thingTypeProperties: {} })),
    "ResourceNotFoundException",
    404,
  );
});

test("ListThingTypes: exact name filter and pagination", async () => {
  const names = [await newType(), await newType(), await newType()];
  const one = await iot.send(new ListThingTypesCommand({ thingTypeName: names[1] }));
  assert.deepEqual(
    one.thingTypes?.map((t) => t.thingTypeName),
    [names[1]],
  );
  assert.equal(one.thingTypes?.[0].thingTypeMetadata?.deprecated, false);
  const seen: string[] = [];
  let nextToken: string | undefined;
  do {
    const p = await iot.send(new ListThingTypesCommand({ maxResults: 2, nextToken }));
    assert.ok((p.thingTypes?.length ?? 0) <= 2);
    seen.push(...(p.thingTypes ?? []).map((t) => t.thingTypeName as string));
    nextToken = p.nextToken;
  } while (nextToken);
  for (const n of names) assert.ok(seen.includes(n));
  assert.equal(new Set(seen).size, seen.length);
  assert.deepEqual(seen, [...seen].sort());
});
