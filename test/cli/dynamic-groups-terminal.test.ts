/**
 * `iotdm dynamic-groups` end to end, answered at its prompts in a pseudo-terminal: the menu,
 * the guided wizard (countries, thing types, versions, battery, name) and a query test. The
 * fleet is provisioned in process.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DescribeThingGroupCommand, IoTClient } from "@aws-sdk/client-iot";
import { isolateCliEnvironment } from "../helpers/cli-env.js";
import { runRecorded } from "../helpers/recording-host.js";
import { type TestSandbox, startSandbox } from "../helpers/sandbox.js";
import { type Answer, Terminal } from "../helpers/terminal.js";
import { target } from "./provision-helpers.js";

isolateCliEnvironment();
const DOWN = "\x1b[B";

let sb: TestSandbox;
before(async () => {
  sb = await startSandbox();
  const fleet = await runRecorded(["--yes", "provision", "--count", "18", ...target(sb)]);
  assert.equal(fleet.code, 0, fleet.host.stderrText);
});
after(() => sb.dispose());

/** Runs the command in a terminal, typing each answer once its prompt shows; its output. */
async function converse(args: string[], answers: Answer[]): Promise<string> {
  const term = new Terminal([...args, ...target(sb)]);
  await term.converse(answers);
  return term.text;
}

test("the menu and the guided wizard create the group the answers describe", async () => {
  const out = await converse(
    ["dynamic-groups"],
    [
      { after: /What would you like to do\?/, type: "\r" },
      { after: /Press Enter to continue/, type: "\r" },
      { after: /How should the group's query be built\?/, type: "\r" },
      { after: /Countries, comma-separated/, type: "US\r" },
      { after: /Thing types, comma-separated/, type: "SedanVehicle\r" },
      { after: /Package versions, comma-separated/, type: "1.0.0\r" },
      { after: /battery at or below/, type: "\r" },
      { after: /battery at or above/, type: "\r" },
      { after: /Name of the dynamic group/, type: "Terminal_Sedans_US\r" },
    ],
  );
  const group = await new IoTClient(sb.config).send(
    new DescribeThingGroupCommand({ thingGroupName: "Terminal_Sedans_US" }),
  );
  assert.equal(
    group.queryString,
    "thingTypeName:SedanVehicle AND attributes.country:US AND shadow.name.$package.reported.SedanVehicle.version:1.0.0",
    out,
  );
});

test("the menu's query test reports how many devices match", async () => {
  const out = await converse(
    ["dynamic-groups"],
    [
      { after: /What would you like to do\?/, type: `${DOWN}${DOWN}${DOWN}${DOWN}\r` },
      { after: /query/i, type: "thingTypeName:TruckVehicle\r" },
    ],
  );
  assert.match(out, /\b6\b/);
  assert.match(out, /Vehicle-VIN-0\d\d/);
});
