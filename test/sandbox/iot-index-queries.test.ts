/**
 * Query corpus (Q-1..Q-8): over 150 queries against a generated fleet, each result compared
 * with an independent evaluation of the query's predicate over the fleet model, through the
 * real SDK against a real sandbox. Then malformed queries: 400 InvalidQueryException.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { IoTClient, SearchIndexCommand } from "@aws-sdk/client-iot";
import { IoTDataPlaneClient } from "@aws-sdk/client-iot-data-plane";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { corpus, type Predicate } from "./iot-index-corpus.js";
import { createFleet, type FleetThing, fleetModel } from "./iot-index-fleet.js";
import { expectError, searchNames } from "./iot-index-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
let fleet: FleetThing[];
let queries: Array<[string, Predicate]>;

before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  const data = new IoTDataPlaneClient(sb.config);
  fleet = fleetModel("");
  await createFleet(iot, data, fleet, "");
  queries = corpus(fleet);
});
after(() => sb.dispose());

const expected = (p: Predicate) =>
  fleet
    .filter(p)
    .map((t) => t.name)
    .sort();

test("the corpus has at least 150 queries, and most select a proper, non-empty subset", () => {
  assert.ok(queries.length >= 150, `only ${queries.length} queries`);
  const informative = queries.filter(([, p]) => {
    const n = fleet.filter(p).length;
    return n > 0 && n < fleet.length;
  });
  assert.ok(informative.length >= 120, `only ${informative.length} informative queries`);
});

test("Q-1..Q-6: every corpus query returns exactly the things its predicate selects", async () => {
  const failures: string[] = [];
  for (const [query, predicate] of queries) {
    const got = await searchNames(iot, query);
    const want = expected(predicate);
    if (JSON.stringify(got) !== JSON.stringify(want))
      failures.push(`${query}\n    got  ${JSON.stringify(got)}\n    want ${JSON.stringify(want)}`);
  }
  assert.deepEqual(
    failures,
    [],
    `${failures.length} of ${queries.length} queries differ:\n${failures.join("\n")}`,
  );
});

test("Q-8: the spec's example table, on two things of the fleet", async () => {
  const sedanUs = (await searchNames(iot, "thingTypeName:SedanVehicle AND attributes.country:US"))[0];
  assert.ok(sedanUs);
  assert.deepEqual(await searchNames(iot, "Attributes.country:US"), []);
  assert.ok((await searchNames(iot, "attributes.country:us")).includes(sedanUs));
  assert.equal((await searchNames(iot, "*")).length, fleet.length);
});

test("Q-2/IDX-10: results are in thing name order and pages follow each other without overlap", async () => {
  const all = await searchNames(iot, "*");
  assert.deepEqual(all, [...all].sort());
  const paged: string[] = [];
  let nextToken: string | undefined;
  do {
    const out = await iot.send(new SearchIndexCommand({ queryString: "*", maxResults: 7, nextToken }));
    assert.ok((out.things ?? []).length <= 7);
    paged.push(...(out.things ?? []).map((t) => t.thingName as string));
    nextToken = out.nextToken;
  } while (nextToken);
  assert.deepEqual(paged, all);
});

const malformed: Array<[string, RegExp]> = [
  ["thingName:(abc", /Missing '\)'/],
  ["thingName:abc)", /Unexpected '\)'/],
  ["attributes.country:[US TO", /Expected a value|Expected '\]'/],
  ["thingName:abc~", /Unsupported character '~'/],
  ["thingName:/ab.*/", /Unsupported character '\/'/],
  ["thingName:abc^2", /Unsupported character '\^'/],
  ["thingName:a@b", /Unsupported character '@'/],
  ['thingName:"abc', /Unterminated/],
  ["AND thingName:abc", /needs a term on both sides/],
  ["thingName:abc AND", /ends where a term/],
  ["a b c d e f g h i j k l m", /at most 12/],
  ["thingName:*ab OR thingGroupNames:*cd", /start with a wildcard/],
  [`thingName:*ab AND attributes.country:${"x".repeat(100)}`, /at most 100 characters/],
  ["   ", /empty/],
];

for (const [query, message] of malformed) {
  test(`Q-7: SearchIndex ${JSON.stringify(query.length > 50 ? `${query.slice(0, 50)}...` : query)} → 400 InvalidQueryException`, async () => {
    await expectError(
      iot.send(new SearchIndexCommand({ queryString: query })),
      "InvalidQueryException",
      400,
      message,
    );
  });
}
