/**
 * `iotdm packages device-version` and `iotdm packages revert` (features.md 9): one device's
 * `$package` shadow; and the rollback of every device of a type to one version, previewed, then
 * confirmed with the typed word REVERT (or --yes): by rewriting the inventory (fast, the devices
 * keep running what they run) or, with --via-job, by an OTA job the devices really install.
 */
import { performance } from "node:perf_hooks";
import { Declined } from "../../io/errors.js";
import { fromFlag, input, type Parsed } from "../../io/input.js";
import { t } from "../../io/i18n.js";
import { DEPLOYABLE } from "../../workshop/jobs/create.js";
import { describeVersion } from "../../workshop/packages/catalog.js";
import { readConfiguration } from "../../workshop/packages/config.js";
import { deviceVersions, devicesToRevert, thingTypeNames } from "../../workshop/packages/devices.js";
import { revertViaJob, rewriteShadows } from "../../workshop/packages/revert.js";
import { hintCommand } from "../session.js";
import { catalogName, nonEmpty, type PackagesRun, versionOf } from "./packages-inputs.js";
import { showDevice } from "./packages-views.js";

/** Devices named in the preview and failures listed at the end. */
const PREVIEW = 10;

export async function deviceVersion(run: PackagesRun): Promise<void> {
  const { host, session, flags } = run;
  const thingName = await input(host, {
    flag: "--thing",
    given: flags.thing,
    parse: nonEmpty("packages.input.thingRequired"),
    prompt: { key: "packages.input.thingPrompt" },
  });
  await host.learn("packages.learn.deviceVersion");
  const d = await deviceVersions(session, thingName);
  showDevice(host, d);
  host.result(d);
  if (!d.found) host.fail();
}

async function thingTypeOf(run: PackagesRun): Promise<string | undefined> {
  const { host, session, flags } = run;
  const types = flags.thingType === undefined ? await thingTypeNames(session) : [flags.thingType];
  if (types.length === 0) {
    host.say("error", "packages.revert.noThingTypes", { command: hintCommand(session, ["provision"]) });
    host.fail();
    return undefined;
  }
  return input(host, {
    flag: "--thing-type",
    given: flags.thingType,
    parse: nonEmpty("packages.input.thingTypeRequired"),
    prompt: { key: "packages.input.thingTypePrompt" },
    default: flags.thingType === undefined ? types[0] : undefined,
    choices: types.map((name) => ({ value: name, label: name })),
  });
}

/** By job or by shadow: --via-job, else asked in the menu (shadow rewrite by default). */
async function viaJobOf(run: PackagesRun): Promise<boolean> {
  if (!run.menu || run.flags.viaJob) return run.flags.viaJob === true;
  return input(run.host, {
    flag: "--via-job",
    given: undefined,
    parse: (raw): Parsed<boolean> => ({ value: raw === "job" }),
    prompt: { key: "packages.revert.howPrompt" },
    default: "shadow",
    choices: [
      { value: false, label: t("packages.revert.how.shadow") },
      { value: true, label: t("packages.revert.how.job") },
    ],
  });
}

export async function revert(run: PackagesRun): Promise<void> {
  const { host, session, flags } = run;
  const thingType = await thingTypeOf(run);
  if (thingType === undefined) return;
  // Provision names each type's package after the type: the default when --package is not given.
  const packageName =
    fromFlag("--package", flags.package, catalogName("package", "packages.input.badPackage")) ?? thingType;
  const version = await versionOf(run, packageName);
  if (version === undefined) return;
  const viaJob = await viaJobOf(run);
  const details = await describeVersion(session, packageName, version);
  if (viaJob && !DEPLOYABLE.has(details.status)) {
    host.say("error", "packages.revert.notDeployable", { version, status: details.status });
    host.fail();
    return;
  }
  await host.learn("packages.learn.revert", { version });
  host.say("step", "packages.revert.finding", { thingType, package: packageName, version });
  const searchStarted = performance.now();
  const targets = await devicesToRevert(session, thingType, packageName, version);
  const searchSeconds = Number(((performance.now() - searchStarted) / 1000).toFixed(2));
  if (targets.length === 0) {
    host.say("success", "packages.revert.nothing", { thingType, package: packageName, version });
    host.result({ ok: true, thingType, packageName, version, viaJob, devices: 0 });
    return;
  }
  host.say("plain", "packages.revert.preview", { count: targets.length, version });
  for (const d of targets.slice(0, PREVIEW))
    host.line("detail", `   • ${d.thingName}: ${d.current ?? "-"} → ${version}`);
  if (targets.length > PREVIEW)
    host.say("detail", "packages.revert.more", { count: targets.length - PREVIEW });
  const ok = await host.prompts.typed({
    key: viaJob ? "packages.revert.confirmJob" : "packages.revert.confirm",
    vars: { count: targets.length, version },
    flag: "--yes",
    token: "REVERT",
  });
  if (!ok) {
    host.say("info", "packages.revert.kept");
    throw new Declined();
  }
  const base = { thingType, packageName, version, viaJob, devices: targets.length, searchSeconds };
  if (viaJob) {
    const configuration = await readConfiguration(session);
    if (!configuration.enabled)
      host.say("warn", "packages.revert.configOff", {
        command: hintCommand(session, ["packages", "config", "enable"]),
      });
    const job = await revertViaJob(session, targets, packageName, version);
    host.say("success", "packages.revert.jobCreated", {
      jobId: job.jobId,
      group: job.group,
      count: job.devices,
    });
    host.say("info", "packages.revert.simulate", {
      command: hintCommand(session, ["simulate-jobs", "--job-id", job.jobId]),
    });
    host.result({ ok: true, ...base, job, inventoryFollows: configuration.enabled });
    return;
  }
  const report = await rewriteShadows(session, host, targets, packageName, version);
  host.say(report.failed === 0 ? "success" : "warn", "packages.revert.done", {
    updated: report.updated,
    total: targets.length,
    seconds: report.seconds.toFixed(1),
    rate: report.perSecond,
  });
  for (const f of report.failures.slice(0, PREVIEW))
    host.say("error", "packages.revert.failedLine", { thing: f.thingName, error: f.error });
  host.say("info", "packages.revert.inventoryOnly", {
    command: hintCommand(session, [
      "packages",
      "revert",
      "--thing-type",
      thingType,
      "--package-version",
      version,
      "--via-job",
    ]),
  });
  host.result({ ok: report.failed === 0, ...base, ...report });
  if (report.failed > 0) host.fail();
}
