/**
 * `iotdm workshop`: the tour builds a small fleet, reads it back, updates it over the air and
 * removes it, unattended (`--yes`, what `npm start` runs; in process, a recording host) and
 * interactively, end to end, the binary in a pseudo-terminal where every learning moment waits
 * for Enter.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { IoTClient, ListThingTypesCommand, ListThingsCommand } from "@aws-sdk/client-iot";
import { isolateCliEnvironment } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { type TestSandbox, startSandbox } from "../helpers/sandbox.js";
import { Terminal } from "../helpers/terminal.js";
import { target } from "./provision-helpers.js";

isolateCliEnvironment();

let sb: TestSandbox;
before(async () => {
  sb = await startSandbox();
});
after(() => sb.dispose());

interface TourJson {
  ok: boolean;
  fleet: {
    thingTypes: string[];
    groups: Array<{ name: string; members: number }>;
    samples: Array<{ name: string; packages: Record<string, string>; battery?: number }>;
    packages: Array<{ name: string; versions: Array<{ version: string; status?: string }> }>;
    firmwareObjects: number;
  };
  dynamicGroup: { created: boolean; members: number };
  ota: { status: string; devices: number; succeeded: number; failed: number; indexed: number };
  deviceVersion: { before?: string; after?: string };
  rollback: { devices: number; succeeded: number; remaining: number };
  commands: {
    devices: number;
    connected: number;
    indexedConnected: number;
    status?: string;
    indexedAfter: number;
  };
  cleanup: { totals: { failed: number; deleted: number }; families: Record<string, { deleted: number }> };
}

async function emptySandbox(): Promise<void> {
  const iot = new IoTClient(sb.config);
  assert.deepEqual((await iot.send(new ListThingsCommand({}))).things, []);
  assert.deepEqual((await iot.send(new ListThingTypesCommand({}))).thingTypes, []);
}

test("workshop --yes builds, shows and removes the fleet", async () => {
  const r = await runRecorded(["--yes", "--json", "workshop", "--count", "12", ...target(sb)]);
  assert.equal(r.code, 0, r.host.stderrText);
  const tour = JSON.parse(r.host.stdoutText) as TourJson;
  assert.equal(tour.ok, true);
  assert.deepEqual([...tour.fleet.thingTypes].sort(), ["SUVVehicle", "SedanVehicle", "TruckVehicle"]);
  assert.deepEqual(tour.fleet.groups.map((g) => [g.name, g.members]).sort(), [
    ["CA_Fleet", 4],
    ["MX_Fleet", 4],
    ["US_Fleet", 4],
  ]);
  assert.equal(tour.fleet.samples.length, 3);
  for (const s of tour.fleet.samples) {
    assert.match(s.name, /^Tour-VIN-\d{3}$/);
    assert.deepEqual(Object.values(s.packages), ["1.0.0"]);
    assert.ok(typeof s.battery === "number" && s.battery >= 30 && s.battery <= 100);
  }
  assert.equal(tour.fleet.packages.length, 3);
  for (const p of tour.fleet.packages)
    assert.deepEqual(
      p.versions.map((v) => [v.version, v.status]),
      [
        ["1.0.0", "PUBLISHED"],
        ["1.1.0", "PUBLISHED"],
      ],
    );
  assert.equal(tour.fleet.firmwareObjects, 6);
  // Devices round-robin over types and countries: those like the first device form the group.
  assert.equal(tour.dynamicGroup.created, true);
  assert.ok(tour.dynamicGroup.members >= 1);
  // The OTA stop: a SNAPSHOT job to the dynamic group, 90% of the devices succeed (floor), and
  // the fleet index finds exactly the updated ones by their $package shadow (PKG-7).
  assert.equal(tour.ota.status, "COMPLETED");
  assert.equal(tour.ota.devices, tour.dynamicGroup.members);
  assert.equal(tour.ota.succeeded, Math.floor(tour.ota.devices * 0.9));
  assert.equal(tour.ota.failed, tour.ota.devices - tour.ota.succeeded);
  assert.equal(tour.ota.indexed, tour.ota.succeeded);
  // The first device's $package before and after: the first devices in name order succeed.
  assert.deepEqual(tour.deviceVersion, {
    before: "1.0.0",
    after: tour.ota.succeeded > 0 ? "1.1.0" : "1.0.0",
  });
  // The rollback stop: a job of 1.0.0 to exactly the updated devices, all of them back (PKG-7).
  assert.deepEqual(tour.rollback, { ...tour.rollback, devices: tour.ota.succeeded, remaining: 0 });
  assert.equal(tour.rollback.succeeded, tour.ota.succeeded);
  // The commands stop: three cars connect with their own certificates, the fleet index sees them
  // (connectivity), a lock command round-trips (CMD-10/11), and they leave.
  assert.deepEqual(tour.commands, {
    ...tour.commands,
    devices: 3,
    connected: 3,
    indexedConnected: 3,
    status: "SUCCEEDED",
    indexedAfter: 0,
  });
  assert.equal(tour.cleanup.totals.failed, 0);
  // Cleanup removes the command with its execution, and the cars' certificates and policy.
  for (const [family, count] of [
    ["commands", 1],
    ["commandExecutions", 1],
    ["certificates", 3],
    ["policies", 1],
  ] as const)
    assert.equal(tour.cleanup.families[family]?.deleted, count, family);
  await emptySandbox();
});

test("workshop in a terminal pauses at each learning moment until Enter", async () => {
  const term = new Terminal(["workshop", "--count", "6", ...target(sb)]);
  assert.equal(await term.pressEnterUntilExit(), 0, term.text);
  assert.match(term.text, /Tour finished/);
  const confirmed = (term.text.match(/✔\s*Press Enter to continue/g) ?? []).length;
  assert.ok(confirmed >= 12, `only ${confirmed} learning moments were confirmed`);
  await emptySandbox();
});
