/**
 * What every workflow command shares: target flags, the AWS session (clients, account,
 * region), the confirmation before touching a real AWS account, and a clean Ctrl-C.
 */
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { Command } from "commander";
import { AwsClients } from "../aws/clients.js";
import type { AwsSession } from "../aws/session.js";
import { type TargetOptions, describeTarget, resolveTarget } from "../aws/target.js";
import type { IoHost } from "../io/host.js";
import { t } from "../io/i18n.js";
import { PromptCancelled } from "../io/prompts.js";
import { UsageError } from "./errors.js";

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

export interface Session extends AwsSession {
  host: IoHost;
}

function targetOptions(flags: TargetFlags): TargetOptions {
  const port = flags.sandboxPort === undefined ? undefined : Number(flags.sandboxPort);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
    throw new UsageError(t("target.badPort"));
  if (flags.aws && flags.endpointUrl) throw new UsageError(t("target.awsAndEndpoint"));
  return {
    aws: flags.aws,
    profile: flags.profile,
    region: flags.region,
    endpointUrl: flags.endpointUrl,
    sandboxPort: port,
    sandboxDir: flags.sandboxDir,
  };
}

/**
 * Opens the session. Against AWS or another endpoint, shows account and region and asks to
 * confirm when `changes` is true (the workflow creates or deletes resources).
 */
export async function openSession(
  host: IoHost,
  flags: TargetFlags,
  opts: { changes: boolean },
): Promise<Session> {
  const target = await resolveTarget(targetOptions(flags));
  const clients = new AwsClients(target, host);
  const identity = await clients.sts.send(new GetCallerIdentityCommand({}));
  const region = (await clients.iot.config.region()) ?? target.region ?? "us-east-1";
  const accountId = identity.Account ?? "";
  host.say("info", "target.summary", { target: describeTarget(target), account: accountId, region });
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
    if (!ok) {
      clients.destroy();
      throw new PromptCancelled();
    }
  }
  return {
    host,
    clients,
    target,
    accountId,
    region,
    concurrency: (parallel) => (host.debug ? 1 : parallel),
    close: () => clients.destroy(),
  };
}
