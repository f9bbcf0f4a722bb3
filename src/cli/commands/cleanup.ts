/**
 * `iotdm cleanup`: the workshop's last step. Inputs: --scope (else a menu, default all under
 * --yes), --things-prefix, --dry-run. A real run needs `DELETE` typed (or --yes); a dry run
 * asks nothing and changes nothing. The typed confirmation names the account and region, so
 * the session does not ask a second yes/no before changing a real AWS account.
 */
import type { Command } from "commander";
import type { IoHost } from "../../io/host.js";
import { t } from "../../io/i18n.js";
import { PromptCancelled } from "../../io/prompts.js";
import { cleanup, SCOPES, type Scope } from "../../workshop/cleanup/index.js";
import { renderSummary } from "../../workshop/cleanup/summary.js";
import { DEFAULT_THINGS_PREFIX, MAX_PREFIX_LENGTH, prefixProblem } from "../../workshop/naming.js";
import { UsageError } from "../errors.js";
import type { CommandModule } from "../registry.js";
import { addTargetOptions, openSession, type TargetFlags } from "../session.js";

interface CleanupFlags extends TargetFlags {
  scope?: string;
  thingsPrefix?: string;
  dryRun?: boolean;
}

const SCOPE_KEYS: Record<Scope, string> = {
  all: "cleanup.scope.all",
  things: "cleanup.scope.things",
  groups: "cleanup.scope.groups",
};

const PREFIX_KEYS = {
  empty: "cleanup.badPrefix.empty",
  tooLong: "cleanup.badPrefix.tooLong",
  characters: "cleanup.badPrefix.characters",
} as const;

function thingsPrefix(flags: CleanupFlags): string {
  const prefix = flags.thingsPrefix ?? DEFAULT_THINGS_PREFIX;
  const problem = prefixProblem(prefix);
  if (problem) throw new UsageError(t(PREFIX_KEYS[problem], { prefix, max: MAX_PREFIX_LENGTH }));
  return prefix;
}

async function scopeOf(host: IoHost, flags: CleanupFlags): Promise<Scope> {
  if (flags.scope !== undefined) {
    if (!(SCOPES as readonly string[]).includes(flags.scope))
      throw new UsageError(t("cleanup.badScope", { scope: flags.scope, scopes: SCOPES.join(", ") }));
    return flags.scope as Scope;
  }
  return host.prompts.select<Scope>({
    key: "cleanup.scopePrompt",
    flag: "--scope",
    default: "all",
    choices: SCOPES.map((s) => ({ value: s, label: t(SCOPE_KEYS[s]) })),
  });
}

async function run(host: IoHost, flags: CleanupFlags): Promise<void> {
  const prefix = thingsPrefix(flags);
  const dryRun = Boolean(flags.dryRun);
  host.say("title", "cleanup.title");
  for (const line of t("cleanup.goal").split("\n")) host.line("plain", line);
  const scope = await scopeOf(host, flags);
  const session = await openSession(host, flags, { changes: false });
  try {
    if (!dryRun) {
      host.say("warn", "cleanup.confirm.warning", {
        what: t(SCOPE_KEYS[scope]),
        account: session.accountId,
        region: session.region,
        prefix,
      });
      const confirmed = await host.prompts.typed({
        key: "cleanup.confirm.prompt",
        flag: "--yes",
        token: "DELETE",
      });
      if (!confirmed) throw new PromptCancelled();
    }
    const report = await cleanup(session, { scope, thingsPrefix: prefix, dryRun }, host);
    if (!host.json) renderSummary(report, host);
    host.result(report);
    if (report.totals.failed > 0) process.exitCode = 1;
  } finally {
    session.close();
  }
}

function register(program: Command, host: () => IoHost): void {
  const cmd = program
    .command("cleanup")
    .description(t("cleanup.description"))
    .option("--scope <scope>", t("cleanup.opt.scope"))
    .option("--things-prefix <prefix>", t("cleanup.opt.thingsPrefix"))
    .option("--dry-run", t("cleanup.opt.dryRun"));
  addTargetOptions(cmd).action((flags: CleanupFlags) => run(host(), flags));
}

export const cleanupCommand: CommandModule = { name: "cleanup", register };
