/**
 * What every workflow command shares: the target flags, the checks made before any planning
 * (flag values; region, profile and credentials for --aws), the AWS session (clients, account,
 * region), the one line said when a sandbox is started on demand, the confirmation before
 * changing an account that is not a sandbox, and the flags that hints repeat.
 */
import type { Command } from "commander";
import { AwsClients } from "../aws/clients.js";
import type { AwsSession } from "../aws/session.js";
import { type TargetSelection, connectTarget, selectTarget } from "../aws/target.js";
import { Declined } from "../io/errors.js";
import type { IoHost } from "../io/host.js";
import { t } from "../io/i18n.js";
import { checkAwsAccess, explainIdentityFailure } from "./aws-access.js";
import { announceStart, assertOneTarget, chosenInstance, commandLine } from "./instance.js";

export interface TargetFlags {
  aws?: boolean;
  profile?: string;
  region?: string;
  endpointUrl?: string;
  sandboxPort?: string;
  sandboxDir?: string;
}

export function addTargetOptions(cmd: Command): Command {
  return cmd
    .option("--aws", t("target.opt.aws"))
    .option("--profile <name>", t("target.opt.profile"))
    .option("--region <region>", t("target.opt.region"))
    .option("--endpoint-url <url>", t("target.opt.endpointUrl"))
    .option("--sandbox-port <port>", t("target.opt.sandboxPort"))
    .option("--sandbox-dir <dir>", t("target.opt.sandboxDir"));
}

/** The target chosen and checked, not yet contacted (a sandbox is started only when the session opens). */
export interface PreparedTarget {
  selection: TargetSelection;
  /** The target flags as given, for hints that must reach the same target again. */
  args: string[];
}

function givenArgs(flags: TargetFlags): string[] {
  const args: string[] = flags.aws ? ["--aws"] : [];
  const valued: Array<[string, string | undefined]> = [
    ["--profile", flags.profile],
    ["--region", flags.region],
    ["--endpoint-url", flags.endpointUrl],
    ["--sandbox-port", flags.sandboxPort],
    ["--sandbox-dir", flags.sandboxDir],
  ];
  for (const [flag, value] of valued) if (value !== undefined) args.push(flag, value);
  return args;
}

/** Before planning: flags that exclude each other, port values, and AWS access for --aws. */
export async function prepareTarget(flags: TargetFlags): Promise<PreparedTarget> {
  assertOneTarget({
    "--aws": flags.aws,
    "--endpoint-url": flags.endpointUrl,
    "--sandbox-port/--sandbox-dir": flags.sandboxPort ?? flags.sandboxDir,
  });
  // The instance named by --sandbox-port/--sandbox-dir, else by IOTDM_SANDBOX_PORT/DIR.
  const instance = chosenInstance(flags);
  const selection = selectTarget({
    aws: flags.aws,
    endpointUrl: flags.endpointUrl,
    profile: flags.profile,
    region: flags.region,
    sandboxPort: instance.port,
    sandboxDir: instance.dataDir,
  });
  if (selection.kind === "aws") await checkAwsAccess(selection);
  return { selection, args: givenArgs(flags) };
}

export interface Session extends AwsSession {
  host: IoHost;
  /** The flags that selected the target, for hints ("Next: iotdm cleanup ..."). */
  targetArgs: string[];
}

/** `iotdm <words> <target flags>` as a hint prints it. */
export function hintCommand(session: Pick<Session, "targetArgs">, words: string[]): string {
  return commandLine(["iotdm", ...words, ...session.targetArgs]);
}

/**
 * Opens the session. Against AWS or an endpoint that is not a sandbox, shows account and
 * region and asks to confirm when `changes` is true (the workflow creates or deletes things).
 */
export async function openSession(
  host: IoHost,
  prepared: PreparedTarget,
  opts: { changes: boolean },
): Promise<Session> {
  const target = await connectTarget(prepared.selection);
  if (target.kind === "sandbox" && target.started) announceStart(host, target.endpoint, target.instance);
  const clients = new AwsClients(target, host);
  host.activity.countCalls(() => clients.stats);
  try {
    const identity = await clients.callerIdentity().catch((e: unknown) => {
      throw explainIdentityFailure(e, target.label);
    });
    const region = (await clients.iot.config.region()) ?? target.region ?? "us-east-1";
    const accountId = identity.Account ?? "";
    host.say("info", "target.summary", {
      target: target.label,
      account: accountId,
      region,
      pacing: t(target.paced ? "target.paced" : "target.unpaced"),
    });
    if (opts.changes && target.kind !== "sandbox") {
      // --yes is the user's answer to this question too.
      const ok =
        host.yes ||
        (await host.prompts.confirm({
          key: "target.confirmChanges",
          vars: { account: accountId, region },
          flag: "--yes",
          default: false,
        }));
      if (!ok) throw new Declined();
    }
    return {
      host,
      clients,
      target,
      accountId,
      region,
      targetArgs: prepared.args,
      concurrency: (parallel) => (host.debug ? 1 : parallel),
      close: () => clients.destroy(),
    };
  } catch (e) {
    clients.destroy();
    throw e;
  }
}
