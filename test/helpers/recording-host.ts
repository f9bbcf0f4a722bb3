/**
 * A recording IoHost for in-process CLI tests: every message by catalog key with its
 * variables, every learning moment, result, error and status note, the text of stdout and
 * stderr, and prompts answered from a script (typed answers are validated as in a terminal,
 * so a wrong one is asked again). `runRecorded` runs one command line through the CLI's own
 * `runCli`, and fails if the run left the process changed (environment, IOTDM_HOME included,
 * working directory, process.exitCode, SIGINT handlers, language of messages): runs in one
 * test process must not leak into each other.
 */
import { Writable } from "node:stream";
import { isDeepStrictEqual } from "node:util";
import { runCli } from "../../src/cli/main.js";
import { PromptCancelled } from "../../src/io/errors.js";
import { type HostOptions, IoHost, type Tone } from "../../src/io/host.js";
import { type MessageKey, type MessageVars, currentLanguage, t } from "../../src/io/i18n.js";
import type { LessonKey } from "../../src/io/message-keys.js";
import {
  type PromptBase,
  Prompter,
  type SelectPrompt,
  type TextPrompt,
  type TypedPrompt,
  yesOrNo,
} from "../../src/io/prompts.js";

export interface Said {
  tone: Tone | "notice" | "error";
  key: MessageKey;
  vars: MessageVars;
}

/** The answer to the prompt whose catalog key is `key`; "^C" is Ctrl-C. Selects answer a choice's label or value. */
export interface ScriptedAnswer {
  key: MessageKey;
  answer: string;
}

/** A prompt as it was asked, with the problem said about each refused answer. */
export interface Asked {
  key: MessageKey;
  answer: string;
  refused?: string;
}

class Collector extends Writable {
  text = "";
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString("utf8");
    done();
  }
}

class ScriptedPrompter extends Prompter {
  constructor(
    private readonly recorder: RecordingHost,
    private readonly script: ScriptedAnswer[],
  ) {
    super(recorder, process.stdin, new Collector());
  }

  private next(key: MessageKey): string {
    const a = this.script.shift();
    if (!a) throw new Error(`prompt ${key} was asked; the script has no answer left`);
    if (a.key !== key) throw new Error(`prompt ${key} was asked; the script answers ${a.key}`);
    if (a.answer === "^C") throw new PromptCancelled();
    return a.answer;
  }

  override async text(p: TextPrompt): Promise<string> {
    const preset = this.unattended(p);
    if (preset !== undefined) return preset;
    for (;;) {
      const typed = this.next(p.key).trim();
      const answer = typed === "" && p.default !== undefined ? p.default : typed;
      const problem = p.validate?.(answer);
      this.recorder.asked.push({
        key: p.key,
        answer,
        refused: problem ? t(problem.key, problem.vars) : undefined,
      });
      if (!problem) return answer;
    }
  }

  override async select<T>(p: SelectPrompt<T>): Promise<T> {
    const preset = this.unattended(p);
    if (preset !== undefined) return preset;
    const answer = this.next(p.key);
    const choice = p.choices.find((c) => c.label === answer || String(c.value) === answer);
    if (!choice) throw new Error(`prompt ${p.key} has no choice ${answer}`);
    this.recorder.asked.push({ key: p.key, answer });
    return choice.value;
  }

  override async confirm(p: PromptBase<boolean>): Promise<boolean> {
    const preset = this.unattended(p);
    if (preset !== undefined) return preset;
    for (;;) {
      const answer = this.next(p.key);
      const yes = yesOrNo(answer, p.default);
      this.recorder.asked.push({
        key: p.key,
        answer,
        refused: yes === undefined ? t("common.answerYesOrNo") : undefined,
      });
      if (yes !== undefined) return yes;
    }
  }

