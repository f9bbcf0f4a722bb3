/**
 * Before anything is planned against real AWS (`--aws`): a region, the named profile and
 * credentials must be there, each refusal saying how to fix it (--region / AWS_REGION,
 * the missing profile's name, `aws configure`). Later, a target that does not answer or
 * refuses the credentials is explained the same way instead of with the SDK's raw text.
 */
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { STSClient } from "@aws-sdk/client-sts";
import { ExplainedError, UsageError } from "../io/errors.js";
import { t } from "../io/i18n.js";

type Env = Record<string, string | undefined>;

function sharedFiles(env: Env): string[] {
  return [
    env.AWS_CONFIG_FILE || join(homedir(), ".aws", "config"),
    env.AWS_SHARED_CREDENTIALS_FILE || join(homedir(), ".aws", "credentials"),
  ];
}

/** Profile names in the shared config (`[profile x]`, `[default]`) and credentials (`[x]`) files. */
function profilesIn(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    if (!existsSync(file)) continue;
    for (const m of readFileSync(file, "utf8").matchAll(/^\s*\[\s*(?:profile\s+)?([^\]\s]+)\s*\]/gm))
      names.add(m[1]);
  }
  return names;
}

export async function checkAwsAccess(opts: { region?: string; profile?: string }, env: Env = process.env) {
  const profile = opts.profile ?? env.AWS_PROFILE;
  const files = sharedFiles(env);
  if (profile && !profilesIn(files).has(profile))
    throw new UsageError(t("target.aws.noProfile", { profile, files: files.join(", ") }));
  const sts = new STSClient({ region: opts.region, profile: opts.profile, maxAttempts: 1 });
  try {
    await sts.config.region().catch(() => {
      throw new UsageError(t("target.aws.noRegion"));
    });
    await sts.config.credentials().catch((e: Error) => {
      throw new UsageError(t("target.aws.noCredentials", { message: e.message }));
    });
  } finally {
    sts.destroy();
  }
}

/** The first call of a session failed: no credentials here, unreachable target, or credentials refused. */
export function explainIdentityFailure(e: unknown, target: string): Error {
  const err = e as Error & { $metadata?: { httpStatusCode?: number } };
  // The SDK looks for credentials before it sends anything: none is not a silent target.
  if (err.name === "CredentialsProviderError")
    return new ExplainedError("NoCredentials", "target.noCredentials", { target, message: err.message });
  if (err.$metadata?.httpStatusCode === undefined)
    return new ExplainedError("TargetUnreachable", "target.unreachable", {
      target,
      // The SDK prefixes some of its own messages with the logger's tag: not for users.
      message: err.message.replace(/^@smithy\/[\w-]+ - \[\w+\] /, ""),
    });
  if (err.$metadata.httpStatusCode === 403 || err.$metadata.httpStatusCode === 401)
    return new ExplainedError("CredentialsRejected", "target.credentialsRejected", {
      target,
      code: err.name,
      message: err.message,
    });
  return err;
}
