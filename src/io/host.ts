/**
 * The I/O host: the one place that prints, prompts, shows progress and translates (after
 * aws-cdk's IoHost). Commands and workflows emit messages by catalog key; the host decides
 * language, colour (NO_COLOR, non-TTY), --json, --yes and --debug in one place.
 */
import { styleText } from "node:util";
import { Activity } from "./activity.js";
import { type MessageVars, t } from "./i18n.js";
import type { LessonKey, MessageKey } from "./message-keys.js";
import { ProgressView } from "./progress.js";
import { Prompter } from "./prompts.js";

export type Tone = "plain" | "title" | "step" | "info" | "success" | "warn" | "error" | "detail" | "debug";

export interface HostOptions {
  json?: boolean;
  /** Unattended: no prompt, no pause; defaults are taken. */
  yes?: boolean;
  debug?: boolean;
  /** Force interactivity (tests); default: stdin and stdout are terminals. */
  interactive?: boolean;
  stdout?: NodeJS.WriteStream | NodeJS.WritableStream;
  stderr?: NodeJS.WriteStream | NodeJS.WritableStream;
  stdin?: NodeJS.ReadStream | NodeJS.ReadableStream;
  /** Who answers the prompts (a scripted double in tests); default: the terminal. */
  prompter?: (host: IoHost) => Prompter;
}

const STYLE: Record<Tone, Parameters<typeof styleText>[0] | undefined> = {
  plain: undefined,
  title: ["bold", "cyan"],
  step: ["bold", "blue"],
  info: "cyan",
  success: "green",
  warn: "yellow",
  error: "red",
  detail: "gray",
  debug: "magenta",
};

export class IoHost {
  readonly json: boolean;
  readonly yes: boolean;
  debug: boolean;
  readonly interactive: boolean;
  readonly color: boolean;
  readonly prompts: Prompter;
  private readonly stdout: NodeJS.WritableStream;
  private readonly stderr: NodeJS.WritableStream;
  private readonly seenLessons = new Set<LessonKey>();
  /** What the run has done so far (for the line an early stop prints). */
  readonly activity = new Activity();
  /** The exit code the command asks for (1 when something failed); the CLI returns it. */
  exitCode = 0;

  constructor(opts: HostOptions = {}) {
    this.stdout = opts.stdout ?? process.stdout;
    this.stderr = opts.stderr ?? process.stderr;
    this.json = opts.json ?? false;
    this.yes = opts.yes ?? false;
    this.debug = opts.debug ?? false;
    const stdin = opts.stdin ?? process.stdin;
    this.interactive =
      opts.interactive ??
      Boolean((stdin as NodeJS.ReadStream).isTTY && (this.stdout as NodeJS.WriteStream).isTTY);
    this.color = Boolean((this.stdout as NodeJS.WriteStream).isTTY) && !process.env.NO_COLOR && !this.json;
    this.prompts = opts.prompter?.(this) ?? new Prompter(this, stdin, this.stdout);
  }

  /** Marks the run as failed (exit code 1) without stopping it. */
  fail(): void {
    this.exitCode = Math.max(this.exitCode, 1);
  }

  paint(tone: Tone, text: string): string {
    const style = STYLE[tone];
    return this.color && style ? styleText(style, text) : text;
  }

  /** A translated line for people; under --json it goes to stderr so stdout stays machine-readable. */
  say(tone: Tone, key: MessageKey, vars?: MessageVars): void {
    const text = t(key, vars);
    if (tone === "step") this.activity.enterStep(text);
    this.line(tone, text);
  }

  /**
   * A translated status note that is not the command's output (a sandbox started on demand,
   * a warning about the environment): always on stderr, so stdout stays data (`sandbox env`).
   */
  notice(tone: Tone, key: MessageKey, vars?: MessageVars): void {
    this.stderr.write(`${this.paint(tone, t(key, vars))}\n`);
  }

  /** An untranslatable line (names, ARNs, JSON) in a given tone. */
  line(tone: Tone, text: string): void {
    const out = this.json || tone === "error" ? this.stderr : this.stdout;
    out.write(`${this.paint(tone, text)}\n`);
  }

  /** A translated error line, always on stderr. */
  error(key: MessageKey, vars?: MessageVars): void {
    this.stderr.write(`${this.paint("error", t(key, vars))}\n`);
  }

  /** Backwards-compatible alias of say("plain"). */
  info(key: MessageKey, vars?: MessageVars): void {
    if (!this.json) this.say("plain", key, vars);
  }

  /** Text that is data, not prose (shell exports); printed as is. */
  data(text: string): void {
    this.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  }

  /** The machine-readable result of a command under --json. */
  result(value: unknown): void {
    if (this.json) this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /**
   * A learning moment: `<key>.title` and `<key>.body` from the catalog. Interactive runs
   * pause for Enter; unattended runs print it without pausing (and --json skips it).
   */
  async learn(key: LessonKey, vars?: MessageVars): Promise<void> {
    if (this.json) return;
    this.seenLessons.add(key);
    this.line("plain", "");
    this.line("warn", `📚 ${t("common.learningMoment")}: ${t(`${key}.title`, vars)}`);
    for (const l of t(`${key}.body`, vars).split("\n")) this.line("plain", `   ${l}`);
    if (this.interactive && !this.yes) await this.prompts.pause();
  }

  /** Debug mode: every SDK call with its input and full response (or error). */
  debugCall(
    client: string,
    command: string,
    input: unknown,
    outcome: { output?: unknown; error?: unknown },
  ): void {
    if (!this.debug) return;
    const json = (v: unknown) =>
      JSON.stringify(v, (_k, x) => (x instanceof Uint8Array ? `<${x.length} bytes>` : x), 2);
    this.line("debug", `🔍 ${client}.${command.replace(/Command$/, "")}`);
    this.line("debug", `📤 ${json(input)}`);
    if (outcome.error) {
      const e = outcome.error as Error & { $metadata?: unknown };
      this.line("debug", `❌ ${e.name}: ${e.message} ${json(e.$metadata ?? {})}`);
    } else this.line("debug", `📥 ${json(outcome.output)}`);
  }

  /** A progress bar with throughput when interactive; periodic lines otherwise. */
  progress(labelKey: MessageKey, total: number, vars?: MessageVars): ProgressView {
    return new ProgressView(this, t(labelKey, vars), total);
  }

  /** Writes raw text (progress redraws). */
  write(text: string): void {
    if (!this.json) this.stdout.write(text);
  }

  get out(): NodeJS.WritableStream {
    return this.stdout;
  }

  get errOut(): NodeJS.WritableStream {
    return this.stderr;
  }
}
