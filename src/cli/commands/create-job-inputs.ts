/**
 * The answers `iotdm create-job` needs, each from its flag, else a question (asked again when
 * wrong), else its default under --yes. Groups are picked by number or by name; versions must
 * exist and be deployable (JOB-3); numbers must be within what CreateJob accepts (JOB-2).
 */
import { readFileSync } from "node:fs";
import { UsageError } from "../../io/errors.js";
import type { IoHost } from "../../io/host.js";
import { type MessageKey, t } from "../../io/i18n.js";
import { input, oneOf, type Parsed } from "../../io/input.js";
import { customDocument, documentProblem, JOB_ID, type JobKind } from "../../workshop/jobs/config.js";
import { DEPLOYABLE, type VersionView } from "../../workshop/jobs/create.js";
import type { TargetFlags } from "../session.js";

export interface CreateJobFlags extends TargetFlags {
  jobType?: string;
  thingGroups?: string;
  package?: string;
  packageVersion?: string;
  jobId?: string;
  description?: string;
  document?: string;
  documentFile?: string;
  operation?: string;
  advanced?: boolean;
  targetSelection?: string;
  maxPerMinute?: string;
  exponentialBase?: string;
  exponentialFactor?: string;
  exponentialNotified?: string;
  exponentialSucceeded?: string;
  abortFailureType?: string;
  abortThresholdPercent?: string;
  abortMinExecuted?: string;
  timeoutMinutes?: string;
  retries?: string;
  retryFailureType?: string;
}

/** The choices of create-job: any case (`snapshot`, `timed_out`), answered in AWS's. */
export const choiceOf = <T extends string>(values: readonly T[]) =>
  oneOf(values, "jobs.create.badChoice", { ignoreCase: true });

const DOCUMENT_PROBLEMS: Record<NonNullable<ReturnType<typeof documentProblem>>, MessageKey> = {
  notJson: "jobs.create.document.notJson",
  notObject: "jobs.create.document.notObject",
  tooLong: "jobs.create.document.tooLong",
};

export function jobKind(host: IoHost, given: string | undefined): Promise<JobKind> {
  return input(host, {
    flag: "--job-type",
    given,
    parse: choiceOf(["ota", "custom"] as const),
    prompt: { key: "jobs.create.type.prompt" },
    default: "ota",
    choices: [
      { value: "ota" as const, label: t("jobs.create.type.ota") },
      { value: "custom" as const, label: t("jobs.create.type.custom") },
    ],
  });
}

/** Groups by number (as listed) or by name, comma-separated, each once. */
export function parseGroups(available: string[]) {
  return (raw: string): Parsed<string[]> => {
    const picked: string[] = [];
    const unknown: string[] = [];
    for (const item of raw
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "")) {
      const n = /^\d+$/.test(item) ? Number(item) : undefined;
      const name = n !== undefined ? available[n - 1] : available.find((g) => g === item);
      if (name === undefined) unknown.push(item);
      else if (!picked.includes(name)) picked.push(name);
    }
    if (unknown.length > 0)
      return {
        problem: {
          key: "jobs.create.groups.unknown",
          vars: { items: unknown.join(", "), count: available.length },
        },
      };
    return picked.length === 0 ? { problem: { key: "jobs.create.groups.none" } } : { value: picked };
  };
}

export async function thingGroups(
  host: IoHost,
  given: string | undefined,
  available: string[],
): Promise<string[]> {
  if (given === undefined) {
    host.say("step", "jobs.create.groups.available", { count: available.length });
    available.forEach((g, i) => host.line("plain", `  ${String(i + 1).padStart(3)}. ${g}`));
  }
  return input(host, {
    flag: "--thing-groups",
    given,
    parse: parseGroups(available),
    prompt: { key: "jobs.create.groups.prompt" },
    // Unattended, a job goes to every group the fleet has: what the tour and a script want.
    default: available.join(","),
  });
}

export function packageName(host: IoHost, given: string | undefined, available: string[]): Promise<string> {
  return input(host, {
    flag: "--package",
    given,
    parse: (raw): Parsed<string> =>
      available.includes(raw.trim())
        ? { value: raw.trim() }
        : {
            problem: { key: "jobs.create.package.unknown", vars: { name: raw, names: available.join(", ") } },
          },
    prompt: { key: "jobs.create.package.prompt" },
    default: available[0],
    choices: available.map((p) => ({ value: p, label: p })),
  });
}

export function packageVersion(
  host: IoHost,
  given: string | undefined,
  packageName: string,
  versions: VersionView[],
): Promise<string> {
  if (given === undefined)
    for (const v of versions)
      host.say(DEPLOYABLE.has(v.status) ? "plain" : "detail", "jobs.create.version.line", {
        version: v.version,
        status: v.status,
        created: v.created?.toISOString().slice(0, 19) ?? "-",
      });
  const deployable = versions.filter((v) => DEPLOYABLE.has(v.status));
  return input(host, {
    flag: "--package-version",
    given,
    parse: (raw): Parsed<string> => {
      const found = versions.find((v) => v.version === raw.trim());
      if (!found)
        return {
          problem: {
            key: "jobs.create.version.unknown",
            vars: {
              version: raw,
              package: packageName,
              versions: versions.map((v) => v.version).join(", ") || "-",
            },
          },
        };
      if (!DEPLOYABLE.has(found.status))
        return {
          problem: {
            key: "jobs.create.version.notDeployable",
            vars: { version: found.version, status: found.status },
          },
        };
      return { value: found.version };
    },
    prompt: { key: "jobs.create.version.prompt" },
    // The newest deployable version: the one a rollout is usually about.
    default: deployable.at(-1)?.version,
  });
}

export async function customJobDocument(host: IoHost, flags: CreateJobFlags): Promise<string> {
  const given = flags.documentFile !== undefined ? readDocumentFile(flags.documentFile) : flags.document;
  const text = await input(host, {
    flag: flags.documentFile !== undefined ? "--document-file" : "--document",
    given,
    parse: (raw): Parsed<string> => {
      if (raw.trim() === "") return { value: "" };
      const problem = documentProblem(raw);
      return problem ? { problem: { key: DOCUMENT_PROBLEMS[problem] } } : { value: raw };
    },
    prompt: { key: "jobs.create.document.prompt" },
    default: "",
  });
  if (text !== "") return text;
  const operation = await input(host, {
    flag: "--operation",
    given: flags.operation,
    parse: (raw): Parsed<string> => ({ value: raw.trim() || "customOperation" }),
    prompt: { key: "jobs.create.document.operation" },
    default: "customOperation",
  });
  return JSON.stringify(customDocument(operation));
}

function readDocumentFile(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(t("jobs.create.document.unreadable", { path, message: (e as Error).message }));
  }
}

export function jobId(host: IoHost, given: string | undefined, suggested: string): Promise<string> {
  return input(host, {
    flag: "--job-id",
    given,
    parse: (raw): Parsed<string> =>
      JOB_ID.test(raw.trim())
        ? { value: raw.trim() }
        : { problem: { key: "jobs.create.badJobId", vars: { id: raw } } },
    prompt: { key: "jobs.create.jobIdPrompt" },
    default: suggested,
  });
}

export function description(host: IoHost, given: string | undefined, suggested: string): Promise<string> {
  return input(host, {
    flag: "--description",
    given,
    parse: (raw): Parsed<string> =>
      raw.length <= 2028
        ? { value: raw.trim() || suggested }
        : { problem: { key: "jobs.create.descriptionTooLong" } },
    prompt: { key: "jobs.create.descriptionPrompt" },
    default: suggested,
  });
}
