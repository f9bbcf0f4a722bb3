/**
 * create-job's advanced settings (JOB-2): from their flags when any is given; else, in a
 * terminal, after a yes to "configure advanced features?", one question per setting. Numbers
 * are checked against the ranges CreateJob accepts.
 */
import type { IoHost } from "../../io/host.js";
import { type MessageKey, t } from "../../io/i18n.js";
import { input, type Parsed } from "../../io/input.js";
import {
  ABORT_FAILURE_TYPES,
  type AdvancedOptions,
  inRange,
  type RangedSetting,
  RETRY_FAILURE_TYPES,
  type Rollout,
  type TargetSelection,
} from "../../workshop/jobs/config.js";
import { choiceOf, type CreateJobFlags } from "./create-job-inputs.js";

const ADVANCED_FLAGS: Array<keyof CreateJobFlags> = [
  "targetSelection",
  "maxPerMinute",
  "exponentialBase",
  "exponentialFactor",
  "exponentialNotified",
  "exponentialSucceeded",
  "abortFailureType",
  "abortThresholdPercent",
  "abortMinExecuted",
  "timeoutMinutes",
  "retries",
  "retryFailureType",
];

const RANGE_PROBLEMS: Record<RangedSetting, MessageKey> = {
  maxPerMinute: "jobs.create.range.maxPerMinute",
  baseRatePerMinute: "jobs.create.range.baseRatePerMinute",
  incrementFactor: "jobs.create.range.incrementFactor",
  notifiedThings: "jobs.create.range.notifiedThings",
  succeededThings: "jobs.create.range.succeededThings",
  thresholdPercent: "jobs.create.range.thresholdPercent",
  minExecuted: "jobs.create.range.minExecuted",
  timeoutMinutes: "jobs.create.range.timeoutMinutes",
  retries: "jobs.create.range.retries",
};

/** A number within a JOB-2 range; empty is "not set" when `optional`. */
const ranged =
  (setting: RangedSetting, optional = false) =>
  (raw: string): Parsed<number | undefined> => {
    if (optional && raw.trim() === "") return { value: undefined };
    const n = inRange(setting, raw);
    return n === undefined
      ? { problem: { key: RANGE_PROBLEMS[setting], vars: { value: raw } } }
      : { value: n };
  };

const advancedGiven = (flags: CreateJobFlags) => ADVANCED_FLAGS.some((f) => flags[f] !== undefined);

/**
 * The advanced settings: from their flags when any is given; else, in a terminal, after a
 * yes to "configure advanced features?", one question per setting (empty = not set).
 */
export async function advancedOptions(host: IoHost, flags: CreateJobFlags): Promise<AdvancedOptions> {
  const fromFlags = advancedGiven(flags);
  const questions =
    !fromFlags &&
    (flags.advanced === true ||
      (!host.yes &&
        host.interactive &&
        (await host.prompts.confirm({
          key: "jobs.create.advanced.prompt",
          flag: "--advanced",
          default: false,
        }))));
  // A setting not given takes its fallback without a question, unless the questions are asked.
  const given = (value: string | undefined, fallback: string) => value ?? (questions ? undefined : fallback);
  /** A number within its JOB-2 range; with an empty fallback, empty means "not set". */
  const number = (
    flag: string,
    value: string | undefined,
    setting: RangedSetting,
    key: MessageKey,
    fallback = "",
  ) =>
    input(host, {
      flag,
      given: given(value, fallback),
      parse: ranged(setting, fallback === ""),
      prompt: { key },
      default: fallback,
    });
  const choice = <T extends string>(
    flag: string,
    value: string | undefined,
    values: readonly T[],
    key: MessageKey,
    labels: Partial<Record<T, string>> = {},
  ) =>
    input(host, {
      flag,
      given: given(value, values[0]),
      parse: choiceOf(values),
      prompt: { key },
      default: values[0],
      choices: values.map((v) => ({ value: v, label: labels[v] ?? v })),
    });

  const targetSelection = await choice<TargetSelection>(
    "--target-selection",
    flags.targetSelection,
    ["CONTINUOUS", "SNAPSHOT"],
    "jobs.create.advanced.targetSelection",
    { CONTINUOUS: t("jobs.create.advanced.continuous"), SNAPSHOT: t("jobs.create.advanced.snapshot") },
  );
  const maxPerMinute = await number(
    "--max-per-minute",
    flags.maxPerMinute,
    "maxPerMinute",
    "jobs.create.advanced.maxPerMinute",
  );
  const base = await number(
    "--exponential-base",
    flags.exponentialBase,
    "baseRatePerMinute",
    "jobs.create.advanced.exponentialBase",
  );
  let rollout: Rollout | undefined = maxPerMinute !== undefined ? { kind: "rate", maxPerMinute } : undefined;
  if (base !== undefined) {
    const factor = await number(
      "--exponential-factor",
      flags.exponentialFactor,
      "incrementFactor",
      "jobs.create.advanced.exponentialFactor",
      "2",
    );
    const notified = await number(
      "--exponential-notified",
      flags.exponentialNotified,
      "notifiedThings",
      "jobs.create.advanced.exponentialNotified",
    );
    const succeeded = await number(
      "--exponential-succeeded",
      flags.exponentialSucceeded,
      "succeededThings",
      "jobs.create.advanced.exponentialSucceeded",
    );
    // AWS needs an increase criterion; when none is given, the rate grows every `base` notifications.
    rollout = {
      kind: "exponential",
      baseRatePerMinute: base,
      incrementFactor: factor ?? 2,
      notifiedThings: notified ?? (succeeded === undefined ? base : undefined),
      succeededThings: succeeded,
    };
  }
  const threshold = await number(
    "--abort-threshold-percent",
    flags.abortThresholdPercent,
    "thresholdPercent",
    "jobs.create.advanced.abortThreshold",
  );
  const abort =
    threshold === undefined
      ? undefined
      : {
          thresholdPercent: threshold,
          minExecuted:
            (await number(
              "--abort-min-executed",
              flags.abortMinExecuted,
              "minExecuted",
              "jobs.create.advanced.abortMinExecuted",
              "5",
            )) ?? 5,
          failureType: await choice(
            "--abort-failure-type",
            flags.abortFailureType,
            ABORT_FAILURE_TYPES,
            "jobs.create.advanced.abortFailureType",
          ),
        };
  const timeoutMinutes = await number(
    "--timeout-minutes",
    flags.timeoutMinutes,
    "timeoutMinutes",
    "jobs.create.advanced.timeoutMinutes",
  );
  const retries = await number("--retries", flags.retries, "retries", "jobs.create.advanced.retries");
  const retry =
    retries === undefined
      ? undefined
      : {
          retries,
          failureType: await choice(
            "--retry-failure-type",
            flags.retryFailureType,
            RETRY_FAILURE_TYPES,
            "jobs.create.advanced.retryFailureType",
          ),
        };
  return { targetSelection, rollout, abort, timeoutMinutes, retry };
}
