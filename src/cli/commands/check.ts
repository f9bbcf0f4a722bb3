/**
 * `iotdm check`: the project's self-check (type-check, lint, formatting, message catalogs).
 * Needs a checkout with its dev dependencies installed; CI runs it.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { compareWithEnglish, englishPluralProblems, usageProblems } from "../../io/catalog-check.js";
import type { IoHost } from "../../io/host.js";
import { CATALOGS, t } from "../../io/i18n.js";
import { UsageError } from "../../io/errors.js";
import type { CommandModule } from "../registry.js";

const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..", "..", "..");

interface CheckResult {
  name: string;
  ok: boolean;
  problems: string[];
}

function tool(name: string, bin: string, args: string[]): CheckResult {
  const run = spawnSync(process.execPath, [join(ROOT, "node_modules", bin), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const output = `${run.stdout ?? ""}${run.stderr ?? ""}`.trim();
  return { name, ok: run.status === 0, problems: run.status === 0 ? [] : output.split("\n").slice(0, 40) };
}

function catalogs(): CheckResult {
  const problems = [
    ...englishPluralProblems(),
    ...(Object.keys(CATALOGS) as Array<keyof typeof CATALOGS>)
      .filter((l) => l !== "en")
      .flatMap(compareWithEnglish),
    ...usageProblems(join(ROOT, "src")),
  ];
  return { name: "catalogs", ok: problems.length === 0, problems };
}

function register(program: Command, host: () => IoHost): void {
  program
    .command("check")
    .description(t("check.description"))
    .action(() => {
      if (!existsSync(join(ROOT, "src")) || !existsSync(join(ROOT, "node_modules", "typescript")))
        throw new UsageError(t("check.needsCheckout"));
      const results = [
        tool("types", "typescript/bin/tsc", ["-p", "tsconfig.json", "--noEmit"]),
        tool("lint", "eslint/bin/eslint.js", ["src", "test", "bench"]),
        tool("format", "prettier/bin/prettier.cjs", ["--check", "src", "test", "bench"]),
        catalogs(),
      ];
      for (const r of results) {
        host().say(r.ok ? "success" : "error", r.ok ? "check.passed" : "check.failed", { name: r.name });
        for (const p of r.problems) host().line("detail", `   ${p}`);
      }
      host().result(results);
      if (results.some((r) => !r.ok)) host().fail();
    });
}

export const checkCommand: CommandModule = { name: "check", register };
