/**
 * `iotdm packages device-version` and `revert` against a private sandbox with a fleet of mixed
 * versions: one device's `$package` shadow; the rollback by shadow rewrite (exactly the devices of
 * the type that report another version, attributes kept as PKG-7 writes them, other types left
 * alone), checked through SearchIndex and GetThingShadow; the typed REVERT; the rollback by job
 * (a static group of exactly those devices, then the inventory follows as they succeed, PKG-7);
 * and the menu in a pseudo-terminal.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  DescribeJobCommand,
  IoTClient,
  ListJobsCommand,
  ListThingGroupsCommand,
  ListThingsInThingGroupCommand,
  SearchIndexCommand,
} from "@aws-sdk/client-iot";
import {
  GetThingShadowCommand,
  IoTDataPlaneClient,
  UpdateThingShadowCommand,
} from "@aws-sdk/client-iot-data-plane";
import { isolateCliEnvironment, withEnv } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { type TestSandbox, startSandbox } from "../helpers/sandbox.js";
import { Terminal } from "../helpers/terminal.js";
import { target } from "./provision-helpers.js";

isolateCliEnvironment();

let sb: TestSandbox;
let iot: IoTClient;
let data: IoTDataPlaneClient;
let sedans: string[];
let suvs: string[];
const cli = (...args: string[]) => runRecorded([...args, ...target(sb)]);

async function search(queryString: string): Promise<string[]> {
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await iot.send(new SearchIndexCommand({ queryString, nextToken }));
    names.push(...(page.things ?? []).map((x) => x.thingName ?? ""));
    nextToken = page.nextToken;
  } while (nextToken);
  return names.sort();
}

const reportVersion = (
  thingName: string,
  pkg: string,
  version: string,
  attributes: Record<string, string> = {},
) =>
  data.send(
    new UpdateThingShadowCommand({
      thingName,
      shadowName: "$package",
      payload: new TextEncoder().encode(
        JSON.stringify({ state: { reported: { [pkg]: { version, attributes } } } }),
      ),
    }),
  );

async function packageEntry(
  thingName: string,
  pkg: string,
): Promise<{ version: string; attributes: object }> {
  const out = await data.send(new GetThingShadowCommand({ thingName, shadowName: "$package" }));
  const doc = JSON.parse(new TextDecoder().decode(out.payload)) as {
    state: { reported: Record<string, { version: string; attributes: object }> };
  };
  return doc.state.reported[pkg];
}

/** Rolls the sedans back to 1.0.0, unattended, with a --json report. */
const REVERT_SEDANS = [
  "--yes",
  "--json",
  "packages",
  "revert",
  "--thing-type",
  "SedanVehicle",
  "--package-version",
  "1.0.0",
];

const sedansNotOn = (version: string) =>
  search(
    `thingTypeName:SedanVehicle AND shadow.name.$package.reported.SedanVehicle.version:* AND NOT shadow.name.$package.reported.SedanVehicle.version:${version}`,
  );

before(async () => {
  sb = await startSandbox();
  iot = new IoTClient(sb.config);
  data = new IoTDataPlaneClient(sb.config);
  const p = await cli("--yes", "provision", "--count", "12", "--thing-types", "SedanVehicle,SUVVehicle");
  assert.equal(p.code, 0, p.host.stderrText);
  sedans = await search("thingTypeName:SedanVehicle");
  suvs = await search("thingTypeName:SUVVehicle");
  assert.ok(sedans.length >= 4 && suvs.length >= 1);
});
after(() => {
  iot.destroy();
  data.destroy();
  return sb.dispose();
});

