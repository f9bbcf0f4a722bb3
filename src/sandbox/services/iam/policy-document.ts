/**
 * The policy grammar IAM checks before storing a document (IAM-1, IAM-3, IAM-6), also used
 * for IoT policies (POL-1). Only the structure is checked; permissions are never evaluated.
 * Messages are the ones IAM answers for the same mistakes.
 */

/**
 * `trust`: role trust policy (needs a principal, no resource); `identity`: inline or managed
 * permissions policy (needs resources, no principal); `iot`: IoT policy (like identity, and
 * actions are not checked for a vendor prefix).
 */
export type PolicyKind = "trust" | "identity" | "iot";

const VERSIONS = new Set(["2012-10-17", "2008-10-17"]);
const TOP_LEVEL = new Set(["Version", "Id", "Statement"]);
const STATEMENT_FIELDS = new Set([
  "Sid",
  "Effect",
  "Principal",
  "NotPrincipal",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Condition",
]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const isStringOrStrings = (v: unknown): v is string | string[] =>
  typeof v === "string" || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string"));

/** Size as IAM counts it for its quotas: characters excluding whitespace. */
export function policySize(document: string): number {
  return document.replace(/\s/g, "").length;
}

/** Returns why the document is not a valid policy of that kind, or undefined when it is. */
export function policyDocumentProblem(document: string, kind: PolicyKind): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return "This policy contains invalid Json";
  }
  if (!isObject(parsed)) return "This policy contains invalid Json";
  for (const key of Object.keys(parsed)) if (!TOP_LEVEL.has(key)) return "Syntax errors in policy.";
  const version = parsed.Version;
  if (version !== undefined && (typeof version !== "string" || !VERSIONS.has(version)))
    return `Invalid policy version: ${JSON.stringify(version)}`;
  const statement = parsed.Statement;
  const statements = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
  if (statements.length === 0) return "Syntax errors in policy.";
  for (const st of statements) {
    const problem = statementProblem(st, kind);
    if (problem) return problem;
  }
  return undefined;
}

function statementProblem(st: unknown, kind: PolicyKind): string | undefined {
  if (!isObject(st)) return "Syntax errors in policy.";
  for (const key of Object.keys(st)) if (!STATEMENT_FIELDS.has(key)) return "Syntax errors in policy.";
  if (st.Effect === undefined) return "Missing required field Effect";
  if (st.Effect !== "Allow" && st.Effect !== "Deny") return `Invalid effect: ${String(st.Effect)}`;
  const actions = st.Action ?? st.NotAction;
  if (actions === undefined) return "Policy statement must contain actions.";
  if (!isStringOrStrings(actions)) return "Syntax errors in policy.";
  if (kind !== "iot") {
    for (const a of typeof actions === "string" ? [actions] : actions)
      if (a !== "*" && !/^[\w-]+:[\w*?-]*$/.test(a))
        return "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
  }
  const hasPrincipal = st.Principal !== undefined || st.NotPrincipal !== undefined;
  const resources = st.Resource ?? st.NotResource;
  if (kind === "trust") {
    if (!hasPrincipal) return "Missing required field Principal";
    if (resources !== undefined)
      return `Has prohibited field ${st.Resource !== undefined ? "Resource" : "NotResource"}`;
  } else {
    if (hasPrincipal) return "Policy document should not specify a principal.";
    if (resources === undefined) return "Policy statement must contain resources.";
    if (!isStringOrStrings(resources)) return "Syntax errors in policy.";
  }
  if (st.Condition !== undefined && !isObject(st.Condition)) return "Syntax errors in policy.";
  return undefined;
}
