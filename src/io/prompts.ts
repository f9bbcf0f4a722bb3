/**
 * The one prompt seam (after changesets' CLI). Every prompt names the flag that answers it:
 * under --yes the default is taken, without a terminal and without --yes the prompt is a
 * usage error naming that flag (never a hang). Yes/no answers are localized.
 */
import { input, select } from "@inquirer/prompts";
import { PromptCancelled, UsageError } from "./errors.js";
import type { IoHost } from "./host.js";
import { type MessageVars, t } from "./i18n.js";
import type { MessageKey } from "./message-keys.js";

export interface PromptBase<T> {
  /** Catalog key of the question. */
  key: MessageKey;
  vars?: MessageVars;
  /** The flag that gives this input without a prompt (for the error message). */
  flag: string;
  default?: T;
}

export interface TextPrompt extends PromptBase<string> {
  /** Returns a catalog key of the problem, or undefined when the answer is fine. */
  validate?: (value: string) => { key: MessageKey; vars?: MessageVars } | undefined;
}

export type TypedPrompt = PromptBase<boolean> & { token: string };

export interface Choice<T> {
  value: T;
  label: string;
}

export interface SelectPrompt<T> extends PromptBase<T> {
  choices: Array<Choice<T>>;
}

function words(key: MessageKey): string[] {
  return t(key)
    .split(",")
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0);
}

/** A yes/no answer in the current language; empty takes the default; undefined when it is neither. */
export function yesOrNo(answer: string, fallback = false): boolean | undefined {
  const w = answer.trim().toLowerCase();
  if (w === "") return fallback;
  if (words("common.yesWords").includes(w)) return true;
  if (words("common.noWords").includes(w)) return false;
  return undefined;
}

export class Prompter {
  constructor(
    protected readonly host: IoHost,
    private readonly stdin: NodeJS.ReadableStream,
    private readonly stdout: NodeJS.WritableStream,
  ) {}

  private context() {
    return {
      input: this.stdin as NodeJS.ReadStream,
      output: this.stdout as NodeJS.WriteStream,
      clearPromptOnDone: false,
    };
  }

  /** Under --yes: the default; without a terminal: a usage error naming the flag. */
  protected unattended<T>(p: PromptBase<T>): T | undefined {
    if (this.host.yes) {
      if (p.default === undefined) throw new UsageError(t("common.noDefault", { flag: p.flag }));
      return p.default;
    }
    if (!this.host.interactive) throw new UsageError(t("common.promptNeedsTerminal", { flag: p.flag }));
    return undefined;
  }

  private async ask<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof Error && (e.name === "ExitPromptError" || e.name === "AbortPromptError"))
        throw new PromptCancelled();
      throw e;
    }
  }

  async text(p: TextPrompt): Promise<string> {
    const preset = this.unattended(p);
    if (preset !== undefined) return preset;
    return this.ask(() =>
      input(
        {
          message: t(p.key, p.vars),
          default: p.default,
          validate: (v: string) => {
            const problem = p.validate?.(v.trim());
            return problem ? t(problem.key, problem.vars) : true;
          },
        },
        this.context(),
      ).then((v) => v.trim()),
    );
  }

  async select<T>(p: SelectPrompt<T>): Promise<T> {
    const preset = this.unattended(p);
    if (preset !== undefined) return preset;
    return this.ask(() =>
      select<T>(
        {
          message: t(p.key, p.vars),
          default: p.default,
          choices: p.choices.map((c) => ({ value: c.value, name: c.label })),
        },
        this.context(),
      ),
    );
  }

  /** A localized yes/no question (`common.yesWords` / `common.noWords`); other answers ask again. */
  async confirm(p: PromptBase<boolean>): Promise<boolean> {
    const preset = this.unattended(p);
    if (preset !== undefined) return preset;
    const hint = p.default === true ? t("common.yesNoDefaultYes") : t("common.yesNoDefaultNo");
    const answer = await this.ask(() =>
      input(
        {
          message: `${t(p.key, p.vars)} ${hint}`,
          validate: (v: string) => (yesOrNo(v, p.default) === undefined ? t("common.answerYesOrNo") : true),
        },
        this.context(),
      ),
    );
    return yesOrNo(answer, p.default) ?? false;
  }

  /** A destructive confirmation: the user types an exact token (e.g. DELETE). --yes confirms. */
  async typed(p: TypedPrompt): Promise<boolean> {
    const preset = this.unattended({ ...p, default: true });
    if (preset !== undefined) return preset;
    const answer = await this.ask(() =>
      input({ message: t(p.key, { ...p.vars, token: p.token }) }, this.context()),
    );
    return answer.trim() === p.token;
  }

  /** Waits for Enter (learning moments). */
  async pause(): Promise<void> {
    await this.ask(() => input({ message: t("common.pressEnter") }, this.context()));
  }
}
