/**
 * IAM storage layout and the lookup other services use to check the roles they are given
 * (IAM-8: SetV2LoggingOptions, package configuration, bulk registration...).
 * Roles are account-global (PROTO-4): scope = account id.
 */
import type { Store } from "../../storage/store.js";

export const IAM_KIND = {
  /** id = role name lower-cased (names are unique case-insensitively, IAM-1) */
  role: "iam.role",
  /** id = `<roleName lower-cased>/<policyName>` */
  rolePolicy: "iam.rolePolicy",
  /** id = policy ARN */
  managedPolicy: "iam.policy",
} as const;

export const IAM_RELATION = {
  /** a = role name lower-cased, b = managed policy ARN */
  attachedPolicies: "iam.attachedPolicies",
} as const;

export interface RoleDoc {
  Path: string;
  RoleName: string;
  RoleId: string;
  Arn: string;
  /** ISO-8601 */
  CreateDate: string;
  /** The trust policy as sent (JSON text, already URL-decoded). */
  AssumeRolePolicyDocument: string;
  Description?: string;
  MaxSessionDuration: number;
  PermissionsBoundary?: { PermissionsBoundaryType?: string; PermissionsBoundaryArn?: string };
  Tags: Array<{ Key: string; Value: string }>;
}

export function findRoleByName(store: Store, accountId: string, roleName: string): RoleDoc | undefined {
  return store.collection<RoleDoc>(accountId, IAM_KIND.role).get(roleName.toLowerCase());
}

/** The role an ARN `arn:aws:iam::<account>:role[/path/]<name>` names, if it exists. */
export function findRoleByArn(store: Store, roleArn: string): RoleDoc | undefined {
  const m = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(roleArn);
  if (!m) return undefined;
  const role = findRoleByName(store, m[1], m[2]);
  return role && role.Arn === roleArn ? role : undefined;
}

/** Whether the role's trust policy lets `servicePrincipal` (e.g. `iot.amazonaws.com`) assume it. */
export function roleTrusts(role: RoleDoc, servicePrincipal: string): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(role.AssumeRolePolicyDocument);
  } catch {
    return false;
  }
  const statements = (doc as { Statement?: unknown }).Statement;
  const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
  return list.some((s) => {
    const st = s as {
      Effect?: string;
      Principal?: { Service?: string | string[] } | string;
      Action?: string | string[];
    };
    if (st.Effect !== "Allow") return false;
    const actions = Array.isArray(st.Action) ? st.Action : [st.Action];
    if (!actions.some((a) => a === "sts:AssumeRole" || a === "sts:*" || a === "*")) return false;
    if (st.Principal === "*") return true;
    const svc = typeof st.Principal === "object" ? st.Principal.Service : undefined;
    const services = Array.isArray(svc) ? svc : [svc];
    return services.includes(servicePrincipal);
  });
}
