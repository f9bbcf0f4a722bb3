/**
 * The CLI as a user runs it: the built binary in a child process, for the few end-to-end
 * tests (most CLI tests run in process through recording-host.ts). The child inherits this
 * process's environment (the private IOTDM_HOME of the tests included), without colours.
 */
import { execFile } from "node:child_process";
import { CLI } from "./sandbox.js";

export interface BinaryRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runBinary(args: string[], env: Record<string, string> = {}): Promise<BinaryRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, NO_COLOR: "1", ...env }, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
