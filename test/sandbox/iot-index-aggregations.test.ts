/**
 * Aggregations (AGG-1) over the generated fleet: GetStatistics per field type, GetCardinality,
 * GetPercentiles and GetBucketsAggregation, with expected values computed from the fleet
 * model; fields that are neither managed nor custom, or of the wrong type, are refused.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  GetBucketsAggregationCommand,
  GetCardinalityCommand,
  GetPercentilesCommand,
  GetStatisticsCommand,
  IoTClient,
} from "@aws-sdk/client-iot";
import { IoTDataPlaneClient } from "@aws-sdk/client-iot-data-plane";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { createFleet, type FleetThing, fleetModel, STATIC_GROUPS, valuesOf } from "./iot-index-fleet.js";
import { expectError } from "./iot-index-helpers.js";

let sb: TestSandbox;
let iot: IoTClient;
let fleet: FleetThing[];

before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  fleet = fleetModel("");
  await createFleet(iot, new IoTDataPlaneClient(sb.config), fleet, "");
});
after(() => sb.dispose());

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const sedans = () => fleet.filter((t) => t.type === "SedanVehicle");
const numbersOf = (things: FleetThing[], field: string) =>
  things.flatMap((t) =>
    valuesOf(t, field).flatMap((v) =>
      typeof v === "number" ? [v] : typeof v === "string" && JSON_NUMBER.test(v) ? [Number(v)] : [],
    ),
  );

function near(actual: number | undefined, expected: number, what: string): void {
  assert.ok(
    actual !== undefined && Math.abs(actual - expected) < 1e-9 * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} vs ${expected}`,
  );
}

function expectStatistics(actual: Record<string, number | undefined> | undefined, values: number[]): void {
  const n = values.length;
  const sum = values.reduce((a, b) => a + b, 0);
  const sq = values.reduce((a, b) => a + b * b, 0);
  const avg = sum / n;
  assert.equal(actual?.count, n);
  near(actual?.sum, sum, "sum");
  near(actual?.average, avg, "average");
  near(actual?.minimum, Math.min(...values), "minimum");
  near(actual?.maximum, Math.max(...values), "maximum");
  near(actual?.sumOfSquares, sq, "sumOfSquares");
  near(actual?.variance, sq / n - avg * avg, "variance");
  near(actual?.stdDeviation, Math.sqrt(sq / n - avg * avg), "stdDeviation");
}

test("AGG-1: GetStatistics defaults to registry.version over every thing", async () => {
  const out = await iot.send(new GetStatisticsCommand({ queryString: "*" }));
  expectStatistics(
    out.statistics as Record<string, number>,
    fleet.map((t) => t.version),
  );
});

test("AGG-1: GetStatistics on Number custom fields (attribute numbers, shadow numbers) within a query", async () => {
  const score = await iot.send(
    new GetStatisticsCommand({ queryString: "*", aggregationField: "attributes.score" }),
  );
  expectStatistics(score.statistics as Record<string, number>, numbersOf(fleet, "attributes.score"));
  const battery = await iot.send(
    new GetStatisticsCommand({
      queryString: "thingTypeName:SedanVehicle",
      aggregationField: "shadow.reported.batteryStatus",
    }),
  );
  expectStatistics(
    battery.statistics as Record<string, number>,
    numbersOf(sedans(), "shadow.reported.batteryStatus"),
  );
});

test("AGG-1: GetStatistics on a String field counts things having it; on a Boolean averages 0/1", async () => {
  const country = await iot.send(
    new GetStatisticsCommand({ queryString: "thingTypeName:*", aggregationField: "attributes.country" }),
  );
  assert.deepEqual(country.statistics, { count: fleet.filter((t) => t.type && t.attrs.country).length });
  const online = await iot.send(
    new GetStatisticsCommand({ queryString: "*", aggregationField: "shadow.reported.online" }),
  );
  const flags = fleet.flatMap((t) => valuesOf(t, "shadow.reported.online")).map((v) => (v === true ? 1 : 0));
  expectStatistics(online.statistics as Record<string, number>, flags);
  const none = await iot.send(
    new GetStatisticsCommand({
      queryString: "thingName:nothing",
      aggregationField: "shadow.reported.batteryStatus",
    }),
  );
  assert.deepEqual(none.statistics, { count: 0 });
});

test("AGG-1: GetCardinality counts distinct values exactly (0 when nothing matches)", async () => {
  const countries = await iot.send(
    new GetCardinalityCommand({ queryString: "*", aggregationField: "attributes.country" }),
  );
  assert.equal(countries.cardinality, new Set(fleet.map((t) => t.attrs.country.toLowerCase())).size);
  const battery = await iot.send(
    new GetCardinalityCommand({
      queryString: "thingTypeName:SedanVehicle",
      aggregationField: "shadow.reported.batteryStatus",
    }),
  );
  assert.equal(battery.cardinality, new Set(numbersOf(sedans(), "shadow.reported.batteryStatus")).size);
  const none = await iot.send(
    new GetCardinalityCommand({ queryString: "thingName:nothing", aggregationField: "attributes.country" }),
  );
  assert.equal(none.cardinality, 0);
});

function percentile(sorted: number[], p: number): number {
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

test("AGG-1: GetPercentiles with the default and with given percents; only Number fields", async () => {
  const values = numbersOf(fleet, "shadow.reported.batteryStatus").sort((a, b) => a - b);
  const out = await iot.send(
    new GetPercentilesCommand({ queryString: "*", aggregationField: "shadow.reported.batteryStatus" }),
  );
  assert.deepEqual(
    out.percentiles?.map((p) => p.percent),
    [1, 5, 25, 50, 75, 95, 99],
  );
  for (const p of out.percentiles ?? [])
    near(p.value, percentile(values, p.percent as number), `p${p.percent}`);
  const edges = await iot.send(
    new GetPercentilesCommand({
      queryString: "*",
      aggregationField: "shadow.reported.temp",
      percents: [0, 50, 100],
    }),
  );
  const temps = numbersOf(fleet, "shadow.reported.temp").sort((a, b) => a - b);
  assert.deepEqual(
    edges.percentiles?.map((p) => p.value),
    [temps[0], percentile(temps, 50), temps[temps.length - 1]],
  );
  const none = await iot.send(
    new GetPercentilesCommand({ queryString: "thingName:nothing", aggregationField: "shadow.reported.temp" }),
  );
  assert.deepEqual(none.percentiles, []);
  await expectError(
    iot.send(new GetPercentilesCommand({ queryString: "*", aggregationField: "attributes.country" })),
    "InvalidAggregationException",
    400,
  );
  await expectError(
    iot.send(
      new GetPercentilesCommand({
        queryString: "*",
        aggregationField: "shadow.reported.temp",
        percents: [101],
      }),
    ),
    "InvalidRequestException",
    400,
  );
});

test("AGG-1: GetBucketsAggregation: most frequent first, maxBuckets, totalCount = matching things", async () => {
  const out = await iot.send(
    new GetBucketsAggregationCommand({
      queryString: "*",
      aggregationField: "registry.thingTypeName",
      bucketsAggregationType: { termsAggregation: { maxBuckets: 10 } },
    }),
  );
  const counts = new Map<string, number>();
  for (const t of fleet) if (t.type) counts.set(t.type, (counts.get(t.type) ?? 0) + 1);
  const expected = [...counts]
    .map(([keyValue, count]) => ({ keyValue, count }))
    .sort((a, b) => b.count - a.count || (a.keyValue < b.keyValue ? -1 : 1));
  assert.deepEqual(out.buckets, expected);
  assert.equal(out.totalCount, fleet.length);
  const top = await iot.send(
    new GetBucketsAggregationCommand({
      queryString: "*",
      aggregationField: "thingTypeName",
      bucketsAggregationType: { termsAggregation: { maxBuckets: 1 } },
    }),
  );
  assert.deepEqual(top.buckets, expected.slice(0, 1));
  const versions = await iot.send(
    new GetBucketsAggregationCommand({
      queryString: "thingTypeName:SedanVehicle",
      aggregationField: "shadow.name.$package.reported.SedanVehicle.version",
      bucketsAggregationType: { termsAggregation: {} },
    }),
  );
  const byVersion = new Map<string, number>();
  for (const t of sedans())
    for (const v of valuesOf(t, "shadow.name.$package.reported.SedanVehicle.version"))
      byVersion.set(String(v), (byVersion.get(String(v)) ?? 0) + 1);
  assert.deepEqual(
    versions.buckets,
    [...byVersion]
      .map(([keyValue, count]) => ({ keyValue, count }))
      .sort((a, b) => b.count - a.count || (a.keyValue < b.keyValue ? -1 : 1)),
  );
  assert.equal(versions.totalCount, sedans().length);
  const groups = await iot.send(
    new GetBucketsAggregationCommand({
      queryString: "*",
      aggregationField: "registry.thingGroupNames",
      bucketsAggregationType: { termsAggregation: { maxBuckets: 100 } },
    }),
  );
  const perGroup = STATIC_GROUPS.map(([g]) => ({
    keyValue: g,
    count: fleet.filter((t) => t.groups.includes(g)).length,
  })).filter((b) => b.count > 0);
  assert.deepEqual(
    groups.buckets,
    perGroup.sort((a, b) => b.count - a.count || (a.keyValue < b.keyValue ? -1 : 1)),
  );
  const country = await iot.send(
    new GetBucketsAggregationCommand({
      queryString: "*",
      aggregationField: "attributes.country",
      bucketsAggregationType: { termsAggregation: {} },
    }),
  );
  assert.equal(
    country.buckets?.find((b) => b.keyValue === "US")?.count,
    fleet.filter((t) => t.attrs.country.toLowerCase() === "us").length,
  );
});

test("AGG-1: fields that are neither managed nor custom → 400 InvalidAggregationException; query errors still apply", async () => {
  for (const aggregationField of ["attributes.serial", "shadow.reported.mode", "nothing"])
    await expectError(
      iot.send(new GetStatisticsCommand({ queryString: "*", aggregationField })),
      "InvalidAggregationException",
      400,
    );
  await expectError(
    iot.send(
      new GetCardinalityCommand({ queryString: "thingName:(", aggregationField: "attributes.country" }),
    ),
    "InvalidQueryException",
    400,
  );
  await expectError(
    iot.send(
      new GetBucketsAggregationCommand({
        queryString: "*",
        aggregationField: "attributes.country",
        bucketsAggregationType: { termsAggregation: { maxBuckets: 0 } },
      }),
    ),
    "InvalidRequestException",
    400,
  );
});

test("AGG-1: aggregations on AWS_ThingGroups use its managed fields", async () => {
  const out = await iot.send(
    new GetStatisticsCommand({ indexName: "AWS_ThingGroups", queryString: "*", aggregationField: "version" }),
  );
  assert.equal(out.statistics?.count, STATIC_GROUPS.length);
  assert.equal(out.statistics?.sum, STATIC_GROUPS.length);
  const parents = await iot.send(
    new GetBucketsAggregationCommand({
      indexName: "AWS_ThingGroups",
      queryString: "*",
      aggregationField: "parentGroupNames",
      bucketsAggregationType: { termsAggregation: {} },
    }),
  );
  assert.deepEqual(parents.buckets, [{ keyValue: "US_Fleet", count: 1 }]);
  assert.equal(parents.totalCount, STATIC_GROUPS.length);
});
