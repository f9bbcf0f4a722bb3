/**
 * `iotdm device`: simulated cars that really connect (issue 10 item 7): `--things a,b` or
 * `--things-prefix P --count N`, each with its own certificate and the least-privilege device
 * policy; they answer commands (`--command-outcome`), execute their jobs over MQTT
 * (`--success-rate`), report their battery (`--report-interval`), for `--duration` seconds or
 * until Ctrl-C, then disconnect cleanly.
 */
import type { Command } from "commander";
import type { IoHost } from "../../io/host.js";
import { t } from "../../io/i18n.js";
import { fromFlag, input, oneOf, type Parsed } from "../../io/input.js";
import type { CommandOutcome } from "../../workshop/device/device.js";
import { type DeviceSelection, runDeviceFleet } from "../../workshop/device/fleet.js";
import { DEFAULT_THINGS_PREFIX, prefixProblem } from "../../workshop/naming.js";
import type { CommandModule } from "../registry.js";
import { type TargetFlags, addTargetOptions, hintCommand, openSession, prepareTarget } from "../session.js";

interface DeviceFlags extends TargetFlags {
  things?: string;
  thingsPrefix?: string;
  count?: string;
  commandOutcome?: string;
  successRate?: string;
  reportInterval?: string;
  duration?: string;
  verbose?: boolean;
}

const OUTCOME_LABELS = {
  succeed: "device.outcome.succeed",
  fail: "device.outcome.fail",
  ignore: "device.outcome.ignore",
} as const;
const OUTCOMES = Object.keys(OUTCOME_LABELS) as CommandOutcome[];
/** Below this many devices, every device's events are printed unless told otherwise. */
const VERBOSE_UP_TO = 10;
const DEFAULT_REPORT_INTERVAL_SECONDS = 30;

const numberIn =
  (min: number, max: number, key: "device.badCount" | "device.badRate" | "device.badSeconds") =>
  (raw: string): Parsed<number> => {
    const n = Number(raw.trim());
    return raw.trim() !== "" && Number.isFinite(n) && n >= min && n <= max
      ? { value: n }
      : { problem: { key, vars: { value: raw } } };
  };

const parseOutcome = oneOf(OUTCOMES, "device.badOutcome", { ignoreCase: true });

const parsePrefix = (raw: string): Parsed<string> => {
  const problem = prefixProblem(raw.trim());
  return problem ? { problem: { key: "device.badPrefix", vars: { value: raw } } } : { value: raw.trim() };
};

async function selectionOf(host: IoHost, flags: DeviceFlags): Promise<DeviceSelection> {
  if (flags.things !== undefined) {
    const things = flags.things
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    return { things };
  }
  const prefix = await input(host, {
    flag: "--things-prefix",
    given: flags.thingsPrefix,
    parse: parsePrefix,
    prompt: { key: "device.prefixPrompt" },
    default: DEFAULT_THINGS_PREFIX,
  });
  const count = await input(host, {
    flag: "--count",
    given: flags.count,
    parse: numberIn(1, 100_000, "device.badCount"),
    prompt: { key: "device.countPrompt" },
    default: "5",
  });
  return { prefix, count: Math.floor(count) };
}

/** `stopped` resolves on the first Ctrl-C (the devices then disconnect cleanly); `release` stops listening. */
function interruption(): { stopped: Promise<void>; release: () => void } {
  let onSigint = () => undefined as void;
  const stopped = new Promise<void>((resolve) => {
    onSigint = () => resolve();
    process.once("SIGINT", onSigint);
  });
  return { stopped, release: () => process.off("SIGINT", onSigint) };
}

async function run(host: IoHost, flags: DeviceFlags): Promise<void> {
  const target = await prepareTarget(flags);
  host.say("title", "device.title");
  const session = await openSession(host, target, { changes: true });
  try {
    await host.learn("device.learn.certificates");
    const selection = await selectionOf(host, flags);
    const commandOutcome = await input(host, {
      flag: "--command-outcome",
      given: flags.commandOutcome,
      parse: parseOutcome,
      prompt: { key: "device.outcomePrompt" },
      default: "succeed",
      choices: OUTCOMES.map((o) => ({ value: o, label: t(OUTCOME_LABELS[o]) })),
    });
    const successRate = await input(host, {
      flag: "--success-rate",
      given: flags.successRate,
      parse: numberIn(0, 100, "device.badRate"),
      prompt: { key: "device.ratePrompt" },
      default: "100",
    });
    const interval = fromFlag(
      "--report-interval",
      flags.reportInterval,
      numberIn(0, 3600, "device.badSeconds"),
    );
    const durationSeconds = fromFlag(
      "--duration",
      flags.duration,
      numberIn(0, 7 * 24 * 3600, "device.badSeconds"),
    );
    const few =
      "things" in selection ? selection.things.length <= VERBOSE_UP_TO : selection.count <= VERBOSE_UP_TO;
    host.say("info", durationSeconds === undefined ? "device.runningUntilStopped" : "device.runningFor", {
      seconds: durationSeconds ?? 0,
    });
    const ctrlC = interruption();
    const report = await runDeviceFleet(session, host, {
      selection,
      commandOutcome,
      successRate,
      reportIntervalSeconds: interval ?? DEFAULT_REPORT_INTERVAL_SECONDS,
      random: Math.random,
      durationSeconds,
      stop: ctrlC.stopped,
      verbose: flags.verbose ?? few,
    }).finally(ctrlC.release);
    host.say(report.connected === report.devices ? "success" : "warn", "device.summary", {
      connected: report.connected,
      devices: report.devices,
      issued: report.certificatesIssued,
      seconds: report.seconds.toFixed(1),
      connectSeconds: report.connectSeconds.toFixed(1),
      commandsSucceeded: report.commands.succeeded,
      commandsFailed: report.commands.failed,
      commandsIgnored: report.commands.ignored,
      jobsSucceeded: report.jobs.succeeded,
      jobsFailed: report.jobs.failed,
      battery: report.batteryReports,
    });
    for (const p of report.problems) host.say("warn", "device.problemLine", { thing: p.thing, what: p.what });
    host.say("info", "device.next", { command: hintCommand(session, ["commands"]) });
    host.result({ ok: report.connected === report.devices, ...report });
    if (report.connected < report.devices) host.fail();
  } finally {
    session.close();
  }
}

function register(program: Command, host: () => IoHost): void {
  const cmd = program
    .command("device")
    .description(t("device.description"))
    .option("--things <names>", t("device.opt.things"))
    .option("--things-prefix <prefix>", t("device.opt.thingsPrefix"))
    .option("--count <n>", t("device.opt.count"))
    .option("--command-outcome <outcome>", t("device.opt.commandOutcome"))
    .option("--success-rate <percent>", t("device.opt.successRate"))
    .option("--report-interval <seconds>", t("device.opt.reportInterval"))
    .option("--duration <seconds>", t("device.opt.duration"))
    .option("--verbose", t("device.opt.verbose"));
  addTargetOptions(cmd).action((flags: DeviceFlags) => run(host(), flags));
}

export const deviceCommand: CommandModule = { name: "device", register };
