/**
 * `iotdm cleanup`: the workshop's last step. Inputs: --scope (else a menu, default all under
 * --yes), --things-prefix, --dry-run. A real run needs `DELETE` typed (or --yes): anything
 * else declines it (exit 1, nothing deleted); a dry run asks nothing and changes nothing. The
 * typed confirmation names the account and region, so the session does not ask a second yes/no
 * before changing a real AWS account.
 */
import type { Command } from "commander";
import { Declined } from "../../io/errors.js";
import type { IoHost } from "../../io/host.js";
import { type MessageKey, t } from "../../io/i18n.js";
import { fromFlag, input, type Parsed } from "../../io/input.js";
import { cleanup, SCOPES, type Scope } from "../../workshop/cleanup/index.js";
import { renderSummary } from "../../workshop/cleanup/summary.js";
import { PLAN_DEFAULTS, parsePrefix } from "../../workshop/provision/plan.js";
import type { CommandModule } from "../registry.js";
import { addTargetOptions, hintCommand, openSession, prepareTarget, type TargetFlags } from "../session.js";

interface CleanupFlags extends TargetFlags {
  scope?: string;
  thingsPrefix?: string;
  dryRun?: boolean;
}

const SCOPE_KEYS: Record<Scope, MessageKey> = {
  all: "cleanup.scope.all",
  things: "cleanup.scope.things",
  groups: "cleanup.scope.groups",
};

function parseScope(raw: string): Parsed<Scope> {
  return (SCOPES as readonly string[]).includes(raw)
    ? { value: raw as Scope }
    : { problem: { key: "cleanup.badScope", vars: { scope: raw, scopes: SCOPES.join(", ") } } };
}

async function run(host: IoHost, flags: CleanupFlags): Promise<void> {
  const prefix = fromFlag("--things-prefix", flags.thingsPrefix, parsePrefix) ?? PLAN_DEFAULTS.prefix;
  const target = await prepareTarget(flags);
  const dryRun = Boolean(flags.dryRun);
  host.say("title", "cleanup.title");
  for (const line of t("cleanup.goal").split("\n")) host.line("plain", line);
  const scope = await input(host, {
    flag: "--scope",
    given: flags.scope,
    parse: parseScope,
    prompt: { key: "cleanup.scopePrompt" },
    default: "all",
    choices: SCOPES.map((s) => ({ value: s, label: t(SCOPE_KEYS[s]) })),
  });
  const session = await openSession(host, target, { changes: false });
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
      if (!confirmed) throw new Declined();
    }
    const report = await cleanup(session, { scope, thingsPrefix: prefix, dryRun }, host);
    const again = hintCommand(session, ["cleanup", "--scope", scope, "--things-prefix", prefix]);
    if (!host.json) renderSummary(report, host, { again });
    host.result(report);
    if (report.totals.failed > 0) host.fail();
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
