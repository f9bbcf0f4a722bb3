/**
 * `iotdm packages [action]` (features.md 9): the Software Package Catalog, package configuration,
 * what version each device reports, and fleet rollback. As actions, or from a menu that comes
 * back until the user is done. Every input has a flag; destructive steps want a typed word (or
 * --yes); what AWS refuses is shown with AWS's own error.
 */
import type { Command } from "commander";
import { Declined } from "../../io/errors.js";
import type { IoHost } from "../../io/host.js";
import { type MessageKey, t } from "../../io/i18n.js";
import { fromFlag, input, oneOf } from "../../io/input.js";
import { errorCode } from "../../workshop/errors.js";
import {
  createPackage,
  describePackage,
  describeVersion,
  listPackages,
} from "../../workshop/packages/catalog.js";
import {
  disableConfiguration,
  enableConfiguration,
  readConfiguration,
} from "../../workshop/packages/config.js";
import { applyLifecycle, createVersion, type LifecycleAction } from "../../workshop/packages/versions.js";
import { Tagger } from "../../workshop/provision/tagging.js";
import type { CommandModule } from "../registry.js";
import { addTargetOptions, openSession, prepareTarget } from "../session.js";
import {
  nameInput,
  optionalPairs,
  optionalText,
  packageOf,
  type PackagesFlags,
  type PackagesRun,
  versionOf,
} from "./packages-inputs.js";
import { deviceVersion, revert } from "./packages-revert.js";
import { showConfiguration, showPackage, showPackages, showVersion } from "./packages-views.js";

const ACTIONS = [
  "list",
  "describe",
  "describe-version",
  "create",
  "create-version",
  "publish",
  "deprecate",
  "set-default",
  "delete-version",
  "delete",
  "config",
  "device-version",
  "revert",
] as const;
type Action = (typeof ACTIONS)[number];
/** Actions that only read; every other one changes something (a confirmation against AWS). */
const READ_ONLY: ReadonlySet<Action> = new Set<Action>([
  "list",
  "describe",
  "describe-version",
  "device-version",
]);
const MENU: Record<Action, MessageKey> = {
  list: "packages.menu.list",
  describe: "packages.menu.describe",
  "describe-version": "packages.menu.describeVersion",
  create: "packages.menu.create",
  "create-version": "packages.menu.createVersion",
  publish: "packages.menu.publish",
  deprecate: "packages.menu.deprecate",
  "set-default": "packages.menu.setDefault",
  "delete-version": "packages.menu.deleteVersion",
  delete: "packages.menu.delete",
  config: "packages.menu.config",
  "device-version": "packages.menu.deviceVersion",
  revert: "packages.menu.revert",
};
const DONE: Record<LifecycleAction, MessageKey> = {
  publish: "packages.lifecycle.done.publish",
  deprecate: "packages.lifecycle.done.deprecate",
  "set-default": "packages.lifecycle.done.setDefault",
  "delete-version": "packages.lifecycle.done.deleteVersion",
  delete: "packages.lifecycle.done.delete",
};
const CONFIG_MODES = ["show", "enable", "disable"] as const;
type ConfigMode = (typeof CONFIG_MODES)[number];
const MODE: Record<ConfigMode, MessageKey> = {
  show: "packages.config.mode.show",
  enable: "packages.config.mode.enable",
  disable: "packages.config.mode.disable",
};

function actionOf(host: IoHost, given: string | undefined): Promise<Action> {
  return input(host, {
    flag: "[action]",
    given,
    parse: oneOf(ACTIONS, "packages.badAction"),
    prompt: { key: "packages.menu.prompt" },
    choices: ACTIONS.map((a) => ({ value: a, label: t(MENU[a]) })),
  });
}

