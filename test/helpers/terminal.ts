/**
 * The CLI binary in a pseudo-terminal (util-linux `script`), as a user runs it: the tests wait
 * for a prompt's text, then type keys. One driver for every terminal test, so the two races a
 * terminal has are handled once: a key typed before the prompt listens may be lost (a short
 * settle after the text shows, and Enter typed again when nothing answered it), and the process
 * may end between a check and a write (keys typed after the end go nowhere, not an EPIPE).
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { CLI } from "./sandbox.js";

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long after a prompt's text shows before typing: the prompt is listening by then. */
const SETTLE_MS = 150;
/** An Enter that got no output at all in this time was typed before the prompt listened. */
const UNANSWERED_MS = 1_500;

export interface Answer {
  /** The prompt's text, looked for in the output after the previous answer's prompt. */
  after: RegExp;
  type: string;
}

export interface TerminalOptions {
  /** Variables set (a string) or removed (undefined) on top of the test's environment. */
  env?: Record<string, string | undefined>;
  /** The whole run is killed after this long (its exit code is then -1). */
  timeoutMs?: number;
}

export class Terminal {
  private readonly child: ChildProcessWithoutNullStreams;
  private raw = "";
  private consumed = 0;
  private lastOutputAt = Date.now();
  private ended = false;
  /** Exit code of the run; -1 when it was killed. */
  readonly exited: Promise<number>;

  constructor(args: string[], options: TerminalOptions = {}) {
    const env: Record<string, string | undefined> = {
      ...process.env,
      NO_COLOR: "1",
      AWS_IOT_LANG: "en",
      ...options.env,
    };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
    const command = [process.execPath, CLI, ...args].map(quote).join(" ");
    this.child = spawn("script", ["-qfec", command, "/dev/null"], { env });
    this.child.stdout.on("data", (d: Buffer) => {
      this.raw += d.toString("utf8");
      this.lastOutputAt = Date.now();
    });
    this.child.stdin.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE") throw e;
    });
    const killer = setTimeout(() => this.child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
    this.exited = new Promise((resolve) =>
      this.child.on("close", (code) => {
        this.ended = true;
        clearTimeout(killer);
        resolve(code ?? -1);
      }),
    );
  }

  /** Everything printed so far, without terminal escape sequences. */
  get text(): string {
    return this.raw.replace(ANSI, "");
  }

  /** Waits for `pattern` in the output after what earlier waits consumed, and consumes up to it. */
  async waitFor(pattern: RegExp, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rest = this.text.slice(this.consumed);
      const m = pattern.exec(rest);
      if (m) {
        this.consumed += m.index + m[0].length;
        return;
      }
      if (this.ended || Date.now() > deadline) throw new Error(`no ${pattern} in:\n${rest}`);
      await sleep(25);
    }
  }

  /** Types keys, unless the run has ended. */
  type(keys: string): void {
    if (!this.ended && this.child.stdin.writable) this.child.stdin.write(keys);
  }

  async answer(after: RegExp, keys: string): Promise<void> {
    await this.waitFor(after);
    await sleep(SETTLE_MS);
    this.type(keys);
  }

  /** Answers each prompt in turn, then waits for the end of the run. */
  async converse(answers: Answer[]): Promise<number> {
    for (const a of answers) await this.answer(a.after, a.type);
    return this.exited;
  }

  /**
   * Presses Enter at each `prompt` until the run ends; an Enter that nothing printed after is
   * typed again (the prompt was not listening yet).
   */
  async pressEnterUntilExit(prompt = /Press Enter to continue/): Promise<number> {
    let pressedAt = 0;
    const timer = setInterval(() => {
      const rest = this.text.slice(this.consumed);
      const m = prompt.exec(rest);
      if (m) {
        this.consumed += m.index + m[0].length;
        setTimeout(() => {
          pressedAt = Date.now();
          this.type("\r");
        }, SETTLE_MS);
      } else if (pressedAt > this.lastOutputAt && Date.now() - pressedAt > UNANSWERED_MS) {
        pressedAt = Date.now();
        this.type("\r");
      }
    }, 50);
    try {
      return await this.exited;
    } finally {
      clearInterval(timer);
    }
  }
}
