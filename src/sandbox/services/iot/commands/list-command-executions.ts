import type {
  ListCommandExecutionsRequest,
  ListCommandExecutionsResponse,
  TimeFilter,
} from "@aws-sdk/client-iot";
import { defineOperation } from "../../types.js";
import {
  executionStatus,
  maxResults,
  namespace,
  sortOrder,
  targetArn,
  timeFilterConstraints,
} from "./constraints.js";
import { commandIdOfArn, commands, type ExecutionDoc, executions, validation } from "./model.js";
import { allOf, sortedPage } from "./sorted-page.js";
import { executionSummary } from "./views.js";

/** Emulator choice: the default page size of ListCommands (25). */
const DEFAULT_MAX_RESULTS = 25;

/**
 * `yyyy-MM-dd'T'HH:mm` (the documented form), read as UTC; seconds, fractions and a `Z` are
 * accepted too (emulator choice). Anything else → 400.
 */
const STRING_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?Z?$/;

function parseTime(value: string, member: string): number {
  const m = STRING_DATE_TIME.exec(value);
  const ms = m ? Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}Z`) : Number.NaN;
  if (!Number.isFinite(ms))
    throw validation(`${member} must be a date and time of the form yyyy-MM-dd'T'HH:mm: '${value}'`);
  return ms;
}

/** A time filter as an inclusive [after, before] range of epoch ms. */
function rangeOf(filter: TimeFilter, member: string): { after: number; before: number } {
  return {
    after: filter.after === undefined ? -Infinity : parseTime(filter.after, `${member}.after`),
    before: filter.before === undefined ? Infinity : parseTime(filter.before, `${member}.before`),
  };
}

/**
 * CMD-9: filters by target or command (not both), status, namespace, and started or completed
 * time (not both); sorted by that time (creation time without a filter), DESCENDING unless asked.
 * An execution not started yet counts as started when created (emulator choice: a history by
 * start time then shows the commands no device answered).
 */
export const listCommandExecutions = defineOperation<
  ListCommandExecutionsRequest,
  ListCommandExecutionsResponse
>({
  name: "ListCommandExecutions",
  validationError: "ValidationException",
  constraints: {
    maxResults,
    namespace,
    status: executionStatus,
    sortOrder,
    ...timeFilterConstraints("startedTimeFilter"),
    ...timeFilterConstraints("completedTimeFilter"),
    targetArn,
  },
  handler: (input, ctx) => {
    if (input.startedTimeFilter !== undefined && input.completedTimeFilter !== undefined)
      throw validation("Only one of startedTimeFilter and completedTimeFilter can be given.");
    if (input.targetArn !== undefined && input.commandArn !== undefined)
      throw validation("Only one of targetArn and commandArn can be given.");
    if (input.commandArn !== undefined && commandIdOfArn(ctx, input.commandArn) === undefined)
      throw validation(`commandArn is not a command ARN of this account and region: '${input.commandArn}'`);
    const timeOf: (e: ExecutionDoc) => number | undefined =
      input.completedTimeFilter !== undefined
        ? (e) => e.completedAt
        : input.startedTimeFilter !== undefined
          ? (e) => e.startedAt ?? e.createdAt
          : (e) => e.createdAt;
    const window = input.completedTimeFilter
      ? rangeOf(input.completedTimeFilter, "completedTimeFilter")
      : input.startedTimeFilter
        ? rangeOf(input.startedTimeFilter, "startedTimeFilter")
        : { after: -Infinity, before: Infinity };
    const namespaceOf = (e: ExecutionDoc) => commands(ctx).get(e.commandId)?.namespace ?? "AWS-IoT";
    const c = executions(ctx);
    const matching = allOf((o) => c.list(o)).filter((e) => {
      const t = timeOf(e);
      return (
        (input.targetArn === undefined || e.targetArn === input.targetArn) &&
        (input.commandArn === undefined || e.commandArn === input.commandArn) &&
        (input.status === undefined || e.status === input.status) &&
        (input.namespace === undefined || namespaceOf(e) === input.namespace) &&
        t !== undefined &&
        t >= window.after &&
        t <= window.before
      );
    });
    const p = sortedPage(
      matching.map((e) => ({ time: timeOf(e)!, id: e.executionId, doc: e })),
      input.sortOrder ?? "DESCENDING",
      input.nextToken,
      input.maxResults ?? DEFAULT_MAX_RESULTS,
    );
    return { commandExecutions: p.items.map((i) => executionSummary(i.doc)), nextToken: p.nextToken };
  },
});