  override async typed(p: TypedPrompt): Promise<boolean> {
    const preset = this.unattended({ ...p, default: true });
    if (preset !== undefined) return preset;
    const answer = this.next(p.key);
    this.recorder.asked.push({ key: p.key, answer });
    return answer.trim() === p.token;
  }

  /** Learning moments go on at once (nothing to script). */
  override async pause(): Promise<void> {}
}

export class RecordingHost extends IoHost {
  readonly said: Said[] = [];
  /** The learning moments shown, in order. */
  readonly lessons: LessonKey[] = [];
  readonly results: unknown[] = [];
  readonly asked: Asked[] = [];
  private readonly outText: Collector;
  private readonly errText: Collector;

  constructor(opts: HostOptions & { answers?: ScriptedAnswer[] }) {
    const stdout = new Collector();
    const stderr = new Collector();
    super({
      ...opts,
      interactive: opts.interactive ?? false,
      stdout,
      stderr,
      prompter: (host) => new ScriptedPrompter(host as RecordingHost, opts.answers ?? []),
    });
    this.outText = stdout;
    this.errText = stderr;
  }

  get stdoutText(): string {
    return this.outText.text;
  }

  get stderrText(): string {
    return this.errText.text;
  }

  override say(tone: Tone, key: MessageKey, vars: MessageVars = {}): void {
    this.said.push({ tone, key, vars });
    super.say(tone, key, vars);
  }

  override notice(tone: Tone, key: MessageKey, vars: MessageVars = {}): void {
    this.said.push({ tone: "notice", key, vars });
    super.notice(tone, key, vars);
  }

  override error(key: MessageKey, vars: MessageVars = {}): void {
    this.said.push({ tone: "error", key, vars });
    super.error(key, vars);
  }

  override async learn(key: LessonKey, vars: MessageVars = {}): Promise<void> {
    if (!this.json) this.lessons.push(key);
    await super.learn(key, vars);
  }

  override result(value: unknown): void {
    this.results.push(value);
    super.result(value);
  }

  /** The messages said with this key (in order). */
  saidWith(key: MessageKey): Said[] {
    return this.said.filter((s) => s.key === key);
  }

  /** The variables of each message said with this key (in order). */
  varsOf(key: MessageKey): MessageVars[] {
    return this.saidWith(key).map((s) => s.vars);
  }

  /** Whether a message was said with this key and exactly these variables. */
  saidExactly(key: MessageKey, vars: MessageVars): boolean {
    return this.varsOf(key).some((v) => isDeepStrictEqual(v, vars));
  }

  keys(): MessageKey[] {
    return this.said.map((s) => s.key);
  }
}

export interface Recorded {
  code: number;
  host: RecordingHost;
}

/** What a run must leave as it found it. */
function processState() {
  return {
    env: JSON.stringify(Object.entries(process.env).sort(([a], [b]) => (a < b ? -1 : 1))),
    cwd: process.cwd(),
    exitCode: process.exitCode,
    sigintListeners: process.listenerCount("SIGINT"),
    language: currentLanguage(),
  };
}

/** Runs `iotdm <argv>` in this process with a recording host. */
export async function runRecorded(
  argv: string[],
  script: { answers?: ScriptedAnswer[]; interactive?: boolean } = {},
): Promise<Recorded> {
  const answers = [...(script.answers ?? [])];
  let host: RecordingHost | undefined;
  const before = processState();
  const code = await runCli(argv, {
    host: (o) => (host = new RecordingHost({ ...o, interactive: script.interactive, answers })),
  });
  const after = processState();
  for (const k of Object.keys(before) as Array<keyof typeof before>) {
    // Before the first translation there is no language yet: the first run sets it.
    if (k === "language" && before.language === undefined) continue;
    if (before[k] !== after[k]) throw new Error(`iotdm ${argv.join(" ")} changed the process's ${k}`);
  }
  if (answers.length > 0) throw new Error(`answers left unused: ${JSON.stringify(answers)}`);
  return { code, host: host as RecordingHost };
}
