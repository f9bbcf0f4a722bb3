/**
 * The three-tier identification (5.5): the workshop tag first, then a naming pattern that
 * matches exactly what iotdm creates (naming.ts, so do not recur), then association
 * with a resource already identified. Anything else is left alone.
 */
import { ListTagsForResourceCommand } from "@aws-sdk/client-iot";
import { ListRoleTagsCommand } from "@aws-sdk/client-iam";
import { GetBucketTaggingCommand } from "@aws-sdk/client-s3";
import { allPages } from "../../aws/parallel.js";
import type { AwsSession } from "../../aws/session.js";
import {
  COUNTRY_GROUP_PATTERN,
  DEFAULT_THING_TYPES,
  firmwareBucketPattern,
  firmwareBucketPrefix,
  thingNamePattern,
  workshopRoleNames,
} from "../naming.js";
import { isWorkshopTagSet, type Tag, WORKSHOP_TAG_KEY, WORKSHOP_TAG_VALUE } from "../tags.js";
import type { Identification } from "./types.js";

export const TAG_EVIDENCE = `${WORKSHOP_TAG_KEY}=${WORKSHOP_TAG_VALUE}`;

/** A naming pattern and how it reads in messages. */
export interface NamePattern {
  label: string;
  matches(name: string): boolean;
}

export function thingsPattern(prefix: string): NamePattern {
  const re = thingNamePattern(prefix);
  return { label: `${prefix}###`, matches: (n) => re.test(n) };
}

export const GROUPS_PATTERN: NamePattern = {
  label: "<CC>_Fleet",
  matches: (n) => COUNTRY_GROUP_PATTERN.test(n),
};

/** Thing types and packages (provision names packages after the thing types). */
export const TYPES_PATTERN: NamePattern = {
  label: DEFAULT_THING_TYPES.join(" | "),
  matches: (n) => DEFAULT_THING_TYPES.includes(n),
};

export function bucketsPattern(region: string): NamePattern {
  const re = firmwareBucketPattern(region);
  return { label: `${firmwareBucketPrefix(region)}-<unix-seconds>`, matches: (n) => re.test(n) };
}

export function rolesPattern(region: string, accountId: string): NamePattern {
  const names = workshopRoleNames(region, accountId);
  return { label: names.join(" | "), matches: (n) => names.includes(n) };
}

/** Tag, then naming; `pattern` undefined where iotdm gives no fixed name (jobs, commands). */
export function identify(
  name: string,
  tags: readonly Tag[] | undefined,
  pattern: NamePattern | undefined,
): Identification {
  if (isWorkshopTagSet(tags)) return { workshop: true, method: "tag", evidence: TAG_EVIDENCE };
  if (pattern?.matches(name)) return { workshop: true, method: "naming", evidence: pattern.label };
  return pattern
    ? { workshop: false, reason: "noTagNoMatch", evidence: pattern.label }
    : { workshop: false, reason: "noTag", evidence: TAG_EVIDENCE };
}

/** Things cannot carry tags: naming only (association then covers their shadows and certificates). */
export function identifyThing(name: string, pattern: NamePattern): Identification {
  return pattern.matches(name)
    ? { workshop: true, method: "naming", evidence: pattern.label }
    : { workshop: false, reason: "noMatch", evidence: pattern.label };
}

interface AwsError {
  name?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const NOT_FOUND = new Set([
  "ResourceNotFoundException",
  "ResourceNotFound",
  "NoSuchEntity",
  "NoSuchEntityException",
  "NoSuchBucket",
  "NotFoundException",
  "NoSuchKey",
]);

export function isNotFound(e: unknown): boolean {
  const err = e as AwsError;
  return NOT_FOUND.has(err.name ?? "") || err.$metadata?.httpStatusCode === 404;
}

/** The target does not offer this operation (the sandbox answers 501 for what it lacks). */
export function isUnavailable(e: unknown): boolean {
  const err = e as AwsError;
  return (
    err.name === "NotImplementedException" ||
    err.name === "NotImplemented" ||
    err.name === "UnknownOperationException" ||
    err.$metadata?.httpStatusCode === 501
  );
}

export function errorText(e: unknown): string {
  const err = e as AwsError;
  return err.name && err.message ? `${err.name}: ${err.message}` : String(e);
}

export async function iotTags(session: AwsSession, resourceArn: string): Promise<Tag[]> {
  const tags = await allPages(
    (nextToken) => session.clients.iot.send(new ListTagsForResourceCommand({ resourceArn, nextToken })),
    (p) => p.tags,
    (p) => p.nextToken,
  );
  return tags.map((x) => ({ Key: x.Key ?? "", Value: x.Value ?? "" }));
}

export async function bucketTags(session: AwsSession, bucket: string): Promise<Tag[]> {
  try {
    const r = await session.clients.s3.send(new GetBucketTaggingCommand({ Bucket: bucket }));
    return (r.TagSet ?? []).map((x) => ({ Key: x.Key ?? "", Value: x.Value ?? "" }));
  } catch (e) {
    if ((e as AwsError).name === "NoSuchTagSet") return [];
    throw e;
  }
}

export async function roleTags(session: AwsSession, roleName: string): Promise<Tag[]> {
  const tags = await allPages(
    (Marker) => session.clients.iam.send(new ListRoleTagsCommand({ RoleName: roleName, Marker })),
    (p) => p.Tags,
    (p) => (p.IsTruncated ? p.Marker : undefined),
  );
  return tags.map((x) => ({ Key: x.Key ?? "", Value: x.Value ?? "" }));
}
