/**
 * How `iotdm provision` gathers its plan: flags validated before anything is touched (exit 2
 * with a message naming the flag), no prompt without a terminal, every input as a flag, the
 * interactive flow through a pseudo-terminal, Ctrl-C, and another language.
 */
import assert from "node:assert/strict";
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { after, before, test } from "node:test";
import { CLI, startSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { Verifier, iotdm, target } from "./provision-helpers.js";

let sb: TestSandbox;
let verify: Verifier;

before(async () => {
  sb = await startSandbox();
  verify = new Verifier(sb);
});

after(async () => {
  verify.destroy();
  await sb.dispose();
});

// An endpoint nothing listens on: a flag check that came too late would fail with exit 1.
const NOWHERE = ["--endpoint-url", "http://127.0.0.1:9"];

const USAGE_CASES: Array<{ args: string[]; message: RegExp }> = [
  {
    args: ["--things-prefix", "bad prefix!"],
    message: /--things-prefix: "bad prefix!" may only contain letters/,
  },
  { args: ["--things-prefix="], message: /--things-prefix: the things prefix cannot be empty/ },
  {
    args: ["--things-prefix", "A".repeat(21)],
    message: /--things-prefix: "A{21}" is longer than 20 characters/,
  },
  { args: ["--count", "0"], message: /--count: the device count must be a whole number of 1 or more/ },
  { args: ["--count", "ten"], message: /--count: the device count must be a whole number/ },
  { args: ["--count", "1.5"], message: /--count: the device count must be a whole number/ },
  { args: ["--count", "5000000"], message: /--count: the device count is limited to 1000000/ },
  { args: ["--continent", "8"], message: /--continent: choose a continent by number \(1-7\) or name/ },
  { args: ["--continent", "Atlantis"], message: /--continent: choose a continent/ },
  {
    args: ["--continent", "europe", "--countries", "US,FR"],
    message: /--countries: not in Europe: US\. Available codes: DE, FR/,
  },
  {
    args: ["--continent", "7", "--countries", "2"],
    message: /--countries: pick a number between 1 and 1 \(countries of Antarctica\)/,
  },
  { args: ["--countries", "U"], message: /--countries: not in North America: U\./ },
  {
    args: ["--thing-types", "Sedan Vehicle"],
    message: /--thing-types: "Sedan Vehicle" is not a usable thing type/,
  },
  { args: ["--thing-types", " , "], message: /--thing-types: give at least one thing type/ },
  { args: ["--versions", "1.0.a"], message: /--versions: "1\.0\.a" is not a version/ },
];

for (const { args, message } of USAGE_CASES)
  test(`invalid input ${args.join(" ")} is a usage error (exit 2)`, async () => {
    const run = await iotdm(["provision", "--yes", ...args, ...NOWHERE]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /Usage error: /);
    assert.match(run.stderr, message);
  });

test("without a terminal and without --yes, a missing input is a usage error naming its flag", async () => {
  const run = await iotdm(["provision", "--count", "5", ...NOWHERE]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /--thing-types/);
  const later = await iotdm([
    "provision",
    "--thing-types",
    "A",
    "--versions",
    "1",
    "--continent",
    "2",
    ...NOWHERE,
  ]);
  assert.equal(later.code, 2);
  assert.match(later.stderr, /--countries/);
});

test("every input as a flag: runs without a terminal and without --yes", async () => {
  const run = await iotdm([
    "provision",
    "--things-prefix",
    "Flag-",
    "--thing-types",
    "TruckVehicle",
    "--versions",
    "4.0.0",
    "--continent",
    "Oceania",
    "--countries",
    "2",
    "--count",
    "4",
    ...target(sb),
  ]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /Countries: AU, NZ \(2 of 22\)/);
  const things = await verify.things("Flag-");
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

/** The CLI in a pseudo-terminal (`script`), answering each prompt once its text appears. */
class Terminal {
  readonly child: ChildProcessWithoutNullStreams;
  private output = "";
  private seen = 0;
  readonly exited: Promise<number>;

  constructor(args: string[]) {
    const command = [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(" ");
    this.child = spawn("script", ["-qfec", command, "/dev/null"], {
      env: { ...process.env, NO_COLOR: "1", AWS_IOT_LANG: "en" },
    });
    this.child.stdout.on("data", (d: Buffer) => {
      this.output += d.toString("utf8");
    });
    this.exited = new Promise((resolve) => this.child.on("exit", (code) => resolve(code ?? 1)));
  }

  get text(): string {
    return this.output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
  }

  async answer(prompt: RegExp, keys: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!prompt.test(this.text.slice(this.seen))) {
      if (Date.now() > deadline) throw new Error(`no prompt ${prompt} in:\n${this.text.slice(this.seen)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    this.seen = this.text.length;
    await new Promise((r) => setTimeout(r, 50));
    this.child.stdin.write(keys);
  }

  /** Presses Enter at every learning moment until the process ends. */
  async pressEnterUntilExit(): Promise<number> {
    const timer = setInterval(() => {
      if (/Press Enter to continue/.test(this.text.slice(this.seen))) {
        this.seen = this.text.length;
        this.child.stdin.write("\r");
      }
    }, 50);
    try {
      return await this.exited;
    } finally {
      clearInterval(timer);
    }
  }
}

test("interactive flow in a terminal: debug, types, versions, continent, countries, count, then the run", async () => {
  const term = new Terminal(["provision", "--things-prefix", "Tty-", ...target(sb)]);
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
  const things = await verify.things("Tty-");
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
  assert.deepEqual(await verify.groupsOf("Tty-002"), ["FR_Fleet"]);
});

test("Ctrl-C at a prompt in a terminal exits 130, says nothing was changed, and creates nothing", async () => {
  const term = new Terminal(["provision", "--things-prefix", "Cancel-", ...target(sb)]);
  await term.answer(/Enable debug mode\?/, "\x03");
  assert.equal(await term.exited, 130);
  assert.match(term.text, /Interrupted: nothing was changed/);
  assert.equal((await verify.things("Cancel-")).length, 0);
});

test("--lang ja: plan, learning moments and summary in Japanese", async () => {
  const run = await iotdm([
    "--lang",
    "ja",
    "provision",
    "--yes",
    "--things-prefix",
    "Ja-",
    "--count",
    "3",
    ...target(sb),
  ]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /プロビジョニング計画/);
  assert.match(run.stdout, /学びのポイント: モノのタイプ/);
  assert.match(run.stdout, /プロビジョニングが完了しました/);
});
