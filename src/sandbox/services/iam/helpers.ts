/**
 * Shared by the IAM handlers: storage access (layout in lookup.ts), ids (ID-3), the
 * URL-encoding of returned documents (QRY-4), role views, tags (IAM-5) and Marker paging.
 */
import { randomInt } from "node:crypto";
import type { AttachedPolicy, Role, Tag } from "@aws-sdk/client-iam";
import { ServiceError } from "../../errors.js";
import type { Constraint } from "../../protocol/validate.js";
import { len, range } from "../../protocol/validate.js";
import type { Collection, Relation } from "../../storage/store.js";
import type { OperationContext } from "../types.js";
import { IAM_KIND, IAM_RELATION, type RoleDoc } from "./lookup.js";
import { type PolicyKind, policyDocumentProblem } from "./policy-document.js";

/** Inline role policy, id `<roleName lower-cased>/<PolicyName>` (IAM-3). */
export interface RolePolicyDoc {
  RoleName: string;
  PolicyName: string;
  /** JSON text as sent (URL-decoded). */
  PolicyDocument: string;
}

/** Customer managed policy, id = its ARN (IAM-6). A single version, `v1`. */
export interface ManagedPolicyDoc {
  PolicyName: string;
  PolicyId: string;
  Arn: string;
  Path: string;
  Description?: string;
  CreateDate: string;
  UpdateDate: string;
  Document: string;
  Tags: Array<{ Key: string; Value: string }>;
}

/** Constraint values of the IAM model shared by many operations. */
export const C = {
  roleName: len(1, 64, "^[\\w+=,.@-]+$"),
  policyName: len(1, 128, "^[\\w+=,.@-]+$"),
  policyDocument: len(1, 131072, "^[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+$"),
  arn: len(20, 2048),
  marker: len(1, 320, "^[\\u0020-\\u00FF]+$"),
  maxItems: range(1, 1000),
  rolePath: len(1, 512, "^(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)$"),
  policyPath: len(1, 512, "^((/[A-Za-z0-9\\.,\\+@=_-]+)*)/$"),
  description: len(0, 1000, "^[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*$"),
  maxSessionDuration: range(3600, 43200),
  tagKey: len(1, 128, "^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+$"),
  tagValue: len(0, 256, "^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$"),
} satisfies Record<string, Constraint>;

export const roles = (ctx: OperationContext): Collection<RoleDoc> =>
  ctx.store.collection<RoleDoc>(ctx.scope.accountId, IAM_KIND.role);
export const rolePolicies = (ctx: OperationContext): Collection<RolePolicyDoc> =>
  ctx.store.collection<RolePolicyDoc>(ctx.scope.accountId, IAM_KIND.rolePolicy);
export const managedPolicies = (ctx: OperationContext): Collection<ManagedPolicyDoc> =>
  ctx.store.collection<ManagedPolicyDoc>(ctx.scope.accountId, IAM_KIND.managedPolicy);
export const attachedPolicies = (ctx: OperationContext): Relation =>
  ctx.store.relation(ctx.scope.accountId, IAM_RELATION.attachedPolicies);

export const roleKey = (roleName: string): string => roleName.toLowerCase();
export const rolePolicyPrefix = (roleName: string): string => `${roleKey(roleName)}/`;

export const noSuchEntity = (message: string) => new ServiceError("NoSuchEntity", message);

/** IAM-2: the role, or 404 NoSuchEntity with IAM's message. */
export function requireRole(ctx: OperationContext, roleName: string): RoleDoc {
  const role = roles(ctx).get(roleKey(roleName));
  if (!role) throw noSuchEntity(`The role with name ${roleName} cannot be found.`);
  return role;
}

/** IAM-3: the inline policy of an existing role, or 404 NoSuchEntity. */
export function requireRolePolicy(
  ctx: OperationContext,
  roleName: string,
  policyName: string,
): RolePolicyDoc {
  const role = requireRole(ctx, roleName);
  const policy = rolePolicies(ctx).get(rolePolicyPrefix(role.RoleName) + policyName);
  if (!policy) throw noSuchEntity(`The role policy with name ${policyName} cannot be found.`);
  return policy;
}

/** ID-3: a prefix (`AROA` roles, `ANPA` policies) followed by 17 uppercase alphanumerics. */
export function newUniqueId(prefix: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  let id = prefix;
  for (let i = 0; i < 17; i++) id += alphabet[randomInt(alphabet.length)];
  return id;
}

/** IAM timestamps have a one-second resolution. */
export function iamNow(ctx: OperationContext): string {
  const now = ctx.clock.now();
  now.setUTCMilliseconds(0);
  return now.toISOString();
}

/** QRY-4: documents are returned URL-encoded (RFC 3986) inside the XML text. */
export const encodeDocument = (document: string): string => encodeURIComponent(document);

/** Throws 400 MalformedPolicyDocument unless the text is a policy of that kind. */
export function checkPolicyDocument(document: string, kind: PolicyKind): void {
  const problem = policyDocumentProblem(document, kind);
  if (problem) throw new ServiceError("MalformedPolicyDocument", problem);
}

/**
 * Path `/` or `/a/b/`: the modelled pattern is looser than what IAM enforces, so the
 * begin-and-end-with-slash rule is checked here.
 */
