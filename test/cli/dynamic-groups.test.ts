/**
 * `iotdm dynamic-groups` in process (a recording host) against a private sandbox with a
 * provisioned fleet: wizard flags and
 * custom queries create groups whose members equal a SearchIndex of the same query; a query
 * matching nothing is refused; list, describe, delete; bad queries and missing inputs.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  DescribeThingGroupCommand,
  IoTClient,
  ListTagsForResourceCommand,
  ListThingsInThingGroupCommand,
  SearchIndexCommand,
} from "@aws-sdk/client-iot";
import { t } from "../../src/io/i18n.js";
import { isolateCliEnvironment } from "../helpers/cli-env.js";
import { type Recorded, runRecorded } from "../helpers/recording-host.js";
import { type TestSandbox, startSandbox } from "../helpers/sandbox.js";
import { target } from "./provision-helpers.js";

isolateCliEnvironment();

let sb: TestSandbox;
let iot: IoTClient;

async function cli(...args: string[]): Promise<Recorded & { json: <T>() => T }> {
  const r = await runRecorded([...args, ...target(sb)]);
  return { ...r, json: <T>() => JSON.parse(r.host.stdoutText) as T };
}

async function search(query: string): Promise<string[]> {
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await iot.send(new SearchIndexCommand({ queryString: query, nextToken, maxResults: 7 }));
    names.push(...(page.things ?? []).map((t) => t.thingName ?? ""));
    nextToken = page.nextToken;
  } while (nextToken);
  return names.sort();
}

async function members(name: string): Promise<string[]> {
  const out = await iot.send(new ListThingsInThingGroupCommand({ thingGroupName: name, maxResults: 250 }));
  return [...(out.things ?? [])].sort();
}

before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  const p = await cli("--yes", "provision", "--count", "30");
  assert.equal(p.code, 0, p.host.stderrText);
});
after(() => sb.dispose());

test("wizard flags build the query; members equal a SearchIndex of it; tagged", async () => {
  const r = await cli(
    "--yes",
    "--json",
    "dynamic-groups",
    "create",
    "--name",
    "Wiz",
    "--countries",
    "us, ca",
    "--thing-types",
    "SedanVehicle",
    "--versions",
    "1.0.0",
    "--battery-above",
    "30",
  );
  assert.equal(r.code, 0, r.host.stderrText);
  const report = r.json<{ query: string; matches: number; created: boolean }>();
  const query =
    "thingTypeName:SedanVehicle AND attributes.country:(US OR CA) AND " +
    "shadow.name.$package.reported.SedanVehicle.version:1.0.0 AND shadow.reported.batteryStatus:[30 TO *]";
  assert.equal(report.query, query);
  assert.equal(report.created, true);
  const expected = await search(query);
  assert.ok(expected.length > 0);
  assert.equal(report.matches, expected.length);
  assert.deepEqual(await members("Wiz"), expected);
  const g = await iot.send(new DescribeThingGroupCommand({ thingGroupName: "Wiz" }));
  assert.equal(g.queryString, query);
  const tags = await iot.send(new ListTagsForResourceCommand({ resourceArn: g.thingGroupArn }));
  assert.ok(tags.tags?.some((t) => t.Key === "created-by" && t.Value === "manage-dynamic-groups"));
  assert.ok(tags.tags?.some((t) => t.Key === "workshop"));
});

test("battery below and the default name", async () => {
  const r = await cli(
    "--yes",
    "--json",
    "dynamic-groups",
    "create",
    "--thing-types",
    "SUVVehicle",
    "--battery-below",
    "60",
  );
  assert.equal(r.code, 0, r.host.stderrText);
  const report = r.json<{ name: string; query: string }>();
  assert.equal(report.name, "SUVVehicle_batterylt60_Devices");
  assert.equal(report.query, "thingTypeName:SUVVehicle AND shadow.reported.batteryStatus:[* TO 60]");
  assert.deepEqual(await members(report.name), await search(report.query));
});

test("custom query; list shows member counts; describe; delete", async () => {
  const query = "attributes.country:US";
  const r = await cli("dynamic-groups", "create", "--name", "US_All", "--query", query);
  assert.equal(r.code, 0, r.host.stderrText);
  const expected = await search(query);
  assert.deepEqual(await members("US_All"), expected);

  const list = await cli("--json", "dynamic-groups", "list");
  const groups = list.json<{
    groups: Array<{ name: string; members: number; query: string; created?: string }>;
  }>().groups;
  const us = groups.find((g) => g.name === "US_All");
  assert.equal(us?.members, expected.length);
  assert.equal(us?.query, query);
  assert.ok(us?.created && !Number.isNaN(Date.parse(us.created)));
  assert.ok(!groups.some((g) => g.name.endsWith("_Fleet")), "static groups are not listed");
  const text = await cli("dynamic-groups", "list");
  assert.deepEqual(
    text.host
      .varsOf("dynamicGroups.list.line")
      .filter((v) => v.name === "US_All")
      .map((v) => v.members),
    [expected.length],
  );

  const d = await cli("--json", "dynamic-groups", "describe", "--name", "US_All");
  const detail = d.json<{ devices: Array<{ name: string; country: string }> }>();
  assert.deepEqual(detail.devices.map((x) => x.name).sort(), expected);
  assert.ok(detail.devices.every((x) => x.country === "US"));

  const del = await cli("--yes", "dynamic-groups", "delete", "--name", "US_All");
  assert.equal(del.code, 0, del.host.stderrText);
  await assert.rejects(iot.send(new DescribeThingGroupCommand({ thingGroupName: "US_All" })));
});

test("a query that matches nothing is refused and creates nothing", async () => {
  const r = await cli(
    "--yes",
    "dynamic-groups",
    "create",
    "--name",
    "Nobody",
    "--query",
    "attributes.country:ZZ",
  );
  assert.equal(r.code, 1);
  assert.deepEqual(
    r.host.varsOf("dynamicGroups.create.refused").map((v) => v.name),
    ["Nobody"],
  );
  await assert.rejects(iot.send(new DescribeThingGroupCommand({ thingGroupName: "Nobody" })));
});

test("an invalid query gives a clear error", async () => {
  const r = await cli("dynamic-groups", "test", "--query", "thingTypeName:(");
  assert.equal(r.code, 1);
  // The sandbox's own explanation follows the catalog's text.
  const explained = t("dynamicGroups.error.invalidQuery", { query: "thingTypeName:(", message: "" });
  const failed = r.host.varsOf("cli.failed").map((v) => String(v.message));
  assert.equal(failed.length, 1);
  assert.ok(failed[0].startsWith(explained), failed[0]);
  const ok = await cli("--json", "dynamic-groups", "test", "--query", "thingTypeName:TruckVehicle");
  assert.equal(ok.json<{ matches: number }>().matches, (await search("thingTypeName:TruckVehicle")).length);
});

test("without a terminal and without --yes, a missing input names its flag (exit 2)", async () => {
  const usage = async (args: string[], message: string) => {
    const r = await cli("dynamic-groups", ...args);
    assert.equal(r.code, 2, args.join(" "));
    assert.deepEqual(r.host.varsOf("cli.usageError"), [{ message }]);
  };
  await usage(["describe"], t("common.promptNeedsTerminal", { flag: "--name" }));
  await usage(["delete", "--name", "Wiz"], t("common.promptNeedsTerminal", { flag: "--yes" }));
  await usage(["create", "--name", "X", "--yes"], t("dynamicGroups.criteria.none"));
  await usage(
    ["create", "--name", "X", "--versions", "1.0.0"],
    t("common.flagProblem", { flag: "--versions", problem: t("dynamicGroups.criteria.versionsNeedType") }),
  );
});
