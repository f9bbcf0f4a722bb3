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
import { type CreateJobFlags, oneOf } from "./create-job-inputs.js";

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
  const ask =
    fromFlags ||
    flags.advanced === true ||
    (!host.yes &&
      host.interactive &&
      (await host.prompts.confirm({
        key: "jobs.create.advanced.prompt",
        flag: "--advanced",
        default: false,
      })));
  // Without advanced settings, every setting takes its default ("not set"): no question is asked.
  const value = <T>(
    flag: string,
    given: string | undefined,
    parse: (raw: string) => Parsed<T>,
    key: MessageKey,
  ) =>
    input(host, {
      flag,
      given: given ?? (ask && !fromFlags ? undefined : ""),
      parse,
      prompt: { key },
      default: "",
    });
  const targetSelection = await input(host, {
    flag: "--target-selection",
    given: flags.targetSelection ?? (ask && !fromFlags ? undefined : "continuous"),
    parse: oneOf(["CONTINUOUS", "SNAPSHOT"] as const),
    prompt: { key: "jobs.create.advanced.targetSelection" },
    default: "continuous",
    choices: [
      { value: "CONTINUOUS" as TargetSelection, label: t("jobs.create.advanced.continuous") },
      { value: "SNAPSHOT" as TargetSelection, label: t("jobs.create.advanced.snapshot") },
    ],
  });
  const maxPerMinute = await value(
    "--max-per-minute",
    flags.maxPerMinute,
    ranged("maxPerMinute", true),
    "jobs.create.advanced.maxPerMinute",
  );
  const base = await value(
    "--exponential-base",
    flags.exponentialBase,
    ranged("baseRatePerMinute", true),
    "jobs.create.advanced.exponentialBase",
  );
  let rollout: Rollout | undefined = maxPerMinute !== undefined ? { kind: "rate", maxPerMinute } : undefined;
  if (base !== undefined) {
    const factor = await value(
      "--exponential-factor",
      flags.exponentialFactor ?? (ask && !fromFlags ? undefined : "2"),
      ranged("incrementFactor"),
      "jobs.create.advanced.exponentialFactor",
    );
    const notified = await value(
      "--exponential-notified",
      flags.exponentialNotified,
      ranged("notifiedThings", true),
      "jobs.create.advanced.exponentialNotified",
    );
    const succeeded = await value(
      "--exponential-succeeded",
      flags.exponentialSucceeded,
      ranged("succeededThings", true),
      "jobs.create.advanced.exponentialSucceeded",
    );
    // AWS needs an increase criterion; when none is given, the rollout grows every `base` notifications.
    rollout = {
      kind: "exponential",
      baseRatePerMinute: base,
      incrementFactor: factor ?? 2,
      notifiedThings: notified ?? (succeeded === undefined ? base : undefined),
      succeededThings: succeeded,
    };
  }
  const threshold = await value(
    "--abort-threshold-percent",
    flags.abortThresholdPercent,
    ranged("thresholdPercent", true),
    "jobs.create.advanced.abortThreshold",
  );
  const abort =
    threshold === undefined
      ? undefined
      : {
          thresholdPercent: threshold,
          minExecuted:
            (await value(
              "--abort-min-executed",
              flags.abortMinExecuted ?? (ask && !fromFlags ? undefined : "5"),
              ranged("minExecuted"),
              "jobs.create.advanced.abortMinExecuted",
            )) ?? 5,
          failureType: await input(host, {
            flag: "--abort-failure-type",
            given: flags.abortFailureType ?? (ask && !fromFlags ? undefined : "FAILED"),
            parse: oneOf(ABORT_FAILURE_TYPES),
            prompt: { key: "jobs.create.advanced.abortFailureType" },
            default: "FAILED",
            choices: ABORT_FAILURE_TYPES.map((f) => ({ value: f, label: f })),
          }),
        };
  const timeoutMinutes = await value(
    "--timeout-minutes",
    flags.timeoutMinutes,
    ranged("timeoutMinutes", true),
    "jobs.create.advanced.timeoutMinutes",
  );
  const retries = await value(
    "--retries",
    flags.retries,
    ranged("retries", true),
    "jobs.create.advanced.retries",
  );
  const retry =
    retries === undefined
      ? undefined
      : {
          retries,
          failureType: await input(host, {
            flag: "--retry-failure-type",
            given: flags.retryFailureType ?? (ask && !fromFlags ? undefined : "FAILED"),
            parse: oneOf(RETRY_FAILURE_TYPES),
            prompt: { key: "jobs.create.advanced.retryFailureType" },
            default: "FAILED",
            choices: RETRY_FAILURE_TYPES.map((f) => ({ value: f, label: f })),
          }),
        };
  return { targetSelection, rollout, abort, timeoutMinutes, retry };
}
