/**
 * The user's settings, in `config.json` of the iotdm directory (~/.iotdm, or IOTDM_HOME).
 * Today it remembers the language chosen at the interactive menu; --lang and AWS_IOT_LANG
 * override it. A missing or unreadable file is an empty configuration.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { iotdmHome } from "../common/home.js";

export interface UserConfig {
  language?: string;
}

export function userConfigFile(): string {
  return join(iotdmHome(), "config.json");
}

export function readUserConfig(): UserConfig {
  try {
    const parsed: unknown = JSON.parse(readFileSync(userConfigFile(), "utf8"));
    return parsed !== null && typeof parsed === "object" ? (parsed as UserConfig) : {};
  } catch {
    return {};
  }
}

/** Merges `change` into the file (other settings stay). */
export function updateUserConfig(change: Partial<UserConfig>): string {
  const file = userConfigFile();
  mkdirSync(iotdmHome(), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...readUserConfig(), ...change }, null, 2)}\n`);
  return file;
}
