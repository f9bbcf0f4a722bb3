/**
 * What `iotdm packages` reads and writes by itself: `k=v` lists (tags, attributes), catalog names
 * (PKG-1/PKG-2 limits), the `$package` document of a device (PKG-SHD-1: entries with version and
 * attributes, a null entry is a removed package), the revert's fleet-index query (features.md 9.3:
 * devices that report some version, not the wanted one), the entry a rewrite sends (PKG-7) and the
 * rollback group's name (thing group characters only).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogName, keyValues } from "../../src/cli/commands/packages-inputs.js";
import { reportedPackages, revertQuery } from "../../src/workshop/packages/devices.js";
import { packageEntryUpdate, revertGroupName } from "../../src/workshop/packages/revert.js";

test("k=v lists: empty is none, values may hold '=', a missing '=' or a repeated key is refused", () => {
  assert.deepEqual(keyValues(""), { value: {} });
  assert.deepEqual(keyValues(" team = cabin , url=a=b ,"), { value: { team: "cabin", url: "a=b" } });
  assert.deepEqual(keyValues("k="), { value: { k: "" } });
  for (const bad of ["novalue", "=v", "a=1,a=2"]) assert.ok("problem" in keyValues(bad), bad);
});

test("catalog names: [a-zA-Z0-9-_.], 1-128 for packages and 1-64 for versions (PKG-1, PKG-2)", () => {
  const pkg = catalogName("package", "packages.input.badPackage");
  const version = catalogName("version", "packages.input.badVersion");
  assert.deepEqual(pkg(" My_Pkg-1.0 "), { value: "My_Pkg-1.0" });
  assert.deepEqual(version("1".repeat(64)), { value: "1".repeat(64) });
  for (const bad of ["", "has space", "a/b", "ü"]) assert.ok("problem" in pkg(bad), bad);
  assert.ok("problem" in version("1".repeat(65)));
  assert.ok("problem" in pkg("p".repeat(129)));
});

test("a $package document: entries by name with version and attributes; null entries and non-objects left out (PKG-SHD-1)", () => {
  const doc = {
    state: {
      reported: {
        Zeta: { version: "2.0", attributes: { channel: "beta", n: 3 } },
        Alpha: { version: "1.0" },
        Gone: null,
        Odd: "text",
      },
    },
    metadata: { reported: { Alpha: { version: { timestamp: 1_700_000_000 } } } },
    version: 4,
  };
  assert.deepEqual(reportedPackages(doc), [
    { name: "Alpha", version: "1.0", attributes: {}, reportedAt: new Date(1_700_000_000_000) },
    { name: "Zeta", version: "2.0", attributes: { channel: "beta", n: "3" } },
  ]);
});

test("the revert query: the type, some version reported, not the wanted one; odd values quoted (features.md 9.3)", () => {
  assert.equal(
    revertQuery("SedanVehicle", "SedanVehicle", "1.0.0"),
    "thingTypeName:SedanVehicle AND shadow.name.$package.reported.SedanVehicle.version:* AND NOT shadow.name.$package.reported.SedanVehicle.version:1.0.0",
  );
  assert.match(
    revertQuery("Car", "Fw", "1.0 beta", "Tour-VIN-"),
    /^thingName:Tour-VIN-\* AND .*:"1\.0 beta"$/,
  );
});

test("a rewrite sends the entry IoT writes after a successful job, attributes kept (PKG-7); rollback groups use legal characters", () => {
  const sent = JSON.parse(new TextDecoder().decode(packageEntryUpdate("Fw", "1.0.0", { k: "v" })));
  assert.deepEqual(sent, { state: { reported: { Fw: { version: "1.0.0", attributes: { k: "v" } } } } });
  assert.equal(revertGroupName("SedanVehicle", "1.0.0", 1700000000), "Revert-SedanVehicle-1_0_0-1700000000");
  assert.match(revertGroupName("p".repeat(128), "9.9", 1), /^[a-zA-Z0-9:_-]{128}$/);
});
