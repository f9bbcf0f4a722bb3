/**
 * Shared by every IoT control-plane handler: ARNs (ID-2), storage layout (collection kinds
 * and relations), tags (TAG-1) and pagination tokens.
 */
import { ServiceError } from "../../errors.js";
import { copyRecord } from "../../records.js";
import type { Collection, Relation } from "../../storage/store.js";
import type { OperationContext } from "../types.js";

/** Collection kinds of the IoT control plane, within the scope `<account>:<region>`. */
export const KIND = {
  thing: "iot.thing",
  thingType: "iot.thingType",
  thingGroup: "iot.thingGroup",
  certificate: "iot.certificate",
  policy: "iot.policy",
  package: "iot.package",
  /** id = `<packageName>/<versionName>` */
  packageVersion: "iot.packageVersion",
  /** id = rule name */
  topicRule: "iot.topicRule",
  /** id = resource ARN; doc = Record<key, value> */
  tags: "iot.tags",
  /** singletons by id: `indexing`, `logging`, `packageConfiguration`, `endpointPrefix` */
  settings: "iot.settings",
  /** id = job id (jobs/model.ts) */
  job: "iot.job",
  /** id = job id; doc = the job document text (kept apart so counter updates stay small) */
  jobDocument: "iot.jobDocument",
  /** id = `<jobId>/<thingName>`: the latest execution of the job on the thing */
  jobExecution: "iot.jobExecution",
  /** id = `<jobId>/<thingName>/<executionNumber, 10 digits>`: executions superseded by a newer one */
  jobExecutionHistory: "iot.jobExecutionHistory",
  /** id = job id: things still waiting for their execution under a rollout rate (jobs/rollout.ts) */
  jobRollout: "iot.jobRollout",
  /** id = job template id */
  jobTemplate: "iot.jobTemplate",
  /** id = command id (commands/model.ts) */
  command: "iot.command",
  /** id = command execution id */
  commandExecution: "iot.commandExecution",
  /** id = StartCommandExecution's clientToken */
  commandClientToken: "iot.commandClientToken",
} as const;

/** Relations within the scope `<account>:<region>`. */
export const RELATION = {
  /** a = thing group name, b = thing name (static membership) */
  groupMembers: "iot.groupMembers",
  /** a = thing name, b = principal ARN (certificate) */
  thingPrincipals: "iot.thingPrincipals",
  /** a = policy name, b = target ARN (certificate) */
  policyTargets: "iot.policyTargets",
  /** a = thing name, b = job id: the jobs that have an execution on the thing */
  thingJobs: "iot.thingJobs",
  /** a = thing group name, b = job id: CONTINUOUS jobs targeting the group (JOB-9) */
  continuousJobGroups: "iot.continuousJobGroups",
} as const;

export const scopeKey = (ctx: OperationContext): string => `${ctx.scope.accountId}:${ctx.scope.region}`;

export function collection<T>(ctx: OperationContext, kind: string): Collection<T> {
  return ctx.store.collection<T>(scopeKey(ctx), kind);
}

export function relation(ctx: OperationContext, kind: string): Relation {
  return ctx.store.relation(scopeKey(ctx), kind);
}

/** `arn:aws:iot:<region>:<account>:<resource>` (ID-2). */
export function iotArn(ctx: OperationContext, resource: string): string {
  return `arn:aws:iot:${ctx.scope.region}:${ctx.scope.accountId}:${resource}`;
}

/** Parses an IoT ARN of this account/region into its resource part, or undefined. */
export function parseIotArn(ctx: OperationContext, arn: string): { type: string; id: string } | undefined {
  const m = /^arn:aws:iot:([^:]*):(\d{12}):([^/]+)\/(.+)$/.exec(arn);
  if (!m || m[1] !== ctx.scope.region || m[2] !== ctx.scope.accountId) return undefined;
  return { type: m[3], id: m[4] };
}

export const notFound = (message: string) => new ServiceError("ResourceNotFoundException", message, {}, 404);
export const invalidRequest = (message: string) =>
  new ServiceError("InvalidRequestException", message, {}, 400);

export interface IotTag {
  Key?: string;
  Value?: string;
}

/** TAG-1: keys 1..128, values 0..256, at most 50, no `aws:` prefix. Throws InvalidRequestException. */
export function checkTags(
  existing: Record<string, string>,
  added: IotTag[] | undefined,
  errorCode = "InvalidRequestException",
): Record<string, string> {
  const merged = copyRecord(existing);
  for (const t of added ?? []) {
    const key = t.Key ?? "";
    if (key.length < 1 || key.length > 128)
      throw new ServiceError(errorCode, `Tag key must be 1 to 128 characters: '${key}'`, {}, 400);
    if (key.toLowerCase().startsWith("aws:"))
      throw new ServiceError(errorCode, `Tag keys starting with 'aws:' are reserved: '${key}'`, {}, 400);
    const value = t.Value ?? "";
    if (value.length > 256)
      throw new ServiceError(errorCode, `Tag value must be at most 256 characters (key '${key}')`, {}, 400);
    merged[key] = value;
  }
  if (Object.keys(merged).length > 50)
    throw new ServiceError(errorCode, "A resource can have at most 50 tags", {}, 400);
  return merged;
}

/** Stores tags passed at creation (TAG-1: same storage as TagResource). */
export function putTags(
  ctx: OperationContext,
  arn: string,
  tags: IotTag[] | undefined,
  errorCode?: string,
): void {
  if (!tags || tags.length === 0) return;
  const c = collection<Record<string, string>>(ctx, KIND.tags);
  c.put(arn, checkTags(c.get(arn) ?? {}, tags, errorCode));
}

export function getTags(ctx: OperationContext, arn: string): Record<string, string> {
  return collection<Record<string, string>>(ctx, KIND.tags).get(arn) ?? {};
}

export function deleteTags(ctx: OperationContext, arn: string): void {
  collection<Record<string, string>>(ctx, KIND.tags).delete(arn);
}

/** Opaque pagination tokens: base64url of the last id returned. */
export function encodeToken(lastId: string): string {
  return Buffer.from(JSON.stringify({ after: lastId }), "utf8").toString("base64url");
}

export function decodeToken(
  token: string | undefined,
  errorCode = "InvalidRequestException",
): string | undefined {
  if (token === undefined || token === "") return undefined;
  try {
    const v = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { after?: unknown };
    if (typeof v.after === "string") return v.after;
  } catch {
    // fall through
  }
  throw new ServiceError(errorCode, "The pagination token is invalid", {}, 400);
}

/**
 * One page of a sorted list: items after the token, at most `max`, with the next token iff
 * more remain.
 */
export function page<T>(
  ids: Array<{ id: string; doc: T }>,
  max: number,
): { items: Array<{ id: string; doc: T }>; nextToken?: string } {
  if (ids.length <= max) return { items: ids };
  const items = ids.slice(0, max);
  return { items, nextToken: encodeToken(items[items.length - 1].id) };
}