async function create(run: PackagesRun): Promise<void> {
  const { host, session, flags } = run;
  await host.learn("packages.learn.catalog");
  const name = await nameInput(
    host,
    "--package",
    flags.package,
    "package",
    "packages.input.newPackagePrompt",
  );
  const description = await optionalText(
    run,
    "--description",
    flags.description,
    "packages.input.descriptionPrompt",
  );
  const tags = await optionalPairs(run, "--tags", flags.tags, "packages.input.tagsPrompt");
  const created = await createPackage(session, run.tagger, {
    name,
    description: description || undefined,
    tags,
  });
  if (created.outcome === "created") host.say("success", "packages.create.created", { name });
  else host.say("info", "packages.create.existing", { name });
  host.result({ ok: true, package: { name, ...created } });
}

async function createVersionAction(run: PackagesRun): Promise<void> {
  const { host, session, flags } = run;
  const packageName = await packageOf(run);
  if (packageName === undefined) return;
  await host.learn("packages.learn.versions");
  const versionName = await nameInput(
    host,
    "--package-version",
    flags.packageVersion,
    "version",
    "packages.input.newVersionPrompt",
  );
  const file = await optionalText(run, "--file", flags.file, "packages.input.filePrompt");
  const attributes = await optionalPairs(
    run,
    "--attributes",
    flags.attributes,
    "packages.input.attributesPrompt",
  );
  const created = await createVersion(session, run.tagger, {
    packageName,
    versionName,
    file: file || undefined,
    attributes,
    description: flags.description,
    draft: flags.draft === true,
  });
  const vars = { name: packageName, version: versionName, status: created.status };
  if (created.outcome === "existing") host.say("info", "packages.createVersion.existing", vars);
  else {
    const a = created.artifact;
    if (a?.bucketCreated) host.say("success", "packages.createVersion.bucket", { bucket: a.bucket });
    host.say("success", "packages.createVersion.uploaded", {
      location: `s3://${a?.bucket ?? ""}/${a?.key ?? ""}`,
      s3Version: a?.s3Version ?? "-",
      bytes: a?.bytes ?? 0,
    });
    host.say("success", "packages.createVersion.created", vars);
  }
  host.result({ ok: true, version: { packageName, versionName, ...created } });
}

/** AWS's refusal of a lifecycle step, explained when we know why; the SDK error still ends the run. */
const REFUSAL_HINTS: Partial<Record<LifecycleAction, MessageKey>> = {
  delete: "packages.lifecycle.hint.delete",
  "delete-version": "packages.lifecycle.hint.deleteVersion",
  "set-default": "packages.lifecycle.hint.setDefault",
  deprecate: "packages.lifecycle.hint.deprecate",
};

async function confirmDelete(run: PackagesRun, what: string): Promise<void> {
  const ok = await run.host.prompts.typed({
    key: "packages.lifecycle.deleteConfirm",
    vars: { what },
    flag: "--yes",
    token: "DELETE",
  });
  if (!ok) {
    run.host.say("info", "packages.lifecycle.kept", { what });
    throw new Declined();
  }
}

async function lifecycle(run: PackagesRun, action: LifecycleAction): Promise<void> {
  const { host, session } = run;
  const packageName = await packageOf(run);
  if (packageName === undefined) return;
  const versionName = action === "delete" ? undefined : await versionOf(run, packageName);
  if (action !== "delete" && versionName === undefined) return;
  const what = versionName ? `${packageName} ${versionName}` : packageName;
  await host.learn("packages.learn.lifecycle");
  if (action === "delete" || action === "delete-version") {
    // AWS answers 200 for a package or version that does not exist: say so instead (404 from Get*).
    if (versionName) showVersion(host, await describeVersion(session, packageName, versionName));
    else showPackage(host, await describePackage(session, packageName));
    await confirmDelete(run, what);
  }
  try {
    await applyLifecycle(session, action, packageName, versionName);
  } catch (e) {
    const hint = REFUSAL_HINTS[action];
    if (hint && errorCode(e) === "ValidationException") host.say("info", hint, { package: packageName });
    throw e;
  }
  host.say("success", DONE[action], {
    name: packageName,
    version: versionName ?? "",
  });
  host.result({ ok: true, action, packageName, versionName });
}

