/**
 * `iotdm dynamic-groups create` (in process) against a sandbox whose failures come after the
 * call committed (`--fail-mode after`): a retried CreateDynamicThingGroup meets the group its
 * first attempt created, and the command still reports it created, once, with the members its
 * query selects; `delete` converges the same way. The assertions hold whichever calls the
 * injection hits.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  DescribeThingGroupCommand,
  IoTClient,
  ListTagsForResourceCommand,
  ListThingGroupsCommand,
  ListThingsInThingGroupCommand,
  SearchIndexCommand,
} from "@aws-sdk/client-iot";
import { allPages } from "../../src/aws/parallel.js";
import { isolateCliEnvironment } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { target } from "./provision-helpers.js";

isolateCliEnvironment();

const GROUPS = 10;
let sb: TestSandbox;
let iot: IoTClient;
before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  const p = await runRecorded(["--yes", "provision", "--count", "30", ...target(sb)]);
  assert.equal(p.code, 0, p.host.stderrText);
});
after(async () => {
  iot.destroy();
  await sb.dispose();
});

const names = (n: number) => Array.from({ length: n }, (_, i) => `Faulty_${i}`);
const queryOf = (i: number) => `attributes.country:${["US", "CA", "MX"][i % 3]}`;

async function search(queryString: string): Promise<string[]> {
  const things = await allPages(
    (nextToken) => iot.send(new SearchIndexCommand({ queryString, nextToken, maxResults: 100 })),
    (p) => p.things,
    (p) => p.nextToken,
  );
  return things.map((t) => t.thingName ?? "").sort();
}

async function groupNames(): Promise<string[]> {
  const groups = await allPages(
    (nextToken) => iot.send(new ListThingGroupsCommand({ nextToken })),
    (p) => p.thingGroups,
    (p) => p.nextToken,
  );
  return groups.map((g) => g.groupName ?? "").sort();
}

test("--fail-mode after at 30%: dynamic-groups create makes each group once, with its query's members and tags; delete removes them", async () => {
  await sb.admin("config", { failRate: 0.3, failMode: "after" });
  for (const [i, name] of names(GROUPS).entries()) {
    const r = await runRecorded([
      "--yes",
      "--json",
      "dynamic-groups",
      "create",
      "--name",
      name,
      "--query",
      queryOf(i),
      ...target(sb),
    ]);
    assert.equal(r.code, 0, r.host.stderrText);
    const report = JSON.parse(r.host.stdoutText) as { created: boolean; arn?: string };
    assert.equal(report.created, true, `${name}: ${r.host.stdoutText}`);
    assert.match(report.arn ?? "", new RegExp(`:thinggroup/${name}$`));
  }
  await sb.admin("config", { failRate: 0 });
  assert.deepEqual(await groupNames(), ["CA_Fleet", "MX_Fleet", "US_Fleet", ...names(GROUPS)].sort());
  for (const [i, name] of names(GROUPS).entries()) {
    const g = await iot.send(new DescribeThingGroupCommand({ thingGroupName: name }));
    assert.equal(g.queryString, queryOf(i));
    assert.equal(g.version, 1, `${name} was created once and never changed`);
    const members = await iot.send(new ListThingsInThingGroupCommand({ thingGroupName: name }));
    assert.deepEqual([...(members.things ?? [])].sort(), await search(queryOf(i)));
    const tags = await iot.send(new ListTagsForResourceCommand({ resourceArn: g.thingGroupArn }));
    assert.ok(tags.tags?.some((t) => t.Key === "created-by" && t.Value === "manage-dynamic-groups"));
  }
  await sb.admin("config", { failRate: 0.3, failMode: "after" });
  for (const name of names(GROUPS)) {
    const r = await runRecorded(["--yes", "dynamic-groups", "delete", "--name", name, ...target(sb)]);
    assert.equal(r.code, 0, r.host.stderrText);
  }
  await sb.admin("config", { failRate: 0 });
  assert.deepEqual(await groupNames(), ["CA_Fleet", "MX_Fleet", "US_Fleet"]);
});
