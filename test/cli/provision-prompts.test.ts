/**
 * `iotdm provision` end to end in a pseudo-terminal, as a user runs the binary: the interactive
 * flow (real prompts, a refused answer asked again, learning moments waiting for Enter) and
 * Ctrl-C at a prompt. The other input checks run in process (provision-inputs.test.ts).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Terminal } from "../helpers/terminal.js";
import { sandboxForFile, target } from "./provision-helpers.js";

const fx = sandboxForFile();

test("interactive flow in a terminal: debug, types, versions, continent, countries, count, then the run", async () => {
  const term = new Terminal(["provision", "--things-prefix", "Tty-", ...target(fx.sb)]);
  await term.answer(/Enable debug mode\? \[y\/N\]/, "n\r");
  await term.answer(/Thing types/, "\r");
  await term.answer(/Package versions/, "1.0.0,2.0.0\r");
  await term.answer(/Continent:[\s\S]*7\. Antarctica/, "\x1b[B\x1b[B");
  await term.answer(/❯ 3\. Europe/, "\r");
  await term.answer(/Countries of Europe: DE, FR, GB[\s\S]*Countries \(1-45 or codes\)/, "de, fr\r");
  await term.answer(/Number of devices/, "0\r");
  await term.answer(/whole number of 1 or more/, "\x7f5\r");
  assert.equal(await term.pressEnterUntilExit(), 0, term.text);
  const text = term.text;
  assert.match(text, /Provisioning plan/);
  assert.match(text, /Continent: Europe/);
  assert.match(text, /Countries: DE, FR \(2 of 45\)/);
  assert.match(text, /Devices: 5 named Tty-/);
  assert.match(text, /📚 LEARNING MOMENT: Things and thing groups/);
  assert.match(text, /Provisioning complete/);
  const things = await fx.verify.things("Tty-");
  assert.deepEqual(
    things.map((t) => [t.thingName, t.attributes?.country, t.thingTypeName]),
    [
      ["Tty-001", "DE", "SedanVehicle"],
      ["Tty-002", "FR", "SUVVehicle"],
      ["Tty-003", "DE", "TruckVehicle"],
      ["Tty-004", "FR", "SedanVehicle"],
      ["Tty-005", "DE", "SUVVehicle"],
    ],
  );
  assert.deepEqual(await fx.verify.groupsOf("Tty-002"), ["FR_Fleet"]);
});

test("Ctrl-C at a prompt in a terminal exits 130, says nothing was changed, and creates nothing", async () => {
  const term = new Terminal(["provision", "--things-prefix", "Cancel-", ...target(fx.sb)]);
  await term.answer(/Enable debug mode\?/, "\x03");
  assert.equal(await term.exited, 130);
  assert.match(term.text, /Interrupted: nothing was changed/);
  assert.equal((await fx.verify.things("Cancel-")).length, 0);
});
