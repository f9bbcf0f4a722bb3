/**
 * The per-user iotdm directory (`~/.iotdm`, or IOTDM_HOME): sandbox state directories and the
 * user's settings live under it. Neutral: the CLI and the sandbox both use it.
 */
import { homedir } from "node:os";
import { join } from "node:path";

export function iotdmHome(): string {
  return process.env.IOTDM_HOME ?? join(homedir(), ".iotdm");
}