async function config(run: PackagesRun, given: string | undefined): Promise<void> {
  const { host, session } = run;
  const mode = await input<ConfigMode>(host, {
    flag: "config <show|enable|disable>",
    // `iotdm packages config` alone shows it; only the menu asks.
    given: given ?? (run.menu ? undefined : "show"),
    parse: oneOf(CONFIG_MODES, "packages.config.badMode"),
    prompt: { key: "packages.config.prompt" },
    default: "show",
    choices: CONFIG_MODES.map((m) => ({ value: m, label: t(MODE[m]) })),
  });
  await host.learn("packages.learn.configuration");
  const result =
    mode === "show"
      ? await readConfiguration(session)
      : mode === "enable"
        ? await enableConfiguration(session, host, run.tagger)
        : await disableConfiguration(session);
  showConfiguration(host, result);
  host.result({ ok: true, mode, configuration: result });
}

async function runAction(run: PackagesRun, action: Action, sub: string | undefined): Promise<void> {
  const { host, session } = run;
  if (action === "list") {
    const packages = await listPackages(session);
    showPackages(host, packages);
    host.result({ packages });
  } else if (action === "describe") {
    const name = await packageOf(run);
    if (name === undefined) return;
    const details = await describePackage(session, name);
    showPackage(host, details);
    host.result({ package: details });
  } else if (action === "describe-version") {
    const name = await packageOf(run);
    const version = name === undefined ? undefined : await versionOf(run, name);
    if (name === undefined || version === undefined) return;
    const details = await describeVersion(session, name, version);
    showVersion(host, details);
    host.result({ version: details });
  } else if (action === "create") await create(run);
  else if (action === "create-version") await createVersionAction(run);
  else if (action === "config") await config(run, sub);
  else if (action === "device-version") await deviceVersion(run);
  else if (action === "revert") await revert(run);
  else await lifecycle(run, action);
}

async function run(
  host: IoHost,
  rawAction: string | undefined,
  sub: string | undefined,
  flags: PackagesFlags,
): Promise<void> {
  const target = await prepareTarget(flags);
  host.say("title", "packages.title");
  const given = fromFlag("[action]", rawAction, oneOf(ACTIONS, "packages.badAction"));
  const session = await openSession(host, target, { changes: given === undefined || !READ_ONLY.has(given) });
  const tagger = new Tagger(session, host, new Date(), "manage-packages");
  try {
    // With an action: that one. Without: the menu, again until the user is done.
    for (;;) {
      const action = await actionOf(host, rawAction);
      const menu = rawAction === undefined;
      await runAction(
        { host, session, flags: menu ? {} : flags, menu, tagger },
        action,
        menu ? undefined : sub,
      );
      if (rawAction || host.yes || !host.interactive) return;
      const more = await host.prompts.confirm({ key: "packages.menu.more", flag: "[action]", default: true });
      if (!more) return;
    }
  } finally {
    session.close();
  }
}

function register(program: Command, host: () => IoHost): void {
  const cmd = program
    .command("packages")
    .description(t("packages.description"))
    .argument("[action]", t("packages.opt.action", { actions: ACTIONS.join(", ") }))
    .argument("[mode]", t("packages.opt.mode"))
    .option("--package <name>", t("packages.opt.package"))
    .option("--package-version <version>", t("packages.opt.packageVersion"))
    .option("--description <text>", t("packages.opt.description"))
    .option("--tags <k=v,...>", t("packages.opt.tags"))
    .option("--file <path>", t("packages.opt.file"))
    .option("--attributes <k=v,...>", t("packages.opt.attributes"))
    .option("--draft", t("packages.opt.draft"))
    .option("--thing <name>", t("packages.opt.thing"))
    .option("--thing-type <type>", t("packages.opt.thingType"))
    .option("--via-job", t("packages.opt.viaJob"));
  addTargetOptions(cmd).action((action: string | undefined, mode: string | undefined, flags: PackagesFlags) =>
    run(host(), action, mode, flags),
  );
}

export const packagesCommand: CommandModule = { name: "packages", register };
