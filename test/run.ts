/**
 * `npm test`: unit, sandbox and CLI tests (every sandbox records its answers), then the
 * conformance tests that check those answers and the validation tables against AWS's models.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(fileURLToPath(new URL(".", import.meta.url)));
const recordDir = mkdtempSync(join(tmpdir(), "iotdm-records-"));
const env = { ...process.env, IOTDM_RECORD_DIR: recordDir };
const suites = ["unit", "sandbox", "cli"].map((d) => join(root, d)).filter((d) => existsSync(d));

const first = spawnSync(process.execPath, ["--test", "--test-concurrency=2", ...suites], {
  stdio: "inherit",
  env,
});
const second = spawnSync(process.execPath, ["--test", join(root, "conformance")], { stdio: "inherit", env });
rmSync(recordDir, { recursive: true, force: true });
process.exit(first.status || second.status || 0);
