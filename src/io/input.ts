/**
 * The one way a command gets an input that has a flag (every command uses it): the flag's
 * value, parsed, or a usage error naming the flag; else a prompt that asks again on an
 * invalid answer, with the same parser; else the default under --yes; else, without a
 * terminal, a usage error naming the flag. Parsers say what is wrong as a catalog message.
 */
import { UsageError } from "./errors.js";
import type { IoHost } from "./host.js";
import { type MessageVars, t } from "./i18n.js";
import type { MessageKey } from "./message-keys.js";
import type { Choice } from "./prompts.js";

export interface Problem {
  key: MessageKey;
  vars?: MessageVars;
}

export type Parsed<T> = { value: T } | { problem: Problem };

const problemOf = <T>(p: Parsed<T>): Problem | undefined => ("problem" in p ? p.problem : undefined);

export interface InputSpec<T> {
  /** The flag that gives this input, named in usage errors. */
  flag: string;
  /** The flag's raw value; undefined when it was not given. */
  given: string | undefined;
  parse: (raw: string) => Parsed<T>;
  /** The question; without one the input comes from the flag or the default only. */
  prompt?: { key: MessageKey; vars?: MessageVars };
  /** Raw default: taken under --yes, on an empty answer, and when there is no question. */
  default?: string;
  /** A menu of parsed values instead of a typed answer. */
  choices?: Array<Choice<T>>;
}

function valueOf<T>(flag: string, parsed: Parsed<T>): T {
  if ("problem" in parsed)
    throw new UsageError(
      t("common.flagProblem", { flag, problem: t(parsed.problem.key, parsed.problem.vars) }),
    );
  return parsed.value;
}

/**
 * A parser that accepts one of `values` (given back as written there), else the problem `key`
 * with the value and the accepted values; `ignoreCase` also takes `Snapshot` for `SNAPSHOT`.
 */
export const oneOf =
  <T extends string>(values: readonly T[], key: MessageKey, opts: { ignoreCase?: boolean } = {}) =>
  (raw: string): Parsed<T> => {
    const same = opts.ignoreCase
      ? (v: string) => v.toLowerCase() === raw.trim().toLowerCase()
      : (v: string) => v === raw;
    const found = values.find(same);
    return found !== undefined
      ? { value: found }
      : { problem: { key, vars: { value: raw, values: values.join(", ") } } };
  };

/** A flag's value, parsed; a usage error naming the flag when it is wrong. Undefined when not given. */
export function fromFlag<T>(flag: string, given: string | undefined, parse: (raw: string) => Parsed<T>) {
  return given === undefined ? undefined : valueOf(flag, parse(given));
}

export async function input<T>(host: IoHost, spec: InputSpec<T>): Promise<T> {
  if (spec.given !== undefined) return valueOf(spec.flag, spec.parse(spec.given));
  const fallback = spec.default;
  if (!spec.prompt) {
    if (fallback === undefined) throw new UsageError(t("common.noDefault", { flag: spec.flag }));
    return valueOf(spec.flag, spec.parse(fallback));
  }
  const parseAnswer = (raw: string) => spec.parse(raw === "" && fallback !== undefined ? fallback : raw);
  let value: T;
  if (spec.choices) {
    const preset = fallback === undefined ? undefined : valueOf(spec.flag, spec.parse(fallback));
    value = await host.prompts.select<T>({
      ...spec.prompt,
      flag: spec.flag,
      default: preset,
      choices: spec.choices,
    });
  } else {
    const answer = await host.prompts.text({
      ...spec.prompt,
      flag: spec.flag,
      default: fallback,
      validate: (raw) => problemOf(parseAnswer(raw)),
    });
    value = valueOf(spec.flag, parseAnswer(answer));
  }
  // An answered prompt shows what was chosen; an unattended run says which default it took.
  if (host.yes) {
    const label = spec.choices?.find((c) => c.value === value)?.label ?? fallback;
    host.say("success", "common.usingDefault", { flag: spec.flag, value: label || "-" });
  }
  return value;
}