export function checkPath(path: string): void {
  if (!/^\/(?:[\u0021-\u007E]*\/)?$/.test(path))
    throw new ServiceError(
      "ValidationError",
      "The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.",
    );
}

export type RoleView = "create" | "get" | "list";

/** The Role structure as each operation returns it (ListRoles omits tags, boundary and last use). */
export function roleOutput(role: RoleDoc, view: RoleView): Role {
  const out: Role = {
    Path: role.Path,
    RoleName: role.RoleName,
    RoleId: role.RoleId,
    Arn: role.Arn,
    CreateDate: new Date(role.CreateDate),
    AssumeRolePolicyDocument: encodeDocument(role.AssumeRolePolicyDocument),
    Description: role.Description,
    MaxSessionDuration: role.MaxSessionDuration,
  };
  if (view === "list") return out;
  if (role.PermissionsBoundary)
    out.PermissionsBoundary = role.PermissionsBoundary as Role["PermissionsBoundary"];
  if (role.Tags.length > 0) out.Tags = role.Tags;
  if (view === "get") out.RoleLastUsed = {};
  return out;
}

/**
 * IAM-5: adds or overwrites tags. Keys are unique case-insensitively on IAM roles and
 * policies; `aws:` is reserved; 50 at most.
 */
export function mergeTags(existing: Array<{ Key: string; Value: string }>, added: Tag[] | undefined) {
  const seen = new Set<string>();
  const merged = new Map(existing.map((t) => [t.Key.toLowerCase(), t]));
  for (const t of added ?? []) {
    const key = t.Key ?? "";
    const lower = key.toLowerCase();
    if (seen.has(lower))
      throw new ServiceError(
        "InvalidInput",
        "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
      );
    seen.add(lower);
    if (lower.startsWith("aws:"))
      throw new ServiceError("InvalidInput", `User-defined tag keys can't start with 'aws:' (${key}).`);
    merged.set(lower, { Key: key, Value: t.Value ?? "" });
  }
  if (merged.size > 50)
    throw new ServiceError("LimitExceeded", "The number of tags has reached the maximum limit.");
  return [...merged.values()];
}

export const sortTags = (tags: Array<{ Key: string; Value: string }>) =>
  [...tags].sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0));

export interface IamPage<T> {
  items: T[];
  IsTruncated: boolean;
  Marker?: string;
}

/**
 * One page of a list sorted by `keyOf`: items after the Marker's key, at most MaxItems
 * (default 100), with IsTruncated and the next Marker.
 */
export function iamPage<T>(
  sorted: T[],
  keyOf: (item: T) => string,
  marker: string | undefined,
  maxItems: number | undefined,
): IamPage<T> {
  const after = marker === undefined ? undefined : decodeMarker(marker);
  const rest = after === undefined ? sorted : sorted.filter((item) => keyOf(item) > after);
  const max = maxItems ?? 100;
  if (rest.length <= max) return { items: rest, IsTruncated: false };
  const items = rest.slice(0, max);
  return { items, IsTruncated: true, Marker: encodeMarker(keyOf(items[items.length - 1])) };
}

const encodeMarker = (key: string): string => Buffer.from(key, "utf8").toString("base64");

function decodeMarker(marker: string): string {
  const key = Buffer.from(marker, "base64").toString("utf8");
  if (key.length === 0 || encodeMarker(key) !== marker)
    throw new ServiceError("ValidationError", "Invalid Marker.");
  return key;
}

const AWS_MANAGED_ARN = /^arn:aws:iam::aws:policy((?:\/[\u0021-\u007E]+)*\/)([\w+=,.@-]+)$/;
const CUSTOMER_ARN = /^arn:aws:iam::(\d{12}):policy((?:\/[\u0021-\u007E]+)*\/)([\w+=,.@-]+)$/;

export const customerPolicyArn = (accountId: string, path: string, name: string): string =>
  `arn:aws:iam::${accountId}:policy${path}${name}`;

/** The name and path a managed policy ARN designates, or undefined when it is not one. */
export function parsePolicyArn(arn: string): { name: string; path: string; awsManaged: boolean } | undefined {
  const aws = AWS_MANAGED_ARN.exec(arn);
  if (aws) return { path: aws[1], name: aws[2], awsManaged: true };
  const customer = CUSTOMER_ARN.exec(arn);
  if (customer) return { path: customer[2], name: customer[3], awsManaged: false };
  return undefined;
}

/** Throws 400 InvalidInput unless the text is a managed policy ARN. */
export function requirePolicyArn(arn: string): { name: string; path: string; awsManaged: boolean } {
  const parsed = parsePolicyArn(arn);
  if (!parsed) throw new ServiceError("InvalidInput", `ARN ${arn} is not valid.`);
  return parsed;
}

/**
 * IAM-6: a managed policy that exists: a customer policy created in this account, or an
 * AWS managed one (`arn:aws:iam::aws:policy/...`, treated as existing).
 */
export function findManagedPolicy(ctx: OperationContext, arn: string): AttachedPolicy | undefined {
  const parsed = parsePolicyArn(arn);
  if (!parsed) return undefined;
  if (parsed.awsManaged) return { PolicyName: parsed.name, PolicyArn: arn };
  const doc = managedPolicies(ctx).get(arn);
  return doc ? { PolicyName: doc.PolicyName, PolicyArn: doc.Arn } : undefined;
}
