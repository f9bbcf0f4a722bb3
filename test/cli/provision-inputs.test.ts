/**
 * How `iotdm provision` gathers its plan, in process: flags validated before anything is
 * touched (exit 2 with the problem of the flag), no prompt without a terminal, every input as a
 * flag, and another language. The prompts in a real terminal are in provision-prompts.test.ts.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { t } from "../../src/io/i18n.js";
import type { Problem } from "../../src/io/input.js";
import { findContinent } from "../../src/workshop/provision/countries.js";
import { isolateCliEnvironment, words } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { sandboxForFile, target } from "./provision-helpers.js";

isolateCliEnvironment();

const fx = sandboxForFile();

// An endpoint nothing listens on: a flag check that came too late would fail with exit 1.
const NOWHERE = ["--endpoint-url", "http://127.0.0.1:9"];

const europe = findContinent("europe")?.countries.join(", ");

const USAGE_CASES: Array<{ args: string[]; flag: string; problem: Problem }> = [
  {
    args: ["--things-prefix", "bad prefix!"],
    flag: "--things-prefix",
    problem: { key: "provision.prefix.characters", vars: { prefix: "bad prefix!" } },
  },
  { args: ["--things-prefix="], flag: "--things-prefix", problem: { key: "provision.prefix.empty" } },
  {
    args: ["--things-prefix", "A".repeat(21)],
    flag: "--things-prefix",
    problem: { key: "provision.prefix.tooLong", vars: { prefix: "A".repeat(21) } },
  },
  { args: ["--count", "0"], flag: "--count", problem: { key: "provision.input.countInvalid" } },
  { args: ["--count", "ten"], flag: "--count", problem: { key: "provision.input.countInvalid" } },
  { args: ["--count", "1.5"], flag: "--count", problem: { key: "provision.input.countInvalid" } },
  {
    args: ["--count", "5000000"],
    flag: "--count",
    problem: { key: "provision.input.countTooLarge", vars: { max: 1000000 } },
  },
  { args: ["--continent", "8"], flag: "--continent", problem: { key: "provision.input.continentInvalid" } },
  {
    args: ["--continent", "Atlantis"],
    flag: "--continent",
    problem: { key: "provision.input.continentInvalid" },
  },
  {
    args: ["--continent", "europe", "--countries", "US,FR"],
    flag: "--countries",
    problem: {
      key: "provision.input.countriesUnknown",
      vars: { codes: "US", continent: "Europe", available: europe ?? "" },
    },
  },
  {
    args: ["--continent", "7", "--countries", "2"],
    flag: "--countries",
    problem: { key: "provision.input.countriesRange", vars: { max: 1, continent: "Antarctica" } },
  },
  {
    args: ["--countries", "U"],
    flag: "--countries",
    problem: {
      key: "provision.input.countriesUnknown",
      vars: {
        codes: "U",
        continent: "North America",
        available: findContinent("1")?.countries.join(", ") ?? "",
      },
    },
  },
  {
    args: ["--thing-types", "Sedan Vehicle"],
    flag: "--thing-types",
    problem: { key: "provision.input.typeInvalid", vars: { name: "Sedan Vehicle" } },
  },
  { args: ["--thing-types", " , "], flag: "--thing-types", problem: { key: "provision.input.typesEmpty" } },
  {
    args: ["--versions", "1.0.a"],
    flag: "--versions",
    problem: { key: "provision.input.versionInvalid", vars: { version: "1.0.a" } },
  },
];

/** What the CLI says about a wrong value of `flag`. */
const flagProblem = (flag: string, problem: Problem) =>
  t("common.flagProblem", { flag, problem: t(problem.key, problem.vars) });

test("the European country codes listed in a refusal begin with DE, FR", () => {
  assert.match(europe ?? "", /^DE, FR, /);
});

for (const { args, flag, problem } of USAGE_CASES)
  test(`invalid input ${args.join(" ")} is a usage error (exit 2) with the problem of ${flag}`, async () => {
    const r = await runRecorded(["provision", "--yes", ...args, ...NOWHERE]);
    assert.equal(r.code, 2, r.host.stderrText);
    assert.deepEqual(r.host.varsOf("cli.usageError"), [{ message: flagProblem(flag, problem) }]);
  });

test("without a terminal and without --yes, a missing input is a usage error naming its flag", async () => {
  const needsTerminal = (flag: string) => [{ message: t("common.promptNeedsTerminal", { flag }) }];
  const first = await runRecorded(["provision", "--count", "5", ...NOWHERE]);
  assert.equal(first.code, 2);
  assert.deepEqual(first.host.varsOf("cli.usageError"), needsTerminal("--thing-types"));
  const later = await runRecorded([
    ...words("provision --thing-types A --versions 1 --continent 2"),
    ...NOWHERE,
  ]);
  assert.equal(later.code, 2);
  assert.deepEqual(later.host.varsOf("cli.usageError"), needsTerminal("--countries"));
});

test("every input as a flag: runs without a terminal and without --yes", async () => {
  const r = await runRecorded([
    ...words("provision --things-prefix Flag- --thing-types TruckVehicle --versions 4.0.0"),
    ...words("--continent Oceania --countries 2 --count 4"),
    ...target(fx.sb),
  ]);
  assert.equal(r.code, 0, r.host.stderrText);
  assert.deepEqual(r.host.varsOf("provision.plan.countries"), [{ countries: "AU, NZ", count: 2, total: 22 }]);
  const things = await fx.verify.things("Flag-");
  assert.deepEqual(
    things.map((t) => [t.thingName, t.attributes?.country]),
    [
      ["Flag-001", "AU"],
      ["Flag-002", "NZ"],
      ["Flag-003", "AU"],
      ["Flag-004", "NZ"],
    ],
  );
});

test("--lang ja: plan, learning moments and summary in Japanese", async () => {
  const r = await runRecorded([
    ...words("--lang ja provision --yes --things-prefix Ja- --count 3"),
    ...target(fx.sb),
  ]);
  assert.equal(r.code, 0, r.host.stderrText);
  // What this test guards is the language of the text itself.
  assert.match(r.host.stdoutText, /プロビジョニング計画/);
  assert.match(r.host.stdoutText, /学びのポイント: モノのタイプ/);
  assert.match(r.host.stdoutText, /プロビジョニングが完了しました/);
});
