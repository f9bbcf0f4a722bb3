/**
 * The ways a command can stop short, each with its exit code (cli/main.ts maps them):
 * a wrong flag value or missing input (2), a declined confirmation (1), Ctrl-C (130), and
 * failures whose explanation is a catalog message (1). They live in io/ because prompts
 * raise them as much as commands do.
 */
import { type MessageVars, t } from "./i18n.js";
import type { MessageKey } from "./message-keys.js";

/** A wrong flag value or missing input: exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Ctrl-C (or Escape) at a prompt: exit code 130, like an interrupt anywhere else. */
export class PromptCancelled extends Error {
  override readonly name = "Interrupted";
}

/** A confirmation answered "no" (or a mistyped DELETE): exit code 1, nothing was changed. */
export class Declined extends Error {
  override readonly name = "Declined";
}

/** A failure the user can fix, explained by a catalog message; `code` names it under --json. */
export class ExplainedError extends Error {
  constructor(
    readonly code: string,
    key: MessageKey,
    vars: MessageVars = {},
  ) {
    super(t(key, vars));
    this.name = code;
  }
}