test("device-version: every package the $package shadow reports, with version and attributes; none is said, exit 1", async () => {
  await reportVersion(sedans[0], "SedanVehicle", "1.1.0", { channel: "beta" });
  const r = await cli("--yes", "--json", "packages", "device-version", "--thing", sedans[0]);
  assert.equal(r.code, 0, r.host.stderrText);
  const d = JSON.parse(r.host.stdoutText) as {
    found: boolean;
    readAt: string;
    packages: Array<{ name: string; version: string; attributes: object }>;
  };
  assert.equal(d.found, true);
  assert.deepEqual(d.packages, [{ name: "SedanVehicle", version: "1.1.0", attributes: { channel: "beta" } }]);
  assert.ok(!Number.isNaN(Date.parse(d.readAt)), "a date, not epoch seconds");
  const text = await cli("packages", "device-version", "--thing", sedans[0]);
  assert.match(text.host.stdoutText, /SedanVehicle 1\.1\.0/);
  assert.match(text.host.stdoutText, /read \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  const missing = await cli("--yes", "packages", "device-version", "--thing", "No-Such-Car");
  assert.equal(missing.code, 1);
  assert.match(missing.host.stdoutText, /No-Such-Car has no \$package shadow/);
});

test("revert needs REVERT typed: a wrong word rewrites nothing", async () => {
  await reportVersion(sedans[1], "SedanVehicle", "1.1.0");
  const before = await sedansNotOn("1.0.0");
  const r = await withEnv({ AWS_IOT_LANG: "en" }, () =>
    runRecorded(
      ["packages", "revert", "--thing-type", "SedanVehicle", "--package-version", "1.0.0", ...target(sb)],
      { interactive: true, answers: [{ key: "packages.revert.confirm", answer: "revert" }] },
    ),
  );
  assert.equal(r.code, 1);
  assert.deepEqual(await sedansNotOn("1.0.0"), before);
});

test("revert by shadow rewrite: exactly the sedans on another version, attributes kept (PKG-7), SUVs untouched", async () => {
  await reportVersion(sedans[2], "SedanVehicle", "0.9.0");
  await reportVersion(suvs[0], "SUVVehicle", "1.1.0");
  const expected = [sedans[0], sedans[1], sedans[2]].sort();
  assert.deepEqual(await sedansNotOn("1.0.0"), expected);

  const r = await cli(...REVERT_SEDANS);
  assert.equal(r.code, 0, r.host.stderrText);
  const out = JSON.parse(r.host.stdoutText) as { devices: number; updated: number; failed: number };
  assert.deepEqual([out.devices, out.updated, out.failed], [3, 3, 0]);
  assert.deepEqual(await sedansNotOn("1.0.0"), []);
  assert.deepEqual(
    await search("thingTypeName:SedanVehicle AND shadow.name.$package.reported.SedanVehicle.version:1.0.0"),
    sedans,
  );
  assert.deepEqual(await packageEntry(sedans[0], "SedanVehicle"), {
    version: "1.0.0",
    attributes: { channel: "beta" },
  });
  assert.equal((await packageEntry(suvs[0], "SUVVehicle")).version, "1.1.0");

  const again = await cli(...REVERT_SEDANS);
  assert.equal((JSON.parse(again.host.stdoutText) as { devices: number }).devices, 0);
});

test("revert --via-job: a job to exactly the differing devices; once they succeed the inventory follows (PKG-7)", async () => {
  await reportVersion(sedans[1], "SedanVehicle", "1.1.0");
  await reportVersion(sedans[3], "SedanVehicle", "1.1.0");
  const r = await cli(...REVERT_SEDANS, "--via-job");
  assert.equal(r.code, 0, r.host.stderrText);
  const out = JSON.parse(r.host.stdoutText) as {
    job: { jobId: string; group: string };
    inventoryFollows: boolean;
  };
  assert.equal(out.inventoryFollows, true);
  // Nothing rewritten: the devices still report what they run until they install it.
  assert.deepEqual(await sedansNotOn("1.0.0"), [sedans[1], sedans[3]].sort());
  const members = await iot.send(new ListThingsInThingGroupCommand({ thingGroupName: out.job.group }));
  assert.deepEqual([...(members.things ?? [])].sort(), [sedans[1], sedans[3]].sort());
  const job = (await iot.send(new DescribeJobCommand({ jobId: out.job.jobId }))).job;
  assert.deepEqual(job?.destinationPackageVersions, [
    `arn:aws:iot:us-east-1:${sb.accountId}:package/SedanVehicle/version/1.0.0`,
  ]);
  assert.equal(job?.targetSelection, "SNAPSHOT");
  assert.match(r.host.stderrText + r.host.stdoutText, new RegExp(`simulate-jobs --job-id ${out.job.jobId}`));

  const played = await cli("--yes", "simulate-jobs", "--job-id", out.job.jobId, "--success-rate", "100");
  assert.equal(played.code, 0, played.host.stderrText);
  assert.deepEqual(await sedansNotOn("1.0.0"), []);
  assert.equal((await packageEntry(sedans[3], "SedanVehicle")).version, "1.0.0");
});

test("revert --via-job of a DRAFT version is refused before anything is found or created (JOB-3)", async () => {
  const draft = await cli(
    "--yes",
    "packages",
    "create-version",
    "--package",
    "SedanVehicle",
    "--package-version",
    "3.0.0",
    "--draft",
  );
  assert.equal(draft.code, 0, draft.host.stderrText);
  const jobsBefore = (await iot.send(new ListJobsCommand({}))).jobs?.length ?? 0;
  const r = await cli(
    "--yes",
    "packages",
    "revert",
    "--thing-type",
    "SedanVehicle",
    "--package-version",
    "3.0.0",
    "--via-job",
  );
  assert.equal(r.code, 1);
  assert.match(r.host.stderrText + r.host.stdoutText, /Version 3\.0\.0 is DRAFT/);
  assert.equal((await iot.send(new ListJobsCommand({}))).jobs?.length ?? 0, jobsBefore);
});

test("the menu in a terminal: a device's versions, then done", async () => {
  const term = new Terminal(["packages", ...target(sb)]);
  const code = await term.converse([
    { after: /What would you like to do\?/, type: `${"\x1b[B".repeat(11)}\r` },
    { after: /Which thing\?/, type: `${suvs[0]}\r` },
    { after: /The \$package shadow is the inventory/, type: "\r" },
    { after: /Do something else with packages\?/, type: "n\r" },
  ]);
  assert.equal(code, 0, term.text);
  assert.match(term.text, new RegExp(`${suvs[0]}: \\$package shadow`));
  assert.match(term.text, /SUVVehicle 1\.1\.0/);
});

test("the menu in a terminal: a revert picked step by step, confirmed with REVERT typed", async () => {
  const term = new Terminal(["packages", ...target(sb)]);
  const code = await term.converse([
    { after: /What would you like to do\?/, type: `${"\x1b[B".repeat(12)}\r` },
    // Thing types are listed by name: SUVVehicle comes first; its package's versions, 1.0.0 first.
    { after: /Which thing type\?/, type: "\r" },
    { after: /Which version\?/, type: "\r" },
    { after: /How should the fleet be rolled back\?/, type: "\r" },
    { after: /Rolling back to 1\.0\.0/, type: "\r" },
    { after: /Type REVERT to set 1\.0\.0/, type: "REVERT\r" },
    { after: /Do something else with packages\?/, type: "n\r" },
  ]);
  assert.equal(code, 0, term.text);
  assert.match(term.text, new RegExp(`${suvs[0]}: 1\\.1\\.0 → 1\\.0\\.0`));
  assert.equal((await packageEntry(suvs[0], "SUVVehicle")).version, "1.0.0");
});

test("cleanup removes the rollback's thing group with the fleet (tagged by packages)", async () => {
  const groups = async () =>
    ((await iot.send(new ListThingGroupsCommand({}))).thingGroups ?? []).map((g) => g.groupName ?? "");
  assert.ok((await groups()).some((g) => g.startsWith("Revert-SedanVehicle-1_0_0-")));
  const cleaned = await cli("--yes", "cleanup");
  assert.equal(cleaned.code, 0, cleaned.host.stderrText);
  assert.deepEqual(await groups(), []);
});
